import type { Db } from './connection';

/** What a backup's manifest says of a database file: its schema and its journal's length. */
export function describeDatabaseFile(db: Db): { schemaVersion: number; journalEntries: number } {
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    journalEntries: (db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n,
  };
}

/** SQLite's own check of every page: 'ok', or what is wrong. Reads the whole file: minutes on a large archive. */
export function integrityCheck(db: Db): string {
  return db.pragma('integrity_check', { simple: true }) as string;
}
