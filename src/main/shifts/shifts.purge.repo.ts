import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/**
 * The shift log's side of a retention purge (the retention domain's ShiftsPurgePort).
 * A log entry goes with its whole chain (the entry and its corrections) once the
 * chain's newest entry is past its time, so a correction never outlives what it
 * corrects. Referral counts stay: they name nobody.
 */
export class ShiftsPurgeRepo {
  constructor(private readonly db: Db) {}

  before(cutoff: string): { entries: Aged[]; shifts: Aged[] } {
    const entries = this.db
      .prepare<[string], Aged>(
        `SELECT e.id, e.at FROM shift_entries e
          WHERE e.chain_id IN (SELECT chain_id FROM shift_entries GROUP BY chain_id HAVING max(recorded_at) < ?)
          ORDER BY e.at`,
      )
      .all(cutoff);
    const shifts = this.db
      .prepare<[string], Aged>(
        'SELECT id, started_at AS at FROM shifts WHERE ended_at IS NOT NULL AND ended_at < ? ORDER BY started_at',
      )
      .all(cutoff);
    return { entries, shifts };
  }

  remove(entryIds: readonly string[], shiftIds: readonly string[]): { chainIds: string[] } {
    // shiftIds: the activity domain has already taken out the shifts its kept reports name.
    const p = list(entryIds);
    const chainIds = this.db
      .prepare<[string], { id: string }>(
        'SELECT DISTINCT chain_id AS id FROM shift_entries WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(p)
      .map((r) => r.id);
    for (const table of ['shift_entry_links', 'shift_callbacks', 'shift_acknowledgements']) {
      this.db.prepare(`DELETE FROM ${table} WHERE entry_id IN (SELECT value FROM json_each(?))`).run(p);
    }
    // A whole chain in one statement: SQLite checks the corrections' references at its end.
    this.db.prepare('DELETE FROM shift_entries WHERE id IN (SELECT value FROM json_each(?))').run(p);
    // A shift goes once no entry of it is left (an entry kept longer keeps its shift).
    this.db
      .prepare(
        `DELETE FROM shifts WHERE id IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM shift_entries e WHERE e.shift_id = shifts.id)`,
      )
      .run(list(shiftIds));
    return { chainIds };
  }

  forgetLinks(kind: 'incident' | 'call' | 'person', ids: readonly string[]): void {
    this.db
      .prepare('DELETE FROM shift_entry_links WHERE kind = ? AND target_id IN (SELECT value FROM json_each(?))')
      .run(kind, list(ids));
  }
}
