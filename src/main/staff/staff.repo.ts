import type { Db } from '../db/connection';
import type { Staff } from '../../shared/contract/staff';
import type { Role } from '../../shared/roles';

interface Row {
  id: string;
  name: string;
  username: string;
  role: Role;
  passphrase_hash: string;
  active: 0 | 1;
  created_at: string;
  last_sign_in_at: string | null;
}

export interface StaffWithSecret extends Staff {
  passphraseHash: string;
}

const toStaff = (r: Row): StaffWithSecret => ({
  id: r.id,
  name: r.name,
  username: r.username,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
  passphraseHash: r.passphrase_hash,
});

/** Strips the passphrase hash: nothing outside the sign-in code sees it. */
export const publicStaff = ({ passphraseHash: _hash, ...staff }: StaffWithSecret): Staff => staff;

export class StaffRepo {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n;
  }

  countActiveAdmins(): number {
    return (
      this.db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1").get() as { n: number }
    ).n;
  }

  get(id: string): StaffWithSecret | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM staff WHERE id = ?').get(id);
    return row && toStaff(row);
  }

  byUsername(username: string): StaffWithSecret | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM staff WHERE username = ?').get(username);
    return row && toStaff(row);
  }

  /** Names by id, for the many records that show who did something. */
  names(ids: readonly string[]): Map<string, string> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = this.db
      .prepare<string[], { id: string; name: string }>(
        `SELECT id, name FROM staff WHERE id IN (${unique.map(() => '?').join(',')})`,
      )
      .all(...unique);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Ids of staff whose name contains the text (any case). */
  idsNamed(text: string): string[] {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .prepare<[string], { id: string }>("SELECT id FROM staff WHERE name LIKE ? ESCAPE '\\'")
      .all(like)
      .map((r) => r.id);
  }

  list(): StaffWithSecret[] {
    return this.db.prepare<[], Row>('SELECT * FROM staff ORDER BY active DESC, name COLLATE NOCASE').all().map(toStaff);
  }

  insert(s: StaffWithSecret): void {
    this.db
      .prepare(
        `INSERT INTO staff (id, name, username, role, passphrase_hash, active, created_at, last_sign_in_at)
         VALUES (@id, @name, @username, @role, @passphraseHash, @active, @createdAt, @lastSignInAt)`,
      )
      .run({ ...s, active: s.active ? 1 : 0 });
  }

  setRole(id: string, role: Role): void {
    this.db.prepare('UPDATE staff SET role = ? WHERE id = ?').run(role, id);
  }

  setActive(id: string, active: boolean): void {
    this.db.prepare('UPDATE staff SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  }

  setPassphraseHash(id: string, hash: string): void {
    this.db.prepare('UPDATE staff SET passphrase_hash = ? WHERE id = ?').run(hash, id);
  }

  touchSignIn(id: string, at: string): void {
    this.db.prepare('UPDATE staff SET last_sign_in_at = ? WHERE id = ?').run(at, id);
  }
}
