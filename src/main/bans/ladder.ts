import type { PolicyBody, PolicyTier, Step } from '../../shared/contract/bans';
import { dayWords } from '../zoned';
import { sameStep, stepDays, stepLabel } from '../../shared/ban-steps';

export { sameStep, stepDays, stepLabel };

const ORDINALS = ['1st', '2nd', '3rd'];
const ordinal = (n: number) => ORDINALS[n - 1] ?? `${n}th`;

/** One earlier violation of a tier: an incident where the person was a subject, citing one of its rules. */
export interface Violation {
  incidentId: string;
  number: string;
  occurredFrom: string;
  ruleCodes: string[];
}

export interface LadderProposal {
  tier: PolicyTier;
  prior: Violation[];
  windowStart: Date;
  step: Step;
  stepIndex: number;
  why: string;
}

/** The tier a rule belongs to (rules not listed in any tier fall back to the first one). */
export function tierOf(policy: PolicyBody, ruleCode: string): PolicyTier {
  return policy.tiers.find((t) => t.ruleCodes.includes(ruleCode)) ?? policy.tiers[0]!;
}

/**
 * The policy's proposal for one incident: for each tier its rules touch, count the
 * person's earlier violations of that tier within the tier's lookback window (ending
 * at this incident), and take the step after them; the harshest tier wins. Violations
 * whose ban was rescinded (lifted on appeal, or lifted as issued in error) were
 * removed from `prior` by the caller and do not count.
 */
export function proposeStep(
  policy: PolicyBody,
  incident: { occurredFrom: string; ruleCodes: string[] },
  earlier: readonly Violation[],
  timeZone: string,
): LadderProposal {
  const at = new Date(incident.occurredFrom);
  const tiers = [...new Map(incident.ruleCodes.map((c) => [tierOf(policy, c).code, tierOf(policy, c)])).values()];
  if (tiers.length === 0) tiers.push(policy.tiers[0]!);
  const proposals = tiers.map((tier): LadderProposal => {
    const windowStart = new Date(at.getTime() - tier.lookbackDays * 86_400_000);
    const prior = earlier.filter((v) => {
      const t = Date.parse(v.occurredFrom);
      return (
        t >= windowStart.getTime() && t < at.getTime() && v.ruleCodes.some((c) => tierOf(policy, c).code === tier.code)
      );
    });
    const stepIndex = Math.min(prior.length, tier.steps.length - 1);
    const step = tier.steps[stepIndex]!;
    const count = prior.length + 1;
    const since =
      prior.length > 0
        ? ` since ${dayWords(new Date(prior[0]!.occurredFrom), timeZone, at)}`
        : ` in ${windowWords(tier.lookbackDays)}`;
    const why = `${ordinal(count)} ${tier.name.toLowerCase()} violation${since}: ${stepLabel(step).toLowerCase()}`;
    return { tier, prior, windowStart, step, stepIndex, why };
  });
  return proposals.reduce((a, b) => (stepDays(b.step) > stepDays(a.step) ? b : a));
}

function windowWords(days: number): string {
  if (days % 365 === 0) return days === 365 ? '12 months' : `${days / 365} years`;
  return `${days} days`;
}
