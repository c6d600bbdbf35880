import type { Db } from '../db/connection';
import type { Branch, Zone } from '../../shared/contract/branches';

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

export type BranchFields = Omit<Branch, 'id' | 'zones' | 'retired'>;
export type ZoneFields = Omit<Zone, 'id' | 'branchId' | 'retired'>;

export class BranchesRepo {
  constructor(private readonly db: Db) {}

  list(): Branch[] {
    const zones = this.db.prepare<[], ZoneRow>('SELECT * FROM zones ORDER BY retired, name COLLATE NOCASE').all();
    return this.db
      .prepare<[], BranchRow>('SELECT * FROM branches ORDER BY retired, name COLLATE NOCASE')
      .all()
      .map((b) => this.toBranch(b, zones));
  }

  get(id: string): Branch | undefined {
    const row = this.db.prepare<[string], BranchRow>('SELECT * FROM branches WHERE id = ?').get(id);
    if (!row) return undefined;
    const zones = this.db
      .prepare<[string], ZoneRow>('SELECT * FROM zones WHERE branch_id = ? ORDER BY retired, name COLLATE NOCASE')
      .all(id);
    return this.toBranch(row, zones);
  }

  byCode(code: string): { id: string } | undefined {
    return this.db.prepare<[string], { id: string }>('SELECT id FROM branches WHERE code = ?').get(code);
  }

  zone(id: string): Zone | undefined {
    const row = this.db.prepare<[string], ZoneRow>('SELECT * FROM zones WHERE id = ?').get(id);
    return row && toZone(row);
  }

  zoneByName(branchId: string, name: string): { id: string } | undefined {
    return this.db
      .prepare<[string, string], { id: string }>('SELECT id FROM zones WHERE branch_id = ? AND name = ? COLLATE NOCASE')
      .get(branchId, name);
  }

  insert(id: string, f: BranchFields): void {
    this.db
      .prepare(
        'INSERT INTO branches (id, name, code, address, time_zone) VALUES (@id, @name, @code, @address, @timeZone)',
      )
      .run({ id, ...f });
  }

  update(id: string, f: BranchFields): void {
    this.db
      .prepare(
        'UPDATE branches SET name = @name, code = @code, address = @address, time_zone = @timeZone WHERE id = @id',
      )
      .run({ id, ...f });
  }

  setRetired(id: string, retired: boolean): void {
    this.db.prepare('UPDATE branches SET retired = ? WHERE id = ?').run(retired ? 1 : 0, id);
  }

  insertZone(id: string, branchId: string, f: ZoneFields): void {
    this.db
      .prepare('INSERT INTO zones (id, branch_id, name, kind, floor) VALUES (@id, @branchId, @name, @kind, @floor)')
      .run({ id, branchId, ...f });
  }

  updateZone(id: string, f: ZoneFields): void {
    this.db.prepare('UPDATE zones SET name = @name, kind = @kind, floor = @floor WHERE id = @id').run({ id, ...f });
  }

  setZoneRetired(id: string, retired: boolean): void {
    this.db.prepare('UPDATE zones SET retired = ? WHERE id = ?').run(retired ? 1 : 0, id);
  }

  private toBranch(b: BranchRow, zones: ZoneRow[]): Branch {
    return {
      id: b.id,
      name: b.name,
      code: b.code,
      address: b.address,
      timeZone: b.time_zone,
      retired: b.retired === 1,
      zones: zones.filter((z) => z.branch_id === b.id).map(toZone),
    };
  }
}
