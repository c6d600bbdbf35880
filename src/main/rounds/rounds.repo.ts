import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import type { CheckMethod } from '../../shared/contract/closing';

export interface RoundRow {
  id: string;
  routeId: string;
  routeVersionId: string;
  branchId: string;
  startedAt: string;
  startedBy: string;
  endedAt: string | null;
  endedBy: string | null;
  endNote: string;
}

export interface VisitRow {
  roundId: string;
  checkpointId: string;
  status: 'visited' | 'skipped';
  at: string;
  by: string;
  method: CheckMethod | null;
  reason: string;
}

export interface ObservationRow {
  id: string;
  roundId: string;
  checkpointId: string;
  at: string;
  by: string;
  text: string;
  incidentId: string | null;
}

type Raw = Record<string, string | number | null>;

const toRound = (r: Raw): RoundRow => ({
  id: r.id as string,
  routeId: r.route_id as string,
  routeVersionId: r.route_version_id as string,
  branchId: r.branch_id as string,
  startedAt: r.started_at as string,
  startedBy: r.started_by as string,
  endedAt: r.ended_at as string | null,
  endedBy: r.ended_by as string | null,
  endNote: r.end_note as string,
});

const toVisit = (r: Raw): VisitRow => ({
  roundId: r.round_id as string,
  checkpointId: r.checkpoint_id as string,
  status: r.status as VisitRow['status'],
  at: r.at as string,
  by: r.by as string,
  method: r.method as CheckMethod | null,
  reason: r.reason as string,
});

const toObservation = (r: Raw): ObservationRow => ({
  id: r.id as string,
  roundId: r.round_id as string,
  checkpointId: r.checkpoint_id as string,
  at: r.at as string,
  by: r.by as string,
  text: r.text as string,
  incidentId: r.incident_id as string | null,
});

/** SQL of patrol rounds: the round, one row per checkpoint reached or skipped, observations. */
export class RoundsRepo {
  private readonly roundStmt;
  private readonly visitsStmt;
  private readonly insertVisitStmt;

  private readonly sql;

  constructor(db: Db) {
    this.sql = preparedStatements(db);
    this.roundStmt = this.sql<[string], Raw>('SELECT * FROM patrol_rounds WHERE id = ?');
    this.visitsStmt = this.sql<[string], Raw>('SELECT * FROM patrol_visits WHERE round_id = ? ORDER BY at');
    this.insertVisitStmt = this.sql(
      `INSERT INTO patrol_visits (round_id, checkpoint_id, status, at, by, method, reason)
       VALUES (@roundId, @checkpointId, @status, @at, @by, @method, @reason)`,
    );
  }

  round(id: string): RoundRow | undefined {
    const r = this.roundStmt.get(id);
    return r && toRound(r);
  }

  openRound(routeId: string): RoundRow | undefined {
    const r = this.sql<[string], Raw>('SELECT * FROM patrol_rounds WHERE route_id = ? AND ended_at IS NULL').get(
      routeId,
    );
    return r && toRound(r);
  }

  insertRound(r: RoundRow): void {
    this.sql(
      `INSERT INTO patrol_rounds (id, route_id, route_version_id, branch_id, started_at, started_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(r.id, r.routeId, r.routeVersionId, r.branchId, r.startedAt, r.startedBy);
  }

  /** Ends an open round; false when it had already ended. */
  end(id: string, at: string, by: string, note: string): boolean {
    return (
      this.sql(
        'UPDATE patrol_rounds SET ended_at = ?, ended_by = ?, end_note = ? WHERE id = ? AND ended_at IS NULL',
      ).run(at, by, note, id).changes === 1
    );
  }

  visits(roundId: string): VisitRow[] {
    return this.visitsStmt.all(roundId).map(toVisit);
  }

  /** Inserts a visit or a skip; false when the checkpoint already has one. */
  insertVisit(v: VisitRow): boolean {
    try {
      this.insertVisitStmt.run(v);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return false;
      throw e;
    }
  }

  observations(roundId: string): ObservationRow[] {
    return this.sql<[string], Raw>('SELECT * FROM patrol_observations WHERE round_id = ? ORDER BY at, id')
      .all(roundId)
      .map(toObservation);
  }

  insertObservation(o: ObservationRow): void {
    this.sql(
      'INSERT INTO patrol_observations (id, round_id, checkpoint_id, at, by, text) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(o.id, o.roundId, o.checkpointId, o.at, o.by, o.text);
  }

  /** True when the observation is this round's and now points at the report. */
  setObservationIncident(roundId: string, observationId: string, incidentId: string): boolean {
    return (
      this.sql('UPDATE patrol_observations SET incident_id = ? WHERE id = ? AND round_id = ?').run(
        incidentId,
        observationId,
        roundId,
      ).changes === 1
    );
  }

  /** Start times of each route's rounds started in [from, to). */
  startsBetween(routeIds: readonly string[], from: string, to: string): Map<string, number[]> {
    const stmt = this.sql<[string, string, string], { started_at: string }>(
      'SELECT started_at FROM patrol_rounds WHERE route_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at',
    );
    return new Map(routeIds.map((id) => [id, stmt.all(id, from, to).map((r) => Date.parse(r.started_at))]));
  }

  /** The newest round of a route. */
  latest(routeId: string): RoundRow | undefined {
    const r = this.sql<[string], Raw>(
      'SELECT * FROM patrol_rounds WHERE route_id = ? ORDER BY started_at DESC LIMIT 1',
    ).get(routeId);
    return r && toRound(r);
  }

  /** A branch's rounds started in [from, to), optionally one person's, oldest first. */
  between(branchId: string, from: string, to: string, staffId: string | null): RoundRow[] {
    const rows = staffId
      ? this.sql<[string, string, string, string], Raw>(
          'SELECT * FROM patrol_rounds WHERE branch_id = ? AND started_at >= ? AND started_at < ? AND started_by = ? ORDER BY started_at',
        ).all(branchId, from, to, staffId)
      : this.sql<[string, string, string], Raw>(
          'SELECT * FROM patrol_rounds WHERE branch_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at',
        ).all(branchId, from, to);
    return rows.map(toRound);
  }

  /** Visits of many rounds at once, by round. */
  visitsOf(roundIds: readonly string[]): Map<string, VisitRow[]> {
    const out = new Map<string, VisitRow[]>(roundIds.map((id) => [id, []]));
    for (const id of roundIds) out.set(id, this.visitsStmt.all(id).map(toVisit));
    return out;
  }

  observationCounts(roundIds: readonly string[]): Map<string, number> {
    const stmt = this.sql<[string], { n: number }>('SELECT count(*) AS n FROM patrol_observations WHERE round_id = ?');
    return new Map(roundIds.map((id) => [id, stmt.get(id)!.n]));
  }
}
