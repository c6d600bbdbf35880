/**
 * When rounds are due, as pure arithmetic over one opening of a branch. The first
 * round is due a set time after opening (or after the route was made, if later);
 * each next one an interval after the last round started. A round started by the
 * due time plus the grace is on time; past that the due time is overdue, and stays
 * so until a round starts. Every due time whose grace ran out with no round started
 * is a missed interval: after one is missed, the next falls an interval later.
 * Nothing is due at or after closing, and nothing is missed once the branch closes.
 */

export interface RouteTiming {
  intervalMs: number;
  firstAfterMs: number;
  graceMs: number;
}

export type DueState =
  | { state: 'done' }
  | { state: 'waiting' | 'due'; dueAt: number }
  | { state: 'overdue'; dueAt: number; overdueSince: number };

export interface Walked {
  /** Where the route stands at `until`. */
  now: DueState;
  /** Due times whose grace ran out with no round started, up to `until`. */
  missed: number[];
}

/**
 * Walks one session up to `until` (now, or the session's end for history).
 * `starts` are the start times of this route's rounds (any order); `since` is when
 * the route began to exist.
 */
export function walkSession(
  session: { opensAt: number; closesAt: number },
  timing: RouteTiming,
  starts: readonly number[],
  until: number,
  since = 0,
): Walked {
  const end = Math.min(until, session.closesAt);
  const missed: number[] = [];
  const missedBefore = (first: number, limit: number) => {
    for (let d = first; d < session.closesAt && d + timing.graceMs < limit; d += timing.intervalMs) missed.push(d);
  };
  let due = Math.max(session.opensAt, since) + timing.firstAfterMs;
  for (const s of [...starts].sort((a, b) => a - b)) {
    if (s < session.opensAt || s > end) continue;
    missedBefore(due, s);
    due = s + timing.intervalMs;
  }
  missedBefore(due, end);
  if (due >= session.closesAt || until >= session.closesAt) return { now: { state: 'done' }, missed };
  if (until < due) return { now: { state: 'waiting', dueAt: due }, missed };
  if (until <= due + timing.graceMs) return { now: { state: 'due', dueAt: due }, missed };
  return { now: { state: 'overdue', dueAt: due, overdueSince: due + timing.graceMs }, missed };
}
