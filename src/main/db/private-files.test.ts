import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, testDesk } from '../../../test/helpers/services';
import { tempDir } from '../../../test/helpers/temp-dir';
import { openDatabase } from './connection';

const mode = (path: string) => statSync(path).mode & 0o777;

/** Every folder and file under dir, with its permission bits. */
function modes(dir: string): Map<string, number> {
  const out = new Map<string, number>([[dir, mode(dir)]]);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path, mode(path));
  }
  return out;
}

let umask: number;
beforeEach(() => {
  // As a desk account usually runs: group and others may read new files.
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
});

describe.skipIf(process.platform === 'win32')('the data folder is private', () => {
  it('creates the folder 0700 and every file 0600, database, WAL and shared memory included', async () => {
    const parent = tempDir();
    const dataDir = join(parent.path, 'data');
    const desk = testDesk({ dataDir });
    const admin = desk.console();
    await admin.must('auth.createAdministrator', { ...ADMIN, confirmPassphrase: ADMIN.passphrase });
    // A child started by main (as ffmpeg is) writes with main's umask.
    execFileSync('/bin/sh', ['-c', 'mkdir live && echo segment > live/seg1.ts'], { cwd: dataDir });
    const seen = modes(dataDir);
    expect([...seen.keys()].map((p) => p.slice(dataDir.length))).toEqual(
      expect.arrayContaining(['', '/vigil.sqlite3', '/vigil.sqlite3-wal', '/vigil.sqlite3-shm', '/live/seg1.ts']),
    );
    for (const [path, bits] of seen) {
      const isDir = statSync(path).isDirectory();
      expect(bits.toString(8), path).toBe(isDir ? '700' : '600');
    }
    await desk.close();
    parent.remove();
  });

  it('tightens an existing world-readable folder at start, without following links out of it', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside.path, 'elsewhere.txt'), 'not Vigil’s');
    chmodSync(join(outside.path, 'elsewhere.txt'), 0o644);
    chmodSync(dir.path, 0o755);
    mkdirSync(join(dir.path, 'attachments', 'ab'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dir.path, 'attachments', 'ab', 'old.png'), 'x', { mode: 0o644 });
    symlinkSync(join(outside.path, 'elsewhere.txt'), join(dir.path, 'link.txt'));
    const db = openDatabase(dir.path);
    db.close();
    expect(mode(dir.path).toString(8)).toBe('700');
    expect(mode(join(dir.path, 'attachments')).toString(8)).toBe('700');
    expect(mode(join(dir.path, 'attachments', 'ab')).toString(8)).toBe('700');
    expect(mode(join(dir.path, 'attachments', 'ab', 'old.png')).toString(8)).toBe('600');
    expect(mode(join(dir.path, 'vigil.sqlite3')).toString(8)).toBe('600');
    expect(mode(join(outside.path, 'elsewhere.txt')).toString(8)).toBe('644');
    dir.remove();
    outside.remove();
  });
});
