import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { swapInVerifiedSet } from '../backup/restore';
import { BACKUP_DATABASE, SET_NAME, SETS_DIR } from '../backup/manifest';
import { readManifest } from '../backup/verify-set';

/** A restore an administrator asked for: done at the next start, before the database opens. */
const PENDING = 'restore-pending.json';
const FAILED = 'restore-failed.json';

const Pending = z.strictObject({
  root: z.string(),
  name: z.string().regex(SET_NAME),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime(),
});
type Pending = z.infer<typeof Pending>;

export function writePendingRestore(dataDir: string, pending: Pending): void {
  rmSync(join(dataDir, FAILED), { force: true });
  writeFileSync(join(dataDir, PENDING), JSON.stringify(Pending.parse(pending)), { mode: 0o600 });
}

export function cancelPendingRestore(dataDir: string): void {
  rmSync(join(dataDir, PENDING), { force: true });
}

export function readPendingRestore(dataDir: string): { pending: string | null; failed: string | null } {
  const read = (file: string) => {
    try {
      return existsSync(join(dataDir, file))
        ? (JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as unknown)
        : null;
    } catch {
      return null;
    }
  };
  const pending = Pending.safeParse(read(PENDING));
  const failed = z.object({ reason: z.string() }).safeParse(read(FAILED));
  return {
    pending: pending.success ? pending.data.name : null,
    failed: failed.success ? failed.data.reason : null,
  };
}

/**
 * At start, before the database opens: swaps in the set that was verified when it
 * was asked for (its manifest and database size are checked again, cheaply). A
 * failure leaves the current data as it was and says why in restore-failed.json,
 * which Settings → Maintenance shows.
 */
export function applyPendingRestore(dataDir: string, now: Date): { restored: string; movedAsideTo: string } | null {
  const file = join(dataDir, PENDING);
  if (!existsSync(file)) return null;
  let pending: Pending | undefined;
  try {
    pending = Pending.parse(JSON.parse(readFileSync(file, 'utf8')));
    const setDir = join(pending.root, SETS_DIR, pending.name);
    const read = readManifest(setDir);
    if (!read.ok) throw new Error(read.reason);
    if (statSync(join(setDir, BACKUP_DATABASE)).size !== read.manifest.database.bytes) {
      throw new Error('its database file changed since it was verified');
    }
    const result = swapInVerifiedSet({ root: pending.root, name: pending.name, manifest: read.manifest, dataDir, now });
    rmSync(file, { force: true });
    return { restored: pending.name, movedAsideTo: result.movedAsideTo };
  } catch (e) {
    const reason = `The restore of ${pending?.name ?? 'a backup'} was not done: ${(e as Error).message}`;
    writeFileSync(join(dataDir, FAILED), JSON.stringify({ reason }), { mode: 0o600 });
    renameSync(file, join(dataDir, `${PENDING}.failed`));
    return null;
  }
}
