import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import type { ResourceKind } from '../../shared/contract/resources';

export interface ResourceRow {
  id: string;
  name: string;
  kind: ResourceKind;
  phone: string;
  address: string;
  hours: string;
  notes: string;
  languages: string[];
  retired: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ReferralRow {
  id: string;
  at: string;
  date: string;
  branchId: string | null;
  resourceId: string;
  kind: ResourceKind;
  card: boolean;
  byStaff: string;
}

type Raw = Omit<ResourceRow, 'languages' | 'retired'> & { languages: string; retired: number };

const COLUMNS = `id, name, kind, phone, address, hours, notes, languages, retired, version, created_at AS createdAt,
  updated_at AS updatedAt, updated_by AS updatedBy`;

const toRow = (r: Raw): ResourceRow => ({
  ...r,
  languages: JSON.parse(r.languages) as string[],
  retired: r.retired === 1,
});

/** SQL of the community resource directory and the referral counts. */
export class CommunityRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = preparedStatements(db);
  }

  all(includeRetired: boolean): ResourceRow[] {
    return this.q<[number], Raw>(
      `SELECT ${COLUMNS} FROM community_resources WHERE retired <= ? ORDER BY kind, name, id`,
    )
      .all(includeRetired ? 1 : 0)
      .map(toRow);
  }

  get(id: string): ResourceRow | undefined {
    const r = this.q<[string], Raw>(`SELECT ${COLUMNS} FROM community_resources WHERE id = ?`).get(id);
    return r && toRow(r);
  }

  byName(name: string): ResourceRow | undefined {
    const r = this.q<[string], Raw>(
      `SELECT ${COLUMNS} FROM community_resources WHERE name = ? COLLATE NOCASE AND retired = 0`,
    ).get(name);
    return r && toRow(r);
  }

  insert(row: ResourceRow): void {
    this.q(
      `INSERT INTO community_resources (id, name, kind, phone, address, hours, notes, languages, retired, version,
         created_at, updated_at, updated_by)
       VALUES (@id, @name, @kind, @phone, @address, @hours, @notes, @languages, @retired, @version, @createdAt,
         @updatedAt, @updatedBy)`,
    ).run({ ...row, languages: JSON.stringify(row.languages), retired: row.retired ? 1 : 0 });
  }

  update(row: ResourceRow): void {
    this.q(
      `UPDATE community_resources SET name = @name, kind = @kind, phone = @phone, address = @address, hours = @hours,
         notes = @notes, languages = @languages, retired = @retired, version = @version, updated_at = @updatedAt,
         updated_by = @updatedBy
       WHERE id = @id`,
    ).run({
      id: row.id,
      name: row.name,
      kind: row.kind,
      phone: row.phone,
      address: row.address,
      hours: row.hours,
      notes: row.notes,
      languages: JSON.stringify(row.languages),
      retired: row.retired ? 1 : 0,
      version: row.version,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedBy,
    });
  }

  insertReferral(row: ReferralRow): void {
    this.q(
      `INSERT INTO referrals (id, at, date, branch_id, resource_id, kind, card, by_staff)
       VALUES (@id, @at, @date, @branchId, @resourceId, @kind, @card, @byStaff)`,
    ).run({ ...row, card: row.card ? 1 : 0 });
  }

  /** Referrals per day, branch and kind in [from, to] (local dates), for one branch or all. */
  counts(from: string, to: string, branchId: string | undefined) {
    const sql = `SELECT date, branch_id AS branchId, kind, count(*) AS count FROM referrals
      WHERE date BETWEEN ? AND ?`;
    const group = ' GROUP BY date, branch_id, kind ORDER BY date, branch_id, kind';
    type Count = { date: string; branchId: string | null; kind: ResourceKind; count: number };
    return branchId
      ? this.q<[string, string, string], Count>(`${sql} AND branch_id = ?${group}`).all(from, to, branchId)
      : this.q<[string, string], Count>(`${sql}${group}`).all(from, to);
  }

  /** Referrals by kind made in [from, to) (instants), at a branch (with the all-branches desk) or anywhere. */
  kindsBetween(from: string, to: string, branchId: string | null) {
    type Count = { kind: ResourceKind; count: number };
    const sql = `SELECT kind, count(*) AS count FROM referrals WHERE at >= ? AND at < ?`;
    return branchId
      ? this.q<[string, string, string], Count>(
          `${sql} AND (branch_id = ? OR branch_id IS NULL) GROUP BY kind ORDER BY kind`,
        ).all(from, to, branchId)
      : this.q<[string, string], Count>(`${sql} GROUP BY kind ORDER BY kind`).all(from, to);
  }
}
