import type { Db } from './connection';
import { StartupError } from './startup-error';
import { migrations, type Migration } from './migrations';

/** Newest schema this build knows. */
export const schemaVersion = (list: readonly Migration[] = migrations): number =>
  list.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Brings the database up to this build's schema in one transaction, tracked in
 * PRAGMA user_version. A database from a newer Vigil is refused, untouched.
 */
export function migrate(db: Db, list: readonly Migration[] = migrations): { from: number; to: number } {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = schemaVersion(list);
  if (current > latest) {
    throw new StartupError(
      `This database was written by a newer version of Vigil (schema ${current}; this version knows up to ${latest}). ` +
        'Install the newer Vigil, or open a different data folder. Nothing was changed.',
    );
  }
  const pending = [...list].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return { from: current, to: current };
  db.transaction(() => {
    for (const m of pending) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from: current, to: latest };
}
