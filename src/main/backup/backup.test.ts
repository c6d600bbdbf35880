import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { encodePng } from '../../../test/helpers/png';
import { tempDir } from '../../../test/helpers/temp-dir';
import { schemaVersion } from '../db/migrate';
import { DATABASE_FILE } from '../db/connection';
import { listBackups, writeBackup } from './backup-folder';
import { BACKUP_DATABASE, FILES_DIR, MANIFEST_FILE, SETS_DIR } from './manifest';
import { restoreBackup } from './restore';
import { DEFAULT_ROTATION } from './rotation';
import { verifyBackupSet } from './verify-set';

let t: IncidentDesk;
const folder = tempDir('vigil-backups-');
const b64 = (b: Buffer) => b.toString('base64');

beforeAll(async () => {
  t = await incidentDesk();
  await t.file(t.officer);
  await t.officer.must('attachments.addImage', { dataBase64: b64(encodePng(16, 12)) });
  await t.officer.must('attachments.addImage', { dataBase64: b64(encodePng(20, 10, () => [200, 10, 10])) });
});
afterAll(async () => {
  await t.close();
  folder.remove();
});

async function backupAt(at: string, root = folder.path) {
  // A second connection to the desk's file, as the command-line backup uses: the helper closes it.
  return writeBackup({
    db: t.db(),
    dataDir: t.desk.dataDir,
    root,
    now: new Date(at),
    appVersion: 'test',
    rotation: DEFAULT_ROTATION,
  });
}

/** The real command in its own process, as `npm run vigil -- …` runs it. */
const vigil = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { encoding: 'utf8' });

describe('backups', () => {
  it('writes a verified set with the database and every attachment, and copies unchanged files only once', async () => {
    const first = await backupAt('2026-11-01T03:00:00Z');
    expect(first.name).toBe('2026-11-01T03-00-00Z');
    expect(first.manifest.files).toHaveLength(2);
    expect(first.copiedFiles).toBe(2);
    expect(first.manifest.schemaVersion).toBe(schemaVersion());
    expect(await verifyBackupSet(folder.path, first.name)).toMatchObject({ ok: true });

    await t.officer.must('attachments.addImage', { dataBase64: b64(encodePng(8, 8, () => [1, 2, 3])) });
    const second = await backupAt('2026-11-02T03:00:00Z');
    expect(second).toMatchObject({ copiedFiles: 1, reusedFiles: 2 });
    expect(readdirSync(join(folder.path, FILES_DIR))).toHaveLength(3);
    expect(listBackups(folder.path).map((s) => s.name)).toEqual(['2026-11-02T03-00-00Z', '2026-11-01T03-00-00Z']);
  });

  it('rotates: 7 daily, 4 weekly, 12 monthly, and removes files no kept set names', async () => {
    const root = tempDir('vigil-rotation-');
    try {
      for (let day = 1; day <= 40; day++) {
        if (day === 40) writeFileSync(join(root.path, FILES_DIR, `${'a'.repeat(64)}.png`), 'named by no set');
        await backupAt(new Date(Date.UTC(2026, 8, day, 3)).toISOString(), root.path);
      }
      expect(readdirSync(join(root.path, FILES_DIR)).sort()).toEqual(
        listBackups(root.path).length > 0 ? readdirSync(join(t.desk.dataDir, 'attachments')).sort() : [],
      );
      const kept = listBackups(root.path).map((s) => s.name.slice(0, 10));
      // The last 7 days, then the newest of each earlier ISO week, then of September.
      expect(kept.slice(0, 7)).toEqual([
        '2026-10-10',
        '2026-10-09',
        '2026-10-08',
        '2026-10-07',
        '2026-10-06',
        '2026-10-05',
        '2026-10-04',
      ]);
      expect(kept).toContain('2026-09-30');
      expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
      expect(kept.length).toBeGreaterThan(7);
    } finally {
      root.remove();
    }
  });

  it('refuses a missing folder in words, and an interrupted set never looks finished', async () => {
    await expect(backupAt('2026-11-03T03:00:00Z', join(folder.path, 'unplugged'))).rejects.toThrow(
      /is not there \(is the backup drive connected\?\)/,
    );
    // A set whose writing stopped half-way stays hidden under .partial- and is cleared by the next backup.
    mkdirSync(join(folder.path, SETS_DIR, '.partial-2026-11-03T03-00-00Z'));
    const before = listBackups(folder.path).length;
    expect(before).toBe(2);
    const next = await backupAt('2026-11-03T03:00:00Z');
    expect(readdirSync(join(folder.path, SETS_DIR)).filter((n) => n.startsWith('.partial-'))).toEqual([]);
    expect(listBackups(folder.path)[0]!.name).toBe(next.name);
  });

  it('finds a damaged database, a missing or altered attachment, and a set from a newer Vigil', async () => {
    const root = tempDir('vigil-damage-');
    try {
      const set = await backupAt('2026-11-04T03:00:00Z', root.path);
      const setDir = join(root.path, SETS_DIR, set.name);
      const fileName = set.manifest.files[0]!.name;
      const filePath = join(root.path, FILES_DIR, fileName);
      const original = readFileSync(filePath);
      writeFileSync(filePath, Buffer.concat([original, Buffer.from('x')]));
      expect(await verifyBackupSet(root.path, set.name)).toMatchObject({ ok: false, reason: /damaged/ });
      rmSync(filePath);
      expect(await verifyBackupSet(root.path, set.name)).toMatchObject({ ok: false, reason: /missing/ });
      writeFileSync(filePath, original);
      expect(await verifyBackupSet(root.path, set.name)).toMatchObject({ ok: true });

      const dbFile = join(setDir, BACKUP_DATABASE);
      const bytes = readFileSync(dbFile);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
      writeFileSync(dbFile, bytes);
      expect(await verifyBackupSet(root.path, set.name)).toMatchObject({
        ok: false,
        reason: /database file is damaged/,
      });

      const manifest = JSON.parse(readFileSync(join(setDir, MANIFEST_FILE), 'utf8')) as { schemaVersion: number };
      writeFileSync(join(setDir, MANIFEST_FILE), JSON.stringify({ ...manifest, schemaVersion: 9999 }));
      expect(await verifyBackupSet(root.path, set.name)).toMatchObject({ ok: false, reason: /newer Vigil/ });
      writeFileSync(join(setDir, MANIFEST_FILE), '{"hello": 1}');
      expect(await verifyBackupSet(root.path, set.name)).toMatchObject({ ok: false, reason: /not a Vigil backup/ });
    } finally {
      root.remove();
    }
  });
});

describe('restore', () => {
  it('restores into a data folder, moving the current data aside, and refuses what is not a backup', async () => {
    const set = listBackups(folder.path)[0]!;
    const target = tempDir('vigil-restore-');
    try {
      writeFileSync(join(target.path, DATABASE_FILE), 'the old database');
      await expect(
        restoreBackup({ root: folder.path, name: 'not-a-set', dataDir: target.path, now: new Date() }),
      ).rejects.toThrow(/not the name of a backup set/);
      mkdirSync(join(folder.path, SETS_DIR, '2020-01-01T00-00-00Z'));
      await expect(
        restoreBackup({ root: folder.path, name: '2020-01-01T00-00-00Z', dataDir: target.path, now: new Date() }),
      ).rejects.toThrow(/not a Vigil backup.*Nothing was changed/);
      expect(readFileSync(join(target.path, DATABASE_FILE), 'utf8')).toBe('the old database');

      const result = await restoreBackup({
        root: folder.path,
        name: set.name,
        dataDir: target.path,
        now: new Date('2026-11-30T12:00:00Z'),
      });
      expect(readFileSync(join(result.movedAsideTo, DATABASE_FILE), 'utf8')).toBe('the old database');
      const db = new Database(join(target.path, DATABASE_FILE), { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const rows = db.prepare<[], { sha256: string }>('SELECT sha256 FROM attachments').all();
        expect(rows.length).toBe(3);
        for (const r of rows) {
          expect(readdirSync(join(target.path, 'attachments')).some((n) => n.startsWith(r.sha256))).toBe(true);
        }
      } finally {
        db.close();
      }
    } finally {
      target.remove();
    }
  });
});

describe('npm run vigil -- backup | verify --backup | restore', () => {
  it('does the same from a terminal, with progress and exit codes', () => {
    const root = tempDir('vigil-cli-backups-');
    const target = tempDir('vigil-cli-restore-');
    try {
      const made = vigil('backup', '--data', t.desk.dataDir, '--to', root.path);
      expect(made.stdout).toMatch(/^backup \S+: ok, verified \(\d+ journal entries, 3 files copied, 0 already there/);
      expect(made.stderr).toMatch(/database: 100%/);
      expect(made.status).toBe(0);
      const [name] = listBackups(root.path).map((s) => s.name);

      const checked = vigil('verify', '--backup', root.path);
      expect(checked.stdout).toMatch(new RegExp(`backup ${name}: ok`));
      expect(checked.status).toBe(0);

      const restored = vigil('restore', '--data', target.path, '--from', root.path, '--set', name!);
      expect(restored.stdout).toMatch(/restored .* \(3 files\)/);
      expect(restored.status).toBe(0);
      expect(existsSync(join(target.path, DATABASE_FILE))).toBe(true);

      const refused = vigil('restore', '--data', target.path, '--from', root.path, '--set', '1999-01-01T00-00-00Z');
      expect(refused.stderr).toMatch(/cannot be restored: this is not a Vigil backup/);
      expect(refused.status).toBe(1);

      const unplugged = vigil('backup', '--data', t.desk.dataDir, '--to', join(root.path, 'gone'));
      expect(unplugged.stderr).toMatch(/is not there/);
      expect(unplugged.status).toBe(1);
    } finally {
      root.remove();
      target.remove();
    }
  });
});
