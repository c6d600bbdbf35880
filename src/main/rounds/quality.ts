import type { RoundFlag } from '../../shared/contract/rounds';

/** A checkpoint of a round as quality is judged: its place on the route and its visit, if any. */
export interface VisitedPoint {
  /** Position on the route (0 = first). */
  order: number;
  zoneName: string;
  /** Epoch ms of the visit; null when not visited (skipped or not yet). */
  at: number | null;
  walked: boolean;
}

export interface Gap {
  seconds: number;
  from: string;
  to: string;
  /** When the later checkpoint was reached. */
  at: number;
}

const words = (seconds: number) =>
  seconds < 60
    ? `${Math.round(seconds)} s`
    : `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${Math.round(seconds % 60)} s` : ''}`;

/** The times between one visited checkpoint and the next, in the order they were reached. */
export function gaps(points: readonly VisitedPoint[]): (Gap & { walked: boolean })[] {
  const visited = points.filter((p) => p.at !== null).sort((a, b) => a.at! - b.at! || a.order - b.order);
  return visited.slice(1).map((p, i) => ({
    seconds: (p.at! - visited[i]!.at!) / 1000,
    from: visited[i]!.zoneName,
    to: p.zoneName,
    at: p.at!,
    walked: p.walked && visited[i]!.walked,
  }));
}

/**
 * What a round's history should say about how it was walked: checkpoints reached
 * faster on foot than the route's minimum allows, or out of the route's order.
 * Flags never refuse anything; they are there for the supervisor reading history.
 */
export function flagsOf(points: readonly VisitedPoint[], minGapSeconds: number): RoundFlag[] {
  const flags: RoundFlag[] = [];
  if (minGapSeconds > 0) {
    const fast = gaps(points).filter((g) => g.walked && g.seconds < minGapSeconds);
    if (fast.length > 0) {
      const quickest = fast.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      flags.push({
        kind: 'fast',
        text: `Walked faster than the route allows: ${fast.length === 1 ? 'one checkpoint' : `${fast.length} checkpoints`} reached in under ${words(minGapSeconds)} (quickest ${words(quickest.seconds)}, ${quickest.from} to ${quickest.to})`,
      });
    }
  }
  const byTime = points.filter((p) => p.at !== null).sort((a, b) => a.at! - b.at!);
  const back = byTime.findIndex((p, i) => i > 0 && p.order < byTime[i - 1]!.order);
  if (back > 0) {
    flags.push({
      kind: 'order',
      text: `Checkpoints visited out of order: ${byTime[back]!.zoneName} after ${byTime[back - 1]!.zoneName}`,
    });
  }
  return flags;
}
