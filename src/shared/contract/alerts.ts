import { z } from 'zod';
import { signedIn } from '../roles';
import { method } from './define';
import { Id, IsoTime, NoInput } from './common';

/** The work panels an alert can send the desk to. */
export const WORK_TABS = ['incidents', 'bans', 'rounds', 'calls', 'closing', 'shift'] as const;
export type WorkTabKey = (typeof WORK_TABS)[number];

/** How much it matters now: urgent (act now), warning (soon), notice (today). */
export const ALERT_LEVELS = ['urgent', 'warning', 'notice'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/**
 * A desk alert: derived from records and main's clock by the alert scheduler,
 * never stored, so a restart rebuilds the same list. Words first: the title says
 * what is happening as the desk would say it aloud.
 */
export const DeskAlert = z.object({
  /** Stable while the situation lasts (kind + record), so the strip does not flicker. */
  id: z.string(),
  /** What produced it, e.g. 'closing.soon', 'round.overdue', 'call.unanswered', 'ban.ending'. */
  kind: z.string(),
  level: z.enum(ALERT_LEVELS),
  branchId: Id.nullable(),
  /** "Closing in 10 minutes: announce it", "Round overdue at East Branch". */
  title: z.string(),
  /** One more line of facts; may be empty. */
  detail: z.string(),
  /** When the situation began (the strip says "since 19:42"). */
  since: IsoTime,
  /** Where the work is: the tab, and the record to open there. */
  work: z.object({ tab: z.enum(WORK_TABS), recordId: z.string().nullable() }),
});
export type DeskAlert = z.infer<typeof DeskAlert>;

export const alertsContract = {
  'alerts.list': method({
    summary: 'The desk alerts now, most urgent first (derived from records and the clock).',
    input: NoInput,
    output: z.array(DeskAlert),
    patron: 'none',
    writes: false,
    access: signedIn,
  }),
} as const;
