import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';

export interface ShiftRow {
  id: string;
  branchId: string | null;
  staffId: string;
  startedAt: string;
  endedAt: string | null;
  endedBy: string | null;
  endNote: string;
}

const COLUMNS = `id, branch_id AS branchId, staff_id AS staffId, started_at AS startedAt, ended_at AS endedAt,
  ended_by AS endedBy, end_note AS endNote`;

/** SQL of the shifts table: who was on, where, from when to when. */
export class ShiftsRepo {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = preparedStatements(db);
  }

  insert(row: ShiftRow): void {
    this.q(
      `INSERT INTO shifts (id, branch_id, staff_id, started_at, ended_at, ended_by, end_note)
       VALUES (@id, @branchId, @staffId, @startedAt, @endedAt, @endedBy, @endNote)`,
    ).run(row);
  }

  get(id: string): ShiftRow | undefined {
    return this.q<[string], ShiftRow>(`SELECT ${COLUMNS} FROM shifts WHERE id = ?`).get(id);
  }

  openOf(staffId: string): ShiftRow | undefined {
    return this.q<[string], ShiftRow>(`SELECT ${COLUMNS} FROM shifts WHERE staff_id = ? AND ended_at IS NULL`).get(
      staffId,
    );
  }

  open(): ShiftRow[] {
    return this.q<[], ShiftRow>(`SELECT ${COLUMNS} FROM shifts WHERE ended_at IS NULL ORDER BY started_at, id`).all();
  }

  /** The shift that ended last. */
  lastEnded(): ShiftRow | undefined {
    return this.q<[], ShiftRow>(
      `SELECT ${COLUMNS} FROM shifts WHERE ended_at IS NOT NULL ORDER BY ended_at DESC, id DESC LIMIT 1`,
    ).get();
  }

  end(id: string, at: string, by: string, note: string): boolean {
    return (
      this.q(`UPDATE shifts SET ended_at = ?, ended_by = ?, end_note = ? WHERE id = ? AND ended_at IS NULL`).run(
        at,
        by,
        note,
        id,
      ).changes === 1
    );
  }

  /** Shifts started in [from, to), newest first. */
  startedBetween(from: string, to: string, branchId: string | undefined): ShiftRow[] {
    return branchId
      ? this.q<[string, string, string], ShiftRow>(
          `SELECT ${COLUMNS} FROM shifts WHERE started_at >= ? AND started_at < ? AND branch_id = ?
           ORDER BY started_at DESC, id DESC`,
        ).all(from, to, branchId)
      : this.q<[string, string], ShiftRow>(
          `SELECT ${COLUMNS} FROM shifts WHERE started_at >= ? AND started_at < ? ORDER BY started_at DESC, id DESC`,
        ).all(from, to);
  }

  /**
   * Shifts on at any moment of [from, to) at a branch (with the desks for every branch),
   * or anywhere when branchId is null, oldest first: who was on during a report's span.
   */
  overlapping(from: string, to: string, branchId: string | null): ShiftRow[] {
    const sql = `SELECT ${COLUMNS} FROM shifts WHERE started_at < ? AND (ended_at IS NULL OR ended_at > ?)`;
    return branchId
      ? this.q<[string, string, string], ShiftRow>(
          `${sql} AND (branch_id = ? OR branch_id IS NULL) ORDER BY started_at, id`,
        ).all(to, from, branchId)
      : this.q<[string, string], ShiftRow>(`${sql} ORDER BY started_at, id`).all(to, from);
  }
}
