import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StartupError } from './startup-error';
import { processAlive } from '../process-alive';

export const LOCK_FILE = 'vigil.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/** Who holds the data folder, if a running Vigil does (a lock left by a crash does not count). */
export function dataFolderHolder(dataDir: string): Holder | null {
  let holder: Holder;
  try {
    holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as Holder;
  } catch {
    return null;
  }
  if (typeof holder.pid !== 'number' || typeof holder.host !== 'string') return null;
  // Another machine's Vigil (a shared folder) cannot be asked: its lock stands.
  if (holder.host !== hostname()) return holder;
  return holder.pid === process.pid || processAlive(holder.pid) ? holder : null;
}

/**
 * One desk per data folder: two Vigils writing one database would each think its
 * journal head is the last, and each would sweep the other's half-saved files. The
 * first claims the folder with a lock file naming its process; a second is refused at
 * start with who holds it. A lock left by a crashed Vigil (its process gone) is taken
 * over. Terminal commands (verify, backup, purge) work beside a running desk and do not
 * claim it. Returns the release, called when the desk closes.
 */
export function claimDataFolder(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const held = dataFolderHolder(dataDir);
  if (held) {
    throw new StartupError(
      `Another Vigil is already using the data folder ${dataDir} (process ${held.pid} on ${held.host}, ` +
        `since ${held.since}). Use that window, or close it first. If that Vigil is not running ` +
        `(its computer was switched off), delete ${path} and start again.`,
    );
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  // Written whole in one call: a reader never sees half of it (and a stale one is simply replaced).
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return () => {
    try {
      const now = JSON.parse(readFileSync(path, 'utf8')) as Holder;
      if (now.pid === me.pid && now.since === me.since) rmSync(path, { force: true });
    } catch {
      // Gone already: nothing to release.
    }
  };
}
