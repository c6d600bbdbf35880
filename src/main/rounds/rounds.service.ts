import { timeWords } from '../zoned';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound, type AppError } from '../errors';
import { uuidv7 } from '../ids';
import type { Branch } from '../../shared/contract/branches';
import type { CheckMethod } from '../../shared/contract/closing';
import type { JournalKind } from '../../shared/contract/journal';
import type { Round } from '../../shared/contract/rounds';
import type { RoundsPorts } from './ports';
import { RoundViews } from './round-view';
import type { RoundRow, RoundsRepo, VisitRow } from './rounds.repo';
import type { RoutesService } from './routes.service';

/**
 * Patrol rounds: started with one key, each checkpoint marked visited (who, when,
 * walked or on camera) or skipped with a reason, observations along the way, then
 * ended. Each change is one IMMEDIATE transaction with its journal entry, so a
 * round survives a restart exactly as far as it got.
 */
export class RoundsService {
  private readonly views: RoundViews;

  constructor(
    private readonly db: Db,
    private readonly repo: RoundsRepo,
    private readonly routes: RoutesService,
    private readonly journal: Journal,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly ports: RoundsPorts,
    private readonly clock: Clock,
  ) {
    this.views = new RoundViews(ports);
  }

  /** Starts a round of the route, or gives back the one being walked (two consoles pressing R get one round). */
  start(routeId: string, staffId: string): Round {
    let started = false;
    const round = this.db
      .transaction(() => {
        const route = this.routes.current(routeId);
        const branch = this.branch(route.branchId);
        if (route.retired) throw conflict(`“${route.name}” is retired: ask an administrator to bring it back first.`);
        if (branch.retired) throw conflict(`${branch.name} is retired: it has no rounds.`);
        const open = this.repo.openRound(routeId);
        if (open) return open;
        const row: RoundRow = {
          id: uuidv7(),
          routeId,
          routeVersionId: route.id,
          branchId: route.branchId,
          startedAt: this.clock.now().toISOString(),
          startedBy: staffId,
          endedAt: null,
          endedBy: null,
          endNote: '',
        };
        this.repo.insertRound(row);
        this.journal.append({ kind: 'round.started', recordId: row.id, actor: staffId, payload: row });
        started = true;
        return row;
      })
      .immediate();
    if (started) this.changed(round);
    return this.view(round);
  }

  get(roundId: string, staffId: string): Round {
    const round = this.view(this.round(roundId));
    // Observations can describe a patron: reading them is recorded.
    if (round.observations.length > 0) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'round',
        recordId: roundId,
        detail: `Opened the ${round.routeName} of ${round.branchName} started ${round.startedAt}`,
      });
    }
    return round;
  }

  visit(roundId: string, checkpointId: string, method: CheckMethod, staffId: string): Round {
    return this.mark(roundId, checkpointId, staffId, 'round.checkpointVisited', {
      status: 'visited',
      method,
      reason: '',
    });
  }

  skip(roundId: string, checkpointId: string, reason: string, staffId: string): Round {
    return this.mark(roundId, checkpointId, staffId, 'round.checkpointSkipped', {
      status: 'skipped',
      method: null,
      reason,
    });
  }

  observe(roundId: string, checkpointId: string, text: string, staffId: string): Round {
    return this.change(roundId, (round, route) => {
      if (!route.checkpoints.some((c) => c.id === checkpointId)) throw this.notOnRoute(route.name);
      if (round.endedAt) throw this.ended(round, 'take observations');
      const row = {
        id: uuidv7(),
        roundId,
        checkpointId,
        at: this.clock.now().toISOString(),
        by: staffId,
        text,
        incidentId: null,
      };
      this.repo.insertObservation(row);
      this.journal.append({ kind: 'round.observation', recordId: roundId, actor: staffId, payload: row });
    });
  }

  linkIncident(roundId: string, observationId: string, incidentId: string, staffId: string): Round {
    return this.change(roundId, () => {
      if (!this.repo.setObservationIncident(roundId, observationId, incidentId)) throw notFound('That observation');
      this.journal.append({
        kind: 'round.incidentLinked',
        recordId: roundId,
        actor: staffId,
        payload: { roundId, observationId, incidentId },
      });
    });
  }

  end(roundId: string, note: string, skipRemainingReason: string, staffId: string): Round {
    return this.change(roundId, (round, route) => {
      if (round.endedAt) throw this.ended(round, 'end again');
      const done = new Set(this.repo.visits(roundId).map((v) => v.checkpointId));
      const left = route.checkpoints.filter((c) => !done.has(c.id));
      if (left.length > 0 && !skipRemainingReason) {
        const branch = this.branch(round.branchId);
        const names = left.map((c) => branch.zones.find((z) => z.id === c.zoneId)?.name ?? '(removed zone)');
        throw invalid(
          `${left.length === 1 ? 'One checkpoint has' : `${left.length} checkpoints have`} not been visited (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}): visit ${left.length === 1 ? 'it' : 'them'}, or say why ${left.length === 1 ? 'it is' : 'they are'} skipped.`,
          { skipRemainingReason: 'Say why the rest are skipped' },
        );
      }
      const at = this.clock.now().toISOString();
      for (const c of left) {
        const v: VisitRow = {
          roundId,
          checkpointId: c.id,
          status: 'skipped',
          at,
          by: staffId,
          method: null,
          reason: skipRemainingReason,
        };
        this.repo.insertVisit(v);
        this.journal.append({ kind: 'round.checkpointSkipped', recordId: roundId, actor: staffId, payload: v });
      }
      if (!this.repo.end(roundId, at, staffId, note)) throw this.ended(round, 'end again');
      this.journal.append({
        kind: 'round.ended',
        recordId: roundId,
        actor: staffId,
        payload: { ...this.round(roundId), skippedAtEnd: left.map((c) => c.id) },
      });
    });
  }

  // ---- helpers ----

  /** Tells the desk a round changed, with its journal length: a console that already has that state skips the reload. */
  private changed(round: RoundRow): void {
    this.events.emit('rounds.changed', {
      branchId: round.branchId,
      roundId: round.id,
      version: this.journal.refsFor(round.id).length,
    });
  }

  private mark(
    roundId: string,
    checkpointId: string,
    staffId: string,
    kind: JournalKind,
    what: Pick<VisitRow, 'status' | 'method' | 'reason'>,
  ): Round {
    return this.change(roundId, (round, route) => {
      if (round.endedAt) throw this.ended(round, what.status === 'visited' ? 'mark visits' : 'skip checkpoints');
      if (!route.checkpoints.some((c) => c.id === checkpointId)) throw this.notOnRoute(route.name);
      const earlier = this.repo.visits(roundId).find((v) => v.checkpointId === checkpointId);
      if (earlier) throw this.already(round, earlier);
      const row: VisitRow = { roundId, checkpointId, at: this.clock.now().toISOString(), by: staffId, ...what };
      if (!this.repo.insertVisit(row))
        throw this.already(
          round,
          this.repo.visits(roundId).find((v) => v.checkpointId === checkpointId)!,
        );
      this.journal.append({ kind, recordId: roundId, actor: staffId, payload: row });
    });
  }

  /** One change to a round in its transaction, then the event and the round's new view. */
  private change(
    roundId: string,
    apply: (round: RoundRow, route: ReturnType<RoutesService['current']>) => void,
  ): Round {
    const round = this.db
      .transaction(() => {
        const round = this.round(roundId);
        apply(round, this.routes.version(round.routeVersionId)!);
        return this.round(roundId);
      })
      .immediate();
    this.changed(round);
    return this.view(round);
  }

  private view(r: RoundRow): Round {
    const route = this.routes.version(r.routeVersionId)!;
    return this.views.round(r, route, this.branch(r.branchId), this.repo.visits(r.id), this.repo.observations(r.id));
  }

  private already(round: RoundRow, earlier: VisitRow): AppError {
    const name = this.ports.staff.names([earlier.by]).get(earlier.by) ?? 'someone';
    const when = this.clockWords(earlier.at, this.branch(round.branchId));
    return conflict(
      earlier.status === 'visited'
        ? `That checkpoint was already visited by ${name} at ${when}: each checkpoint counts once a round. Go on to the next one.`
        : `That checkpoint was skipped by ${name} at ${when} (“${earlier.reason}”). Go on to the next one.`,
    );
  }

  private ended(round: RoundRow, verb: string): AppError {
    const name = round.endedBy ? (this.ports.staff.names([round.endedBy]).get(round.endedBy) ?? 'someone') : 'someone';
    return conflict(
      `This round was ended by ${name} at ${this.clockWords(round.endedAt!, this.branch(round.branchId))}: it can no longer ${verb}. Start a new round.`,
    );
  }

  private notOnRoute(routeName: string): AppError {
    return invalid(
      `That checkpoint is not on this round’s route (“${routeName}”). Reopen the round to see its checkpoints.`,
    );
  }

  private clockWords(iso: string, branch: Branch): string {
    return timeWords(new Date(iso), branch.timeZone);
  }

  private round(id: string): RoundRow {
    const r = this.repo.round(id);
    if (!r) throw notFound('That round');
    return r;
  }

  private branch(id: string): Branch {
    const b = this.ports.branches.find(id);
    if (!b) throw notFound('That branch');
    return b;
  }
}
