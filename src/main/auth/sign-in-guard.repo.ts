import type { Db } from '../db/connection';

export interface GuardRow {
  windowStart: string;
  attempts: number;
  lockedUntil: string | null;
}

/** The sign_in_guard table: attempts reserved per bucket (auth/sign-in-guard.ts owns the rules). */
export class SignInGuardRepo {
  constructor(private readonly db: Db) {}

  get(bucket: string): GuardRow | undefined {
    const row = this.db
      .prepare<[string], { window_start: string; attempts: number; locked_until: string | null }>(
        'SELECT window_start, attempts, locked_until FROM sign_in_guard WHERE bucket = ?',
      )
      .get(bucket);
    return row && { windowStart: row.window_start, attempts: row.attempts, lockedUntil: row.locked_until };
  }

  put(bucket: string, row: GuardRow): void {
    this.db
      .prepare(
        `INSERT INTO sign_in_guard (bucket, window_start, attempts, locked_until) VALUES (?, ?, ?, ?)
         ON CONFLICT(bucket) DO UPDATE SET window_start = excluded.window_start, attempts = excluded.attempts,
           locked_until = excluded.locked_until`,
      )
      .run(bucket, row.windowStart, row.attempts, row.lockedUntil);
  }

  delete(bucket: string): void {
    this.db.prepare('DELETE FROM sign_in_guard WHERE bucket = ?').run(bucket);
  }
}
