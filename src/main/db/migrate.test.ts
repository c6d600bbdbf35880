import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { applyPragmas, DATABASE_FILE, openDatabase, StartupError } from './connection';
import { migrate, schemaVersion } from './migrate';
import { migrations, type Migration } from './migrations';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

const tables = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);

describe('migrate', () => {
  it('brings an empty database to the latest schema and records it in user_version', () => {
    const db = openDatabase(dir.path);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion());
    expect(tables(db)).toEqual(
      expect.arrayContaining(['audit', 'branches', 'desk', 'journal', 'settings', 'staff', 'zones']),
    );
    // Every table is STRICT: a text in an integer column is refused.
    expect(() => db.prepare("INSERT INTO sign_in_guard VALUES ('x', 'now', 'many', NULL)").run()).toThrow();
    db.close();
  });

  it('sets the pragmas the design asks for', () => {
    const db = openDatabase(dir.path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('migrates a populated database from the first schema through every later migration, keeping its rows', () => {
    const db = new Database(join(dir.path, DATABASE_FILE));
    applyPragmas(db);
    migrate(db, migrations.slice(0, 1));
    db.prepare(
      "INSERT INTO branches (id, name, code, address, time_zone) VALUES ('b1', 'Main', 'MAIN', '1 St', 'America/Chicago')",
    ).run();
    expect(migrate(db)).toEqual({ from: 10, to: schemaVersion() });
    expect(db.prepare('SELECT name, code FROM branches').get()).toEqual({ name: 'Main', code: 'MAIN' });
    db.close();
  });

  it('applies a new migration to a database at the latest schema, once', () => {
    const db = openDatabase(dir.path);
    db.prepare(
      "INSERT INTO branches (id, name, code, address, time_zone) VALUES ('b1', 'Main', 'MAIN', '1 St', 'America/Chicago')",
    ).run();
    const latest = schemaVersion();
    const next: Migration = {
      version: latest + 10,
      name: 'test-add-column',
      up: "ALTER TABLE branches ADD COLUMN phone TEXT NOT NULL DEFAULT '';",
    };
    expect(migrate(db, [...migrations, next])).toEqual({ from: latest, to: latest + 10 });
    expect(db.prepare('SELECT name, phone FROM branches').get()).toEqual({ name: 'Main', phone: '' });
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 10);
    expect(migrate(db, [...migrations, next])).toEqual({ from: latest + 10, to: latest + 10 });
    db.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const db = new Database(join(dir.path, DATABASE_FILE));
    applyPragmas(db);
    const broken: Migration = {
      version: schemaVersion() + 10,
      name: 'broken',
      up: 'CREATE TABLE nope (x INTEGER) STRICT; SELECT * FROM missing;',
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow(/missing/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer Vigil, with a clear message, and changes nothing', () => {
    const db = openDatabase(dir.path);
    db.pragma('user_version = 990');
    db.close();
    expect(() => openDatabase(dir.path)).toThrow(StartupError);
    expect(() => openDatabase(dir.path)).toThrow(
      new RegExp(`newer version of Vigil \\(schema 990; this version knows up to ${schemaVersion()}\\)`),
    );
    const again = new Database(join(dir.path, DATABASE_FILE));
    expect(again.pragma('user_version', { simple: true })).toBe(990);
    again.close();
  });

  it('keeps migration versions in multiples of ten, increasing', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });
});
