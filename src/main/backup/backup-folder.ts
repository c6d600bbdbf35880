import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { copyFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection';
import { describeDatabaseFile } from '../db/database-file';
import { ATTACHMENTS_DIR } from '../attachments/store';
import { backupFailure, BackupError } from './errors';
import { hashFile } from './hash-file';
import {
  BACKUP_DATABASE,
  FILE_NAME,
  FILES_DIR,
  MANIFEST_FILE,
  PARTIAL_PREFIX,
  SET_NAME,
  SETS_DIR,
  setNameFor,
  type Manifest,
} from './manifest';
import { chooseKept, type Rotation } from './rotation';
import { readManifest, verifyBackupSet, type Progress, type Verdict } from './verify-set';

export interface BackupSetInfo {
  name: string;
  createdAt: string;
  appVersion: string;
  /** Bytes of the database plus its attachment files (shared files count in every set that has them). */
  bytes: number;
  files: number;
  journalEntries: number;
}

export interface BackupResult {
  name: string;
  manifest: Manifest;
  /** Attachment files copied this time; the rest were already in the folder from an earlier backup. */
  copiedFiles: number;
  reusedFiles: number;
  removedSets: string[];
}

export interface WriteBackupOptions {
  db: Db;
  dataDir: string;
  /** The backup folder. It must exist: a missing folder is an unplugged drive, not a place to create. */
  root: string;
  now: Date;
  appVersion: string;
  rotation: Rotation;
  progress?: Progress;
  /** Checks the written set from the folder alone; a desk passes one that runs in a child process. */
  verify?: (root: string, name: string) => Promise<Verdict>;
}

/**
 * One online backup: SQLite's backup API copies the open database page by page
 * (writers keep working), attachment files are copied only when the folder does
 * not have them yet (they are named by their hash), the set is verified from the
 * folder, and only then renamed into place and older sets rotated out. A failure
 * at any step removes the partial set and leaves every earlier one untouched.
 */
export async function writeBackup(o: WriteBackupOptions): Promise<BackupResult> {
  const progress = o.progress ?? (() => {});
  requireFolder(o.root);
  const sets = join(o.root, SETS_DIR);
  const files = join(o.root, FILES_DIR);
  let partial: string | undefined;
  try {
    mkdirSync(sets, { recursive: true, mode: 0o700 });
    mkdirSync(files, { recursive: true, mode: 0o700 });
    for (const stale of readdirSync(sets).filter((n) => n.startsWith(PARTIAL_PREFIX))) {
      rmSync(join(sets, stale), { recursive: true, force: true });
    }
    const name = freeName(sets, o.now);
    partial = join(sets, PARTIAL_PREFIX + name);
    mkdirSync(partial, { mode: 0o700 });
    const dbCopy = join(partial, BACKUP_DATABASE);

    await o.db.backup(dbCopy, {
      progress: ({ totalPages, remainingPages }) => {
        progress('database', totalPages - remainingPages, totalPages);
        return 200;
      },
    });

    const copy = new Database(dbCopy, { readonly: true, fileMustExist: true });
    let described: ReturnType<typeof describeDatabaseFile>;
    try {
      described = describeDatabaseFile(copy);
    } finally {
      copy.close();
    }

    const attachmentsDir = join(o.dataDir, ATTACHMENTS_DIR);
    const names = existsSync(attachmentsDir) ? readdirSync(attachmentsDir).filter((n) => FILE_NAME.test(n)) : [];
    const listed: Manifest['files'] = [];
    let copiedFiles = 0;
    for (const [i, fileName] of names.entries()) {
      const source = join(attachmentsDir, fileName);
      const target = join(files, fileName);
      if (!existsSync(target)) {
        const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
        await copyFile(source, temp);
        await rename(temp, target);
        copiedFiles += 1;
      }
      listed.push({ name: fileName, bytes: statSync(target).size });
      if (i % 50 === 0 || i === names.length - 1) progress('files', i + 1, names.length);
    }

    const manifest: Manifest = {
      format: 'vigil-backup',
      formatVersion: 1,
      createdAt: o.now.toISOString(),
      appVersion: o.appVersion,
      schemaVersion: described.schemaVersion,
      database: { bytes: statSync(dbCopy).size, sha256: await hashFile(dbCopy) },
      journal: { entries: described.journalEntries },
      files: listed,
    };
    writeDurably(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));

    const check = await (o.verify ?? ((root, n) => verifyBackupSet(root, n, progress)))(o.root, PARTIAL_PREFIX + name);
    if (!check.ok) throw new BackupError(`The backup was written but did not verify: ${check.reason}.`);

    await rename(partial, join(sets, name));
    partial = undefined;
    const removedSets = rotate(o.root, o.rotation);
    return { name, manifest, copiedFiles, reusedFiles: names.length - copiedFiles, removedSets };
  } catch (e) {
    if (partial) await rm(partial, { recursive: true, force: true }).catch(() => {});
    throw backupFailure(o.root, e);
  }
}

function requireFolder(root: string): void {
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    // Missing: said below.
  }
  if (!isDir) {
    throw new BackupError(`The backup folder ${root} is not there (is the backup drive connected?).`);
  }
}

function freeName(sets: string, now: Date): string {
  const base = setNameFor(now);
  if (!existsSync(join(sets, base))) return base;
  for (let i = 2; i < 1000; i++) if (!existsSync(join(sets, `${base}-${i}`))) return `${base}-${i}`;
  throw new BackupError('Too many backups in the same second.');
}

function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The finished sets in a backup folder, newest first; folders without a readable manifest are left out. */
export function listBackups(root: string): BackupSetInfo[] {
  const sets = join(root, SETS_DIR);
  if (!existsSync(sets)) return [];
  const out: BackupSetInfo[] = [];
  for (const name of readdirSync(sets)) {
    if (!SET_NAME.test(name)) continue;
    const read = readManifest(join(sets, name));
    if (!read.ok) continue;
    const m = read.manifest;
    out.push({
      name,
      createdAt: m.createdAt,
      appVersion: m.appVersion,
      bytes: m.database.bytes + m.files.reduce((sum, f) => sum + f.bytes, 0),
      files: m.files.length,
      journalEntries: m.journal.entries,
    });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Removes the sets the rotation does not keep, then the files no kept set names. */
export function rotate(root: string, rotation: Rotation): string[] {
  const all = listBackups(root);
  const kept = chooseKept(
    all.map((s) => ({ name: s.name, createdAt: new Date(s.createdAt) })),
    rotation,
  );
  const removed = all.filter((s) => !kept.has(s.name)).map((s) => s.name);
  for (const name of removed) rmSync(join(root, SETS_DIR, name), { recursive: true, force: true });
  const needed = new Set<string>();
  for (const name of kept) {
    const read = readManifest(join(root, SETS_DIR, name));
    if (read.ok) for (const f of read.manifest.files) needed.add(f.name);
  }
  const filesDir = join(root, FILES_DIR);
  for (const name of readdirSync(filesDir)) {
    if (!needed.has(name)) rmSync(join(filesDir, name), { force: true });
  }
  return removed;
}
