import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ATTACHMENTS_DIR } from '../attachments/store';
import { DATABASE_FILE } from '../db/connection';
import { BackupError } from './errors';
import { BACKUP_DATABASE, FILES_DIR, SET_NAME, SETS_DIR, type Manifest } from './manifest';
import { verifyBackupSet, type Progress } from './verify-set';

export interface RestoreResult {
  /** Where the data folder's previous database and attachments were moved: never deleted. */
  movedAsideTo: string;
  files: number;
}

/**
 * Restores a backup set into a data folder that no Vigil has open. The set is
 * verified first (a folder that is not a Vigil backup, a damaged one or one from a
 * newer Vigil is refused with the reason, and nothing in the data folder changes);
 * then it is copied beside the current data, the current data is moved aside into
 * `before-restore-<time>/`, and the copy renamed into place.
 */
export async function restoreBackup(o: {
  root: string;
  name: string;
  dataDir: string;
  now: Date;
  progress?: Progress;
}): Promise<RestoreResult> {
  if (!SET_NAME.test(o.name)) throw new BackupError(`"${o.name}" is not the name of a backup set.`);
  const check = await verifyBackupSet(o.root, o.name, o.progress);
  if (!check.ok) throw new BackupError(`This backup cannot be restored: ${check.reason}. Nothing was changed.`);
  return swapInVerifiedSet({ root: o.root, name: o.name, manifest: check.manifest, dataDir: o.dataDir, now: o.now });
}

/**
 * The swap itself, for a set already verified (restoreBackup, or a restore an
 * administrator asked for in the running desk, done at the next start before the
 * database opens): copied beside the current data first, so a failure changes nothing.
 */
export function swapInVerifiedSet(o: {
  root: string;
  name: string;
  manifest: Manifest;
  dataDir: string;
  now: Date;
}): RestoreResult {
  const stamp = o.now.toISOString().slice(0, 19).replace(/:/g, '-');
  const staging = join(o.dataDir, `.restoring-${stamp}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(join(staging, ATTACHMENTS_DIR), { recursive: true, mode: 0o700 });
    copyFileSync(join(o.root, SETS_DIR, o.name, BACKUP_DATABASE), join(staging, DATABASE_FILE));
    for (const f of o.manifest.files) {
      copyFileSync(join(o.root, FILES_DIR, f.name), join(staging, ATTACHMENTS_DIR, f.name));
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw new BackupError(
      `The backup could not be copied into ${o.dataDir}: ${(e as Error).message}. Nothing was changed.`,
    );
  }

  const aside = join(o.dataDir, `before-restore-${stamp}`);
  mkdirSync(aside, { mode: 0o700 });
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, ATTACHMENTS_DIR]) {
    if (existsSync(join(o.dataDir, name))) renameSync(join(o.dataDir, name), join(aside, name));
  }
  renameSync(join(staging, DATABASE_FILE), join(o.dataDir, DATABASE_FILE));
  renameSync(join(staging, ATTACHMENTS_DIR), join(o.dataDir, ATTACHMENTS_DIR));
  rmSync(staging, { recursive: true, force: true });
  return { movedAsideTo: aside, files: o.manifest.files.length };
}
