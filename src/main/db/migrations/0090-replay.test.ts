import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-dir';
import { applyPragmas, DATABASE_FILE } from '../connection';
import { migrate } from '../migrate';
import { migrations } from './index';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

it('rebuilds attachments to take clips, keeping every row and every reference to them', () => {
  const db = new Database(join(dir.path, DATABASE_FILE));
  applyPragmas(db);
  migrate(
    db,
    migrations.filter((m) => m.version < 90),
  );
  const t = '2026-11-30T19:00:00.000Z';
  db.exec(`
    INSERT INTO staff (id, username, name, role, passphrase_hash, active, created_at)
      VALUES ('s1', 'ada', 'Ada', 'admin', 'x', 1, '${t}');
    INSERT INTO attachments (id, sha256, kind, media_type, bytes, width, height, taken_at, taken_by)
      VALUES ('a1', '${'a'.repeat(64)}', 'photo', 'image/png', 10, 2, 2, '${t}', 's1');
    INSERT INTO persons (id, name, sex, age_estimate, height, build, hair, marks, created_at, created_by)
      VALUES ('p1', 'Pat', 'unknown', '', '', '', '', '', '${t}', 's1');
    INSERT INTO person_photos (person_id, attachment_id, added_at, added_by) VALUES ('p1', 'a1', '${t}', 's1');
  `);
  migrate(db);
  expect(db.prepare('SELECT id, kind, clip FROM attachments').all()).toEqual([{ id: 'a1', kind: 'photo', clip: null }]);
  expect(db.prepare('SELECT attachment_id FROM person_photos').all()).toEqual([{ attachment_id: 'a1' }]);
  // The references still point at the table called attachments, and are enforced.
  expect(() =>
    db
      .prepare(
        "INSERT INTO person_photos (person_id, attachment_id, added_at, added_by) VALUES ('p1', 'nope', ?, 's1')",
      )
      .run(t),
  ).toThrow(/FOREIGN KEY/);
  expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'person_photos'").pluck().get()).toMatch(
    /REFERENCES attachments\(id\)/,
  );
  db.prepare(
    `INSERT INTO attachments (id, sha256, kind, media_type, bytes, taken_at, taken_by, clip)
     VALUES ('c1', ?, 'clip', 'video/mp4', 100, ?, 's1', '{}')`,
  ).run('b'.repeat(64), t);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  db.close();
});
