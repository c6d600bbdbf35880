import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { copyFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db } from '../db/connection';
import { describeDatabaseFile, leaveWalMode } from '../db/database-file';
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
import { processAlive } from '../process-alive';

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
  requireFolder(o.root);
  claimFolder(o.root);
  const release = lockFolder(o.root);
  try {
    return await writeLocked(o);
  } finally {
    release();
  }
}

async function writeLocked(o: WriteBackupOptions): Promise<BackupResult> {
  const progress = o.progress ?? (() => {});
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

    // The copy leaves WAL mode: a set opened read-only later (a check, a write-protected
    // drive) then needs no -wal or -shm file beside it.
    const copy = new Database(dbCopy, { fileMustExist: true });
    let described: ReturnType<typeof describeDatabaseFile>;
    try {
      leaveWalMode(copy);
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
      // A file already in the folder is reused when its size matches; one cut short by a
      // power cut is copied again (a damaged one of the same size fails the check below
      // and is removed, so the next backup copies it again).
      if (!existsSync(target) || statSync(target).size !== statSync(source).size) {
        const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
        await copyFile(source, temp);
        fsyncFile(temp);
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
    if (!check.ok) {
      const damaged = /attachment file ([0-9a-f]{64}\.[a-z0-9]{2,5}) is damaged/.exec(check.reason)?.[1];
      if (damaged) rmSync(join(files, damaged), { force: true });
      throw new BackupError(`The backup was written but did not verify: ${check.reason}.`);
    }

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

/** Marks a folder as Vigil's backups; a folder holding anything else is refused, so rotation never touches others' files. */
export const MARKER_FILE = 'vigil-backups.json';

function claimFolder(root: string): void {
  if (existsSync(join(root, MARKER_FILE))) return;
  const others = readdirSync(root).filter((n) => n !== '.DS_Store' && n !== 'lost+found');
  if (others.length > 0) {
    throw new BackupError(
      `The backup folder ${root} already holds other files. Choose an empty folder for Vigil's backups.`,
    );
  }
  writeDurably(join(root, MARKER_FILE), JSON.stringify({ format: 'vigil-backups', formatVersion: 1 }));
}

const LOCK_FILE = '.vigil-backup.lock';

/**
 * One writer at a time per backup folder (the desk's schedule, a terminal's
 * `vigil backup`, another desk on a shared folder): each clears partial sets and
 * rotates files the other may still need. A lock left by a process that is gone
 * (same computer) is taken over.
 */
function lockFolder(root: string): () => void {
  const path = join(root, LOCK_FILE);
  const mine = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx', mode: 0o600 });
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw backupFailure(root, e);
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8')) as typeof holder;
      } catch {
        // Unreadable: treated as held.
      }
      const gone = holder.host === hostname() && typeof holder.pid === 'number' && !processAlive(holder.pid);
      if (!gone) {
        throw new BackupError(
          `Another backup is writing to ${root} (${holder.host ?? 'another computer'}, process ${holder.pid ?? '?'}). Try again when it has finished.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new BackupError(`The backup folder ${root} could not be locked.`);
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
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
  // Only what a backup writes: content-named files and their temp copies.
  for (const name of readdirSync(filesDir)) {
    const ours = FILE_NAME.test(name) || /^[0-9a-f]{64}\.[a-z0-9]{2,5}\.[0-9a-f]{8}\.tmp$/.test(name);
    if (ours && !needed.has(name)) rmSync(join(filesDir, name), { force: true });
  }
  return removed;
}
