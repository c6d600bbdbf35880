import Database from 'better-sqlite3';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate';
import { StartupError } from './startup-error';
import { preparePrivateDataDir, touchPrivateFile } from './private-files';

export type Db = Database.Database;

export const DATABASE_FILE = 'vigil.sqlite3';

export { StartupError };

/** Opens (creating if needed) the database in dataDir, sets the pragmas and migrates it. */
export function openDatabase(dataDir: string): Db {
  try {
    preparePrivateDataDir(dataDir);
    accessSync(dataDir, constants.W_OK | constants.R_OK);
  } catch (e) {
    throw new StartupError(
      `Vigil cannot write to its data folder (${dataDir}): ${(e as NodeJS.ErrnoException).code ?? String(e)}. ` +
        'Ask your administrator to give this account write access, or start Vigil with another data folder.',
    );
  }
  const file = join(dataDir, DATABASE_FILE);
  let db: Db;
  try {
    touchPrivateFile(file);
    db = new Database(file);
  } catch (e) {
    throw new StartupError(`Vigil cannot open its database (${file}): ${(e as Error).message}.`);
  }
  try {
    applyPragmas(db);
    // Reading the schema fails at once on a file that is not (or no longer) a database.
    // A full quick_check would too, but it reads every page: minutes on a large archive,
    // at every start. Damage deeper in the file surfaces as an error on the record read.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    db.close();
    throw new StartupError(
      `Vigil's database (${file}) is damaged and cannot be used: ${(e as Error).message}. ` +
        'Nothing has been changed. Restore it from a backup, or ask your administrator.',
    );
  }
  try {
    migrate(db);
  } catch (e) {
    db.close();
    throw e instanceof StartupError
      ? e
      : new StartupError(`Vigil could not prepare its database: ${(e as Error).message}`);
  }
  return db;
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  // Records are legal documents: a power cut must not lose a submitted one.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Purged patron data must not linger in free pages.
  db.pragma('secure_delete = ON');
}

/**
 * Copies every page the write-ahead log holds into the database file and empties the
 * log, so what a purge removed does not survive in the WAL's old frames. Returns
 * false when a reader kept it from finishing (the next purge, or the next start, does it).
 */
export function flushWal(db: Db): boolean {
  const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return r !== undefined && r.busy === 0;
}
