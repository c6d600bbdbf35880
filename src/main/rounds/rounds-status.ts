import type { Clock } from '../clock';
import { invalid, notFound } from '../errors';
import type { Branch } from '../../shared/contract/branches';
import type { BranchRounds, RoundsHistory, RouteStatus } from '../../shared/contract/rounds';
import { addDays, sessionAt, sessionsBetween, zonedInstant, type OpenSession } from '../../shared/opening-hours';
import { gaps } from './quality';
import type { RoundsPorts } from './ports';
import { RoundViews, pointsOf } from './round-view';
import type { RoundsRepo } from './rounds.repo';
import type { RouteVersionRow } from './routes.repo';
import type { RoutesService } from './routes.service';
import { walkSession, type DueState } from './schedule';

const MINUTE = 60_000;
/** A history covers at most this many days. */
const MAX_RANGE_DAYS = 400;

const timingOf = (v: RouteVersionRow) => ({
  intervalMs: v.intervalMinutes * MINUTE,
  firstAfterMs: v.firstAfterMinutes * MINUTE,
  graceMs: v.graceMinutes * MINUTE,
});

/** Where a route stands now in its branch's open session: the schedule walked up to the clock. */
export interface RouteNow {
  route: RouteVersionRow;
  branch: Branch;
  session: OpenSession | null;
  due: DueState;
  missed: number[];
  openRoundId: string | null;
}

/**
 * Derived from routes, rounds, opening hours and the clock, never stored: what is
 * due now (the overview and the alerts), and what was missed (history).
 */
export class RoundsStatus {
  private readonly views: RoundViews;

  constructor(
    private readonly repo: RoundsRepo,
    private readonly routes: RoutesService,
    private readonly ports: RoundsPorts,
    private readonly clock: Clock,
  ) {
    this.views = new RoundViews(ports);
  }

  /** Every active route of every active branch, where it stands at `now`. */
  routesNow(now: number): RouteNow[] {
    const branches = new Map(
      this.ports.branches
        .list()
        .filter((b) => !b.retired)
        .map((b) => [b.id, b]),
    );
    return this.routes.allActive().flatMap((route) => {
      const branch = branches.get(route.branchId);
      return branch ? [this.routeNow(route, branch, now)] : [];
    });
  }

  overview(): BranchRounds[] {
    const now = this.clock.ms();
    const byBranch = new Map<string, RouteNow[]>();
    for (const r of this.routesNow(now)) byBranch.set(r.branch.id, [...(byBranch.get(r.branch.id) ?? []), r]);
    return this.ports.branches
      .list()
      .filter((b) => !b.retired)
      .map((b) => ({
        branchId: b.id,
        open: sessionAt(b.hours, b.timeZone, now) !== null,
        routes: (byBranch.get(b.id) ?? []).map((r) => this.status(r)).sort((a, c) => a.name.localeCompare(c.name)),
      }));
  }

  history(branchId: string, from: string, to: string, staffId: string | null): RoundsHistory {
    const branch = this.ports.branches.find(branchId);
    if (!branch) throw notFound('That branch');
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days > MAX_RANGE_DAYS) throw invalid(`Choose at most ${MAX_RANGE_DAYS} days.`, { to: 'Too long a span' });
    const fromMs = zonedInstant(from, '00:00', branch.timeZone);
    const toMs = zonedInstant(addDays(to, 1), '00:00', branch.timeZone);
    const rounds = this.repo.between(branchId, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), staffId);
    const visits = this.repo.visitsOf(rounds.map((r) => r.id));
    const observations = this.repo.observationCounts(rounds.map((r) => r.id));
    const versions = new Map(this.routes.versionsOf(branchId).map((v) => [v.id, v]));
    const names = this.ports.staff.names(
      rounds.flatMap((r) => [
        r.startedBy,
        ...(r.endedBy ? [r.endedBy] : []),
        ...(visits.get(r.id) ?? []).map((v) => v.by),
      ]),
    );
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });

    const summaries = rounds.map((r) =>
      this.views.summary(
        r,
        versions.get(r.routeVersionId)!,
        branch,
        visits.get(r.id) ?? [],
        observations.get(r.id) ?? 0,
        names,
      ),
    );
    const skipped = rounds.flatMap((r) => {
      const route = versions.get(r.routeVersionId)!;
      return (visits.get(r.id) ?? [])
        .filter((v) => v.status === 'skipped')
        .map((v) => {
          const zoneId = route.checkpoints.find((c) => c.id === v.checkpointId)?.zoneId;
          return {
            roundId: r.id,
            routeName: route.name,
            zoneName: branch.zones.find((z) => z.id === zoneId)?.name ?? '(removed zone)',
            at: v.at,
            by: who(v.by),
            reason: v.reason,
          };
        });
    });
    const allGaps = rounds.flatMap((r) =>
      gaps(pointsOf(versions.get(r.routeVersionId)!, visits.get(r.id) ?? [], branch)).map((g) => ({
        ...g,
        roundId: r.id,
      })),
    );
    const pick = (better: (a: number, b: number) => boolean) =>
      allGaps.length === 0 ? null : allGaps.reduce((a, b) => (better(b.seconds, a.seconds) ? b : a));
    const asGap = (g: ReturnType<typeof pick>) =>
      g && { seconds: g.seconds, roundId: g.roundId, from: g.from, to: g.to, at: new Date(g.at).toISOString() };

    return {
      branchId,
      from,
      to,
      staffId,
      rounds: summaries,
      missed: staffId ? [] : this.missed(branch, [...versions.values()], fromMs, toMs),
      skipped,
      shortestGap: asGap(pick((a, b) => a < b)),
      longestGap: asGap(pick((a, b) => a > b)),
    };
  }

  /** Each route's missed intervals over [fromMs, toMs), under the version in force each day. */
  private missed(
    branch: Branch,
    versions: readonly RouteVersionRow[],
    fromMs: number,
    toMs: number,
  ): RoundsHistory['missed'] {
    const now = this.clock.ms();
    const end = Math.min(toMs, now);
    if (end <= fromMs) return [];
    const sessions = sessionsBetween(branch.hours, branch.timeZone, fromMs, end);
    const byRoute = new Map<string, RouteVersionRow[]>();
    for (const v of versions) byRoute.set(v.routeId, [...(byRoute.get(v.routeId) ?? []), v]);
    const starts = this.repo.startsBetween(
      [...byRoute.keys()],
      new Date(fromMs - 86_400_000).toISOString(),
      new Date(end).toISOString(),
    );
    const out: RoundsHistory['missed'] = [];
    for (const [routeId, list] of byRoute) {
      const created = Date.parse(list[0]!.routeCreatedAt);
      const retiredAt = list[0]!.retiredAt ? Date.parse(list[0]!.retiredAt) : Infinity;
      for (const session of sessions) {
        if (session.closesAt <= created || session.opensAt >= retiredAt) continue;
        // The version saved last before this session closed is the one the desk was working to.
        const inForce = [...list].reverse().find((v) => Date.parse(v.createdAt) < session.closesAt) ?? list[0]!;
        const walked = walkSession(
          session,
          timingOf(inForce),
          starts.get(routeId) ?? [],
          Math.min(end, retiredAt),
          created,
        );
        for (const dueAt of walked.missed) {
          out.push({ routeId, routeName: inForce.name, date: session.date, dueAt: new Date(dueAt).toISOString() });
        }
      }
    }
    return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  private routeNow(route: RouteVersionRow, branch: Branch, now: number): RouteNow {
    const session = sessionAt(branch.hours, branch.timeZone, now);
    const open = this.repo.openRound(route.routeId);
    if (!session) return { route, branch, session, due: { state: 'done' }, missed: [], openRoundId: open?.id ?? null };
    const starts =
      this.repo
        .startsBetween([route.routeId], new Date(session.opensAt).toISOString(), new Date(now + 1).toISOString())
        .get(route.routeId) ?? [];
    const walked = walkSession(session, timingOf(route), starts, now, Date.parse(route.routeCreatedAt));
    return { route, branch, session, due: walked.now, missed: walked.missed, openRoundId: open?.id ?? null };
  }

  private status(r: RouteNow): RouteStatus {
    const open = r.openRoundId ? this.repo.round(r.openRoundId) : undefined;
    const last = this.repo.latest(r.route.routeId);
    const names = this.ports.staff.names([...(open ? [open.startedBy] : []), ...(last ? [last.startedBy] : [])]);
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
    const openVisits = open ? this.repo.visits(open.id).length : 0;
    const openTotal = open ? (this.routes.version(open.routeVersionId)?.checkpoints.length ?? 0) : 0;
    const due = r.due;
    const state: RouteStatus['state'] = !r.session ? 'closed' : open ? 'inProgress' : due.state;
    return {
      routeId: r.route.routeId,
      name: r.route.name,
      checkpoints: r.route.checkpoints.length,
      intervalMinutes: r.route.intervalMinutes,
      graceMinutes: r.route.graceMinutes,
      state,
      dueAt: 'dueAt' in due ? new Date(due.dueAt).toISOString() : null,
      overdueSince: due.state === 'overdue' && !open ? new Date(due.overdueSince).toISOString() : null,
      openRound: open
        ? { id: open.id, startedAt: open.startedAt, startedBy: who(open.startedBy), done: openVisits, total: openTotal }
        : null,
      lastRound: last
        ? { id: last.id, startedAt: last.startedAt, endedAt: last.endedAt, by: who(last.startedBy) }
        : null,
      missedToday: r.missed.length,
    };
  }
}
