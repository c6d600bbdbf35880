import type { Db } from '../db/connection';
import type { HoldKind, HoldReason, PurgeCount } from '../../shared/contract/retention';

export interface HoldRow {
  id: string;
  kind: HoldKind;
  recordId: string;
  reason: HoldReason;
  note: string;
  caseNumber: string;
  setAt: string;
  setBy: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseNote: string | null;
}

export interface RunRow {
  id: string;
  startedAt: string;
  finishedAt: string;
  trigger: 'schedule' | 'asked' | 'terminal';
  by: string | null;
  counts: PurgeCount[];
  files: number;
  ms: number;
}

const HOLD_COLUMNS = `id, kind, record_id AS recordId, reason, note, case_number AS caseNumber, set_at AS setAt,
  set_by AS setBy, released_at AS releasedAt, released_by AS releasedBy, release_note AS releaseNote`;

/** Legal holds, the purge log and the purge gate (migration 110). */
export class RetentionRepo {
  constructor(private readonly db: Db) {}

  /** Opens the append-only tables to this transaction's deletes; `closeGate` before it commits. */
  openGate(): void {
    if (!this.db.inTransaction) throw new Error('the purge gate opens only inside the purge’s transaction');
    this.db.prepare('INSERT INTO purge_gate (open) VALUES (1)').run();
  }

  closeGate(): void {
    this.db.prepare('DELETE FROM purge_gate').run();
  }

  activeHolds(): HoldRow[] {
    return this.db.prepare<[], HoldRow>(`SELECT ${HOLD_COLUMNS} FROM legal_holds WHERE released_at IS NULL`).all();
  }

  allHolds(): HoldRow[] {
    return this.db
      .prepare<[], HoldRow>(
        `SELECT ${HOLD_COLUMNS} FROM legal_holds ORDER BY released_at IS NOT NULL, coalesce(released_at, set_at) DESC LIMIT 500`,
      )
      .all();
  }

  holdOf(kind: HoldKind, recordId: string): HoldRow | undefined {
    return this.db
      .prepare<[string, string], HoldRow>(
        `SELECT ${HOLD_COLUMNS} FROM legal_holds WHERE kind = ? AND record_id = ? AND released_at IS NULL`,
      )
      .get(kind, recordId);
  }

  hold(id: string): HoldRow | undefined {
    return this.db.prepare<[string], HoldRow>(`SELECT ${HOLD_COLUMNS} FROM legal_holds WHERE id = ?`).get(id);
  }

  insertHold(h: Omit<HoldRow, 'releasedAt' | 'releasedBy' | 'releaseNote'>): void {
    this.db
      .prepare(
        `INSERT INTO legal_holds (id, kind, record_id, reason, note, case_number, set_at, set_by)
         VALUES (@id, @kind, @recordId, @reason, @note, @caseNumber, @setAt, @setBy)`,
      )
      .run(h);
  }

  release(id: string, at: string, by: string, note: string): boolean {
    return (
      this.db
        .prepare(
          'UPDATE legal_holds SET released_at = ?, released_by = ?, release_note = ? WHERE id = ? AND released_at IS NULL',
        )
        .run(at, by, note, id).changes === 1
    );
  }

  insertRun(r: RunRow): void {
    this.db
      .prepare(
        `INSERT INTO purge_runs (id, started_at, finished_at, trigger, by, counts, files, ms)
         VALUES (@id, @startedAt, @finishedAt, @trigger, @by, @counts, @files, @ms)`,
      )
      .run({ ...r, counts: JSON.stringify(r.counts) });
  }

  runs(limit = 50): RunRow[] {
    return this.db
      .prepare<[number], Omit<RunRow, 'counts'> & { counts: string }>(
        `SELECT id, started_at AS startedAt, finished_at AS finishedAt, trigger, by, counts, files, ms
           FROM purge_runs ORDER BY started_at DESC LIMIT ?`,
      )
      .all(limit)
      .map((r) => ({ ...r, counts: JSON.parse(r.counts) as PurgeCount[] }));
  }
}
