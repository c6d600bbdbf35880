import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { openDatabase, type Db } from './connection';
import owners from './table-owners.json';

// table-owners.json is what `vigil/table-owner` (eslint) enforces: a table missing from it
// is a table every folder may query, and a stale name hides a renamed table. So the map is
// checked against the schema the migrations really build, whatever tables they hold today.

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

/** FTS5 keeps each virtual table's index in shadow tables named after it. */
const FTS_SHADOWS = ['data', 'idx', 'content', 'docsize', 'config'];

/** The tables the migrated schema holds, without SQLite's own and FTS5's shadow tables. */
function schemaTables(db: Db): string[] {
  const rows = db
    .prepare<[], { name: string; sql: string | null }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all();
  const virtual = rows.filter((r) => /^CREATE\s+VIRTUAL\s+TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  const shadows = new Set(virtual.flatMap((v) => FTS_SHADOWS.map((s) => `${v}_${s}`)));
  return rows.map((r) => r.name).filter((name) => !shadows.has(name));
}

describe('table-owners.json', () => {
  it('gives every table of the migrated schema an owner, and names no table that does not exist', () => {
    const db = openDatabase(dir.path);
    try {
      const tables = schemaTables(db);
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.filter((t) => !Object.hasOwn(owners, t))).toEqual([]);
      expect(Object.keys(owners).filter((t) => !tables.includes(t))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('names only folders of src/main as owners', () => {
    const main = join(import.meta.dirname, '..');
    const missing = [...new Set(Object.values(owners))].filter(
      (folder) => !existsSync(join(main, folder)) || !statSync(join(main, folder)).isDirectory(),
    );
    expect(missing).toEqual([]);
  });
});
