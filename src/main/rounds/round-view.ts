import type { Branch } from '../../shared/contract/branches';
import type { Round, RoundSummary } from '../../shared/contract/rounds';
import { flagsOf, gaps, type VisitedPoint } from './quality';
import type { RoundsPorts } from './ports';
import type { ObservationRow, RoundRow, VisitRow } from './rounds.repo';
import type { RouteVersionRow } from './routes.repo';

const zoneNameIn = (branch: Branch, id: string) => branch.zones.find((z) => z.id === id)?.name ?? '(removed zone)';

/** A round's checkpoints as quality reads them: route order, zone, and when each was reached. */
export function pointsOf(route: RouteVersionRow, visits: readonly VisitRow[], branch: Branch): VisitedPoint[] {
  const byCheckpoint = new Map(visits.map((v) => [v.checkpointId, v]));
  return route.checkpoints.map((c, order) => {
    const v = byCheckpoint.get(c.id);
    return {
      order,
      zoneName: zoneNameIn(branch, c.zoneId),
      at: v?.status === 'visited' ? Date.parse(v.at) : null,
      walked: v?.method === 'walked',
    };
  });
}

/** Builds the contract's views of rounds, naming staff and zones through the ports. */
export class RoundViews {
  constructor(private readonly ports: RoundsPorts) {}

  round(
    r: RoundRow,
    route: RouteVersionRow,
    branch: Branch,
    visits: VisitRow[],
    observations: ObservationRow[],
  ): Round {
    const names = this.ports.staff.names([
      r.startedBy,
      ...(r.endedBy ? [r.endedBy] : []),
      ...visits.map((v) => v.by),
      ...observations.map((o) => o.by),
    ]);
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
    const byCheckpoint = new Map(visits.map((v) => [v.checkpointId, v]));
    return {
      id: r.id,
      routeId: r.routeId,
      routeName: route.name,
      version: route.version,
      branchId: r.branchId,
      branchName: branch.name,
      timeZone: branch.timeZone,
      status: r.endedAt ? 'ended' : 'open',
      startedAt: r.startedAt,
      startedBy: who(r.startedBy),
      endedAt: r.endedAt,
      endedBy: r.endedBy ? who(r.endedBy) : null,
      endNote: r.endNote,
      minGapSeconds: route.minGapSeconds,
      checkpoints: route.checkpoints.map((c) => {
        const zone = branch.zones.find((z) => z.id === c.zoneId);
        const v = byCheckpoint.get(c.id);
        return {
          ...c,
          zoneName: zone?.name ?? '(removed zone)',
          zoneKind: zone?.kind ?? 'interior',
          visit: v ? { status: v.status, at: v.at, by: who(v.by), method: v.method, reason: v.reason } : null,
        };
      }),
      observations: observations.map(({ by, roundId: _round, ...o }) => ({ ...o, by: who(by) })),
      flags: flagsOf(pointsOf(route, visits, branch), route.minGapSeconds),
      journal: this.ports.journal.refsFor(r.id),
    };
  }

  summary(
    r: RoundRow,
    route: RouteVersionRow,
    branch: Branch,
    visits: VisitRow[],
    observations: number,
    names: Map<string, string>,
  ): RoundSummary {
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
    const points = pointsOf(route, visits, branch);
    const between = gaps(points).map((g) => g.seconds);
    return {
      id: r.id,
      routeId: r.routeId,
      routeName: route.name,
      startedAt: r.startedAt,
      startedBy: who(r.startedBy),
      endedAt: r.endedAt,
      endedBy: r.endedBy ? who(r.endedBy) : null,
      total: route.checkpoints.length,
      visited: visits.filter((v) => v.status === 'visited').length,
      skipped: visits.filter((v) => v.status === 'skipped').length,
      byCamera: visits.filter((v) => v.method === 'camera').length,
      observations,
      flags: flagsOf(points, route.minGapSeconds),
      shortestGapSeconds: between.length ? Math.min(...between) : null,
      longestGapSeconds: between.length ? Math.max(...between) : null,
    };
  }
}
