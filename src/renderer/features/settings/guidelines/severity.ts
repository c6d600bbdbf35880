import type { Severity } from '../../../../shared/contract';
import type { Option } from '../../../components/Field';

/**
 * The contract's tiers in words (1 minor, 2 serious, 3 severe), typed against it
 * rather than imported as values, which would bundle zod.
 */
export const SEVERITY_TIER = {
  1: 'Tier 1 — minor',
  2: 'Tier 2 — serious',
  3: 'Tier 3 — severe',
} as const satisfies Record<Severity, string>;

/** What each tier means, for the form where an administrator picks one. */
const SEVERITY_MEANING = {
  1: 'a reminder usually resolves it',
  2: 'may lead to leaving for the day',
  3: 'safety at risk; may lead to police contact and a ban',
} as const satisfies Record<Severity, string>;

type SeverityValue = `${Severity}`;

export const SEVERITY_OPTIONS: readonly Option<SeverityValue>[] = (
  [1, 2, 3] as const satisfies readonly Severity[]
).map((s) => ({ value: `${s}`, label: `${SEVERITY_TIER[s]}: ${SEVERITY_MEANING[s]}` }));

/** The select holds text; the contract wants the number. */
export const severityOf = (value: SeverityValue): Severity => Number(value) as Severity;
