import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import type { Branch, OpeningHours, SpecialDay, Zone } from '../../shared/contract/branches';

interface BranchRow {
  id: string;
  name: string;
  code: string;
  address: string;
  time_zone: string;
  retired: 0 | 1;
}
interface ZoneRow {
  id: string;
  branch_id: string;
  name: string;
  kind: Zone['kind'];
  floor: string;
  retired: 0 | 1;
}

const toZone = (r: ZoneRow): Zone => ({
  id: r.id,
  branchId: r.branch_id,
  name: r.name,
  kind: r.kind,
  floor: r.floor,
  retired: r.retired === 1,
});

interface WeeklyRow {
  branch_id: string;
  weekday: number;
  opens: string;
  closes: string;
}
interface SpecialRow {
  branch_id: string;
  date: string;
  opens: string | null;
  closes: string | null;
  note: string;
}

const NO_HOURS: OpeningHours = { weekly: [], special: [] };

export type BranchFields = Omit<Branch, 'id' | 'zones' | 'retired' | 'hours'>;
export type ZoneFields = Omit<Zone, 'id' | 'branchId' | 'retired'>;

export class BranchesRepo {
  private readonly sql;

  constructor(db: Db) {
    this.sql = preparedStatements(db);
  }

  list(): Branch[] {
    const zones = this.sql<[], ZoneRow>('SELECT * FROM zones ORDER BY retired, name COLLATE NOCASE').all();
    const hours = this.hoursOf(
      this.sql<[], WeeklyRow>('SELECT * FROM branch_weekly_hours ORDER BY weekday').all(),
      this.sql<[], SpecialRow>('SELECT * FROM branch_special_days ORDER BY date').all(),
    );
    return this.sql<[], BranchRow>('SELECT * FROM branches ORDER BY retired, name COLLATE NOCASE')
      .all()
      .map((b) => this.toBranch(b, zones, hours.get(b.id) ?? NO_HOURS));
  }

  get(id: string): Branch | undefined {
    const row = this.sql<[string], BranchRow>('SELECT * FROM branches WHERE id = ?').get(id);
    if (!row) return undefined;
    const zones = this.sql<[string], ZoneRow>(
      'SELECT * FROM zones WHERE branch_id = ? ORDER BY retired, name COLLATE NOCASE',
    ).all(id);
    const hours = this.hoursOf(
      this.sql<[string], WeeklyRow>('SELECT * FROM branch_weekly_hours WHERE branch_id = ? ORDER BY weekday').all(id),
      this.sql<[string], SpecialRow>('SELECT * FROM branch_special_days WHERE branch_id = ? ORDER BY date').all(id),
    );
    return this.toBranch(row, zones, hours.get(id) ?? NO_HOURS);
  }

  byCode(code: string): { id: string } | undefined {
    return this.sql<[string], { id: string }>('SELECT id FROM branches WHERE code = ?').get(code);
  }

  zone(id: string): Zone | undefined {
    const row = this.sql<[string], ZoneRow>('SELECT * FROM zones WHERE id = ?').get(id);
    return row && toZone(row);
  }

  zoneByName(branchId: string, name: string): { id: string } | undefined {
    return this.sql<[string, string], { id: string }>(
      'SELECT id FROM zones WHERE branch_id = ? AND name = ? COLLATE NOCASE',
    ).get(branchId, name);
  }

  insert(id: string, f: BranchFields): void {
    this.sql(
      'INSERT INTO branches (id, name, code, address, time_zone) VALUES (@id, @name, @code, @address, @timeZone)',
    ).run({ id, ...f });
  }

  update(id: string, f: BranchFields): void {
    this.sql(
      'UPDATE branches SET name = @name, code = @code, address = @address, time_zone = @timeZone WHERE id = @id',
    ).run({ id, ...f });
  }

  setRetired(id: string, retired: boolean): void {
    this.sql('UPDATE branches SET retired = ? WHERE id = ?').run(retired ? 1 : 0, id);
  }

  insertZone(id: string, branchId: string, f: ZoneFields): void {
    this.sql('INSERT INTO zones (id, branch_id, name, kind, floor) VALUES (@id, @branchId, @name, @kind, @floor)').run({
      id,
      branchId,
      ...f,
    });
  }

  updateZone(id: string, f: ZoneFields): void {
    this.sql('UPDATE zones SET name = @name, kind = @kind, floor = @floor WHERE id = @id').run({ id, ...f });
  }

  setZoneRetired(id: string, retired: boolean): void {
    this.sql('UPDATE zones SET retired = ? WHERE id = ?').run(retired ? 1 : 0, id);
  }

  /** Replaces a branch's weekly hours; must run in the change's transaction. */
  setWeekly(branchId: string, weekly: readonly { weekday: number; opens: string; closes: string }[]): void {
    this.sql('DELETE FROM branch_weekly_hours WHERE branch_id = ?').run(branchId);
    const insert = this.sql('INSERT INTO branch_weekly_hours (branch_id, weekday, opens, closes) VALUES (?, ?, ?, ?)');
    for (const d of weekly) insert.run(branchId, d.weekday, d.opens, d.closes);
  }

  putSpecialDay(branchId: string, day: SpecialDay): void {
    this.sql(
      `INSERT INTO branch_special_days (branch_id, date, opens, closes, note) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (branch_id, date) DO UPDATE SET opens = excluded.opens, closes = excluded.closes, note = excluded.note`,
    ).run(branchId, day.date, day.opens, day.closes, day.note);
  }

  /** True when there was such a day. */
  removeSpecialDay(branchId: string, date: string): boolean {
    return (
      this.sql('DELETE FROM branch_special_days WHERE branch_id = ? AND date = ?').run(branchId, date).changes === 1
    );
  }

  private hoursOf(weekly: WeeklyRow[], special: SpecialRow[]): Map<string, OpeningHours> {
    const byBranch = new Map<string, OpeningHours>();
    const of = (id: string) => {
      let h = byBranch.get(id);
      if (!h) byBranch.set(id, (h = { weekly: [], special: [] }));
      return h;
    };
    for (const w of weekly) of(w.branch_id).weekly.push({ weekday: w.weekday, opens: w.opens, closes: w.closes });
    for (const d of special) {
      of(d.branch_id).special.push({ date: d.date, opens: d.opens, closes: d.closes, note: d.note });
    }
    return byBranch;
  }

  private toBranch(b: BranchRow, zones: ZoneRow[], hours: OpeningHours): Branch {
    return {
      id: b.id,
      name: b.name,
      code: b.code,
      address: b.address,
      timeZone: b.time_zone,
      retired: b.retired === 1,
      zones: zones.filter((z) => z.branch_id === b.id).map(toZone),
      hours,
    };
  }
}
