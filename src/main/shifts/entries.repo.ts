import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import type { EntryKind, LinkKind } from '../../shared/contract/shifts';

export interface EntryRow {
  id: string;
  chainId: string;
  shiftId: string | null;
  branchId: string | null;
  kind: EntryKind;
  at: string;
  text: string;
  fromName: string;
  callbackNumber: string;
  callbackNeeded: boolean;
  recordedAt: string;
  recordedBy: string;
  corrects: string | null;
  reason: string | null;
  withdrawn: boolean;
  /** No later record corrects it. */
  current: boolean;
}

export interface LinkRow {
  entryId: string;
  kind: LinkKind;
  targetId: string;
  label: string;
}

export interface CallbackRow {
  chainId: string;
  entryId: string;
  doneAt: string;
  doneBy: string;
  note: string;
}

export interface AckRow {
  entryId: string;
  staffId: string;
  at: string;
}

type Raw = Omit<EntryRow, 'callbackNeeded' | 'withdrawn' | 'current'> & {
  callbackNeeded: number;
  withdrawn: number;
  current: number;
};

const COLUMNS = `e.id, e.chain_id AS chainId, e.shift_id AS shiftId, e.branch_id AS branchId, e.kind, e.at, e.text,
  e.from_name AS fromName, e.callback_number AS callbackNumber, e.callback_needed AS callbackNeeded,
  e.recorded_at AS recordedAt, e.recorded_by AS recordedBy, e.corrects, e.reason, e.withdrawn,
  NOT EXISTS (SELECT 1 FROM shift_entries c WHERE c.corrects = e.id) AS current`;

const toRow = (r: Raw): EntryRow => ({
  ...r,
  callbackNeeded: r.callbackNeeded === 1,
  withdrawn: r.withdrawn === 1,
  current: r.current === 1,
});

/** An IN list of `n` bound parameters. */
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
/** SQLite binds at most 32,766 values; lists are read in slices well under it. */
const SLICE = 500;

/** SQL of the shift log: entries and their corrections, links, callbacks done and acknowledgements. */
export class EntriesRepo {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = preparedStatements(db);
  }

  insert(row: Omit<EntryRow, 'current'>): void {
    this.q(
      `INSERT INTO shift_entries (id, chain_id, shift_id, branch_id, kind, at, text, from_name, callback_number,
         callback_needed, recorded_at, recorded_by, corrects, reason, withdrawn)
       VALUES (@id, @chainId, @shiftId, @branchId, @kind, @at, @text, @fromName, @callbackNumber,
         @callbackNeeded, @recordedAt, @recordedBy, @corrects, @reason, @withdrawn)`,
    ).run({
      id: row.id,
      chainId: row.chainId,
      shiftId: row.shiftId,
      branchId: row.branchId,
      kind: row.kind,
      at: row.at,
      text: row.text,
      fromName: row.fromName,
      callbackNumber: row.callbackNumber,
      callbackNeeded: row.callbackNeeded ? 1 : 0,
      recordedAt: row.recordedAt,
      recordedBy: row.recordedBy,
      corrects: row.corrects,
      reason: row.reason,
      withdrawn: row.withdrawn ? 1 : 0,
    });
  }

  insertLink(link: LinkRow): void {
    this.q(`INSERT INTO shift_entry_links (entry_id, kind, target_id, label) VALUES (?, ?, ?, ?)`).run(
      link.entryId,
      link.kind,
      link.targetId,
      link.label,
    );
  }

  insertCallback(row: CallbackRow): void {
    this.q(
      `INSERT INTO shift_callbacks (chain_id, entry_id, done_at, done_by, note) VALUES (@chainId, @entryId, @doneAt,
         @doneBy, @note)`,
    ).run(row);
  }

  insertAck(row: AckRow): void {
    this.q(`INSERT INTO shift_acknowledgements (entry_id, staff_id, at) VALUES (@entryId, @staffId, @at)`).run(row);
  }

  get(id: string): EntryRow | undefined {
    const r = this.q<[string], Raw>(`SELECT ${COLUMNS} FROM shift_entries e WHERE e.id = ?`).get(id);
    return r && toRow(r);
  }

  chain(chainId: string): EntryRow[] {
    return this.q<[string], Raw>(
      `SELECT ${COLUMNS} FROM shift_entries e WHERE e.chain_id = ? ORDER BY e.recorded_at, e.id`,
    )
      .all(chainId)
      .map(toRow);
  }

  /** The version nobody corrects. */
  currentOf(chainId: string): EntryRow | undefined {
    return this.chain(chainId).find((e) => e.current);
  }

  /** Every record (corrected ones too) whose time falls in [from, to), at a branch with the all-branches desk, or anywhere. */
  between(from: string, to: string, branchId: string | null | undefined): EntryRow[] {
    const sql = `SELECT ${COLUMNS} FROM shift_entries e WHERE e.at >= ? AND e.at < ?`;
    const rows =
      branchId === null || branchId === undefined
        ? this.q<[string, string], Raw>(`${sql} ORDER BY e.at DESC, e.id DESC`).all(from, to)
        : this.q<[string, string, string], Raw>(
            `${sql} AND (e.branch_id = ? OR e.branch_id IS NULL) ORDER BY e.at DESC, e.id DESC`,
          ).all(from, to, branchId);
    return rows.map(toRow);
  }

  /** Current messages whose callback is needed and not done, oldest first. */
  callbacksWaiting(): EntryRow[] {
    return this.q<[], Raw>(
      `SELECT ${COLUMNS} FROM shift_entries e INDEXED BY shift_entries_callbacks
       WHERE e.callback_needed = 1 AND e.withdrawn = 0
         AND NOT EXISTS (SELECT 1 FROM shift_entries c WHERE c.corrects = e.id)
         AND NOT EXISTS (SELECT 1 FROM shift_callbacks d WHERE d.chain_id = e.chain_id)
       ORDER BY e.at, e.id`,
    )
      .all()
      .map(toRow);
  }

  /** Current notes passed on since `since` by someone else that this person has not acknowledged, oldest first. */
  passOnFor(staffId: string, since: string): EntryRow[] {
    return this.q<[string, string, string], Raw>(
      `SELECT ${COLUMNS} FROM shift_entries e INDEXED BY shift_entries_pass_on
       WHERE e.kind = 'pass-on' AND e.withdrawn = 0 AND e.recorded_at >= ? AND e.recorded_by <> ?
         AND NOT EXISTS (SELECT 1 FROM shift_entries c WHERE c.corrects = e.id)
         AND NOT EXISTS (SELECT 1 FROM shift_acknowledgements a WHERE a.entry_id = e.id AND a.staff_id = ?)
       ORDER BY e.recorded_at, e.id`,
    )
      .all(since, staffId, staffId)
      .map(toRow);
  }

  linksOf(entryIds: readonly string[]): Map<string, LinkRow[]> {
    const out = new Map<string, LinkRow[]>();
    for (let i = 0; i < entryIds.length; i += SLICE) {
      const ids = entryIds.slice(i, i + SLICE);
      const rows = this.db
        .prepare<string[], LinkRow>(
          `SELECT entry_id AS entryId, kind, target_id AS targetId, label FROM shift_entry_links
           WHERE entry_id IN (${marks(ids.length)}) ORDER BY kind, target_id`,
        )
        .all(...ids);
      for (const r of rows) out.set(r.entryId, [...(out.get(r.entryId) ?? []), r]);
    }
    return out;
  }

  callbacksOf(chainIds: readonly string[]): Map<string, CallbackRow> {
    const out = new Map<string, CallbackRow>();
    for (let i = 0; i < chainIds.length; i += SLICE) {
      const ids = chainIds.slice(i, i + SLICE);
      const rows = this.db
        .prepare<string[], CallbackRow>(
          `SELECT chain_id AS chainId, entry_id AS entryId, done_at AS doneAt, done_by AS doneBy, note
           FROM shift_callbacks WHERE chain_id IN (${marks(ids.length)})`,
        )
        .all(...ids);
      for (const r of rows) out.set(r.chainId, r);
    }
    return out;
  }

  acksOf(entryIds: readonly string[]): Map<string, AckRow[]> {
    const out = new Map<string, AckRow[]>();
    for (let i = 0; i < entryIds.length; i += SLICE) {
      const ids = entryIds.slice(i, i + SLICE);
      const rows = this.db
        .prepare<string[], AckRow>(
          `SELECT entry_id AS entryId, staff_id AS staffId, at FROM shift_acknowledgements
           WHERE entry_id IN (${marks(ids.length)}) ORDER BY at`,
        )
        .all(...ids);
      for (const r of rows) out.set(r.entryId, [...(out.get(r.entryId) ?? []), r]);
    }
    return out;
  }

  acknowledged(entryId: string, staffId: string): AckRow | undefined {
    return this.q<[string, string], AckRow>(
      `SELECT entry_id AS entryId, staff_id AS staffId, at FROM shift_acknowledgements WHERE entry_id = ? AND staff_id = ?`,
    ).get(entryId, staffId);
  }
}
