import type { Db } from '../db/connection';
import type { EvacuationKind } from '../../shared/contract/evacuation';

export interface EvacuationRow {
  id: string;
  branch_id: string;
  kind: EvacuationKind;
  description: string;
  started_at: string;
  started_by: string;
  assembly_point: string;
  sweep_target_s: number;
  ended_at: string | null;
  swept_after_s: number | null;
  zones_total: number;
  zones_swept: number;
}

export interface LogRow {
  id: string;
  evacuation_id: string;
  seq: number;
  kind: string;
  at: string;
  recorded_at: string;
  recorded_by: string;
  data: string;
}

export interface PlanRow {
  branch_id: string;
  assembly_point: string;
  sweep_target_s: number;
  /** JSON [{ zoneId, assignee }] in sweep order. */
  zones: string;
  updated_at: string;
  updated_by: string;
}

/** SQL of evacuations, their append-only log, and the branches' evacuation plans. */
export class EvacuationRepo {
  private readonly runningStmt;
  private readonly getStmt;
  private readonly logStmt;

  constructor(private readonly db: Db) {
    this.runningStmt = db.prepare<[], EvacuationRow>(
      'SELECT * FROM evacuations WHERE ended_at IS NULL ORDER BY started_at, id',
    );
    this.getStmt = db.prepare<[string], EvacuationRow>('SELECT * FROM evacuations WHERE id = ?');
    this.logStmt = db.prepare<[string], LogRow>('SELECT * FROM evacuation_log WHERE evacuation_id = ? ORDER BY seq');
  }

  running(): EvacuationRow[] {
    return this.runningStmt.all();
  }

  runningAt(branchId: string): EvacuationRow | undefined {
    return this.db
      .prepare<[string], EvacuationRow>('SELECT * FROM evacuations WHERE branch_id = ? AND ended_at IS NULL')
      .get(branchId);
  }

  get(id: string): EvacuationRow | undefined {
    return this.getStmt.get(id);
  }

  insert(row: EvacuationRow): void {
    this.db
      .prepare(
        `INSERT INTO evacuations (id, branch_id, kind, description, started_at, started_by, assembly_point,
           sweep_target_s, ended_at, swept_after_s, zones_total, zones_swept)
         VALUES (@id, @branch_id, @kind, @description, @started_at, @started_by, @assembly_point,
           @sweep_target_s, @ended_at, @swept_after_s, @zones_total, @zones_swept)`,
      )
      .run(row);
  }

  /** The sweep counts mirrored on the row (for the list and the drill trend). */
  setSweeps(id: string, zonesSwept: number, sweptAfter: number | null): void {
    this.db
      .prepare('UPDATE evacuations SET zones_swept = ?, swept_after_s = ? WHERE id = ?')
      .run(zonesSwept, sweptAfter, id);
  }

  end(id: string, at: string): void {
    this.db.prepare('UPDATE evacuations SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(at, id);
  }

  log(id: string): LogRow[] {
    return this.logStmt.all(id);
  }

  append(row: Omit<LogRow, 'seq'>): void {
    this.db
      .prepare(
        `INSERT INTO evacuation_log (id, evacuation_id, seq, kind, at, recorded_at, recorded_by, data)
         VALUES (@id, @evacuation_id,
           (SELECT coalesce(max(seq), 0) + 1 FROM evacuation_log WHERE evacuation_id = @evacuation_id),
           @kind, @at, @recorded_at, @recorded_by, @data)`,
      )
      .run(row);
  }

  /** The newest first; a branch's only, when given. */
  list(branchId: string | undefined, limit: number): EvacuationRow[] {
    if (branchId) {
      return this.db
        .prepare<[string, number], EvacuationRow>(
          'SELECT * FROM evacuations WHERE branch_id = ? ORDER BY started_at DESC, id DESC LIMIT ?',
        )
        .all(branchId, limit);
    }
    return this.db
      .prepare<[number], EvacuationRow>('SELECT * FROM evacuations ORDER BY started_at DESC, id DESC LIMIT ?')
      .all(limit);
  }

  /** Evacuations and drills started in [from, to), oldest first. */
  startedBetween(from: string, to: string): EvacuationRow[] {
    return this.db
      .prepare<[string, string], EvacuationRow>(
        'SELECT * FROM evacuations WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id',
      )
      .all(from, to);
  }

  plan(branchId: string): PlanRow | undefined {
    return this.db.prepare<[string], PlanRow>('SELECT * FROM evacuation_plans WHERE branch_id = ?').get(branchId);
  }

  plans(): PlanRow[] {
    return this.db.prepare<[], PlanRow>('SELECT * FROM evacuation_plans').all();
  }

  savePlan(row: PlanRow): void {
    this.db
      .prepare(
        `INSERT INTO evacuation_plans (branch_id, assembly_point, sweep_target_s, zones, updated_at, updated_by)
         VALUES (@branch_id, @assembly_point, @sweep_target_s, @zones, @updated_at, @updated_by)
         ON CONFLICT (branch_id) DO UPDATE SET assembly_point = excluded.assembly_point,
           sweep_target_s = excluded.sweep_target_s, zones = excluded.zones, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(row);
  }
}
