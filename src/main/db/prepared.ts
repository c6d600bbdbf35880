import type Database from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Statements prepared once per text and kept: preparing costs more than running a
 * small query, and a repo asks the same few questions thousands of times (a round's
 * visits, a run's answers). For repos whose queries are many and short-lived in code.
 */
export function preparedStatements(db: Db) {
  const cache = new Map<string, Database.Statement>();
  return <P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt as unknown as Database.Statement<P, R>;
  };
}
