import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/** Closing runs with their answers and exceptions: the retention domain's ChecklistsPurgePort for closing. */
export class ClosingPurgeRepo {
  constructor(private readonly db: Db) {}

  before(cutoff: string): Aged[] {
    return this.db
      .prepare<[string], Aged>(
        "SELECT id, started_at AS at FROM closing_runs WHERE status <> 'open' AND started_at < ? ORDER BY started_at",
      )
      .all(cutoff);
  }

  remove(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const p = list(ids);
    this.db
      .prepare(
        `DELETE FROM closing_exception_steps WHERE exception_id IN
           (SELECT id FROM closing_exceptions WHERE run_id IN (SELECT value FROM json_each(?)))`,
      )
      .run(p);
    this.db.prepare('DELETE FROM closing_exceptions WHERE run_id IN (SELECT value FROM json_each(?))').run(p);
    this.db.prepare('DELETE FROM closing_answers WHERE run_id IN (SELECT value FROM json_each(?))').run(p);
    this.db.prepare('DELETE FROM closing_runs WHERE id IN (SELECT value FROM json_each(?))').run(p);
  }

  /** A kept run's link to a purged incident: the link goes, the answer stays. */
  forgetIncidents(incidentIds: readonly string[]): void {
    const p = list(incidentIds);
    this.db
      .prepare('UPDATE closing_answers SET incident_id = NULL WHERE incident_id IN (SELECT value FROM json_each(?))')
      .run(p);
    this.db
      .prepare('UPDATE closing_exceptions SET incident_id = NULL WHERE incident_id IN (SELECT value FROM json_each(?))')
      .run(p);
  }
}
