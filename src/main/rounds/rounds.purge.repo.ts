import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/** Patrol rounds with their visits and observations: the retention domain's ChecklistsPurgePort for rounds. */
export class RoundsPurgeRepo {
  constructor(private readonly db: Db) {}

  before(cutoff: string): Aged[] {
    return this.db
      .prepare<[string], Aged>(
        'SELECT id, started_at AS at FROM patrol_rounds WHERE ended_at IS NOT NULL AND started_at < ? ORDER BY started_at',
      )
      .all(cutoff);
  }

  remove(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const p = list(ids);
    this.db.prepare('DELETE FROM patrol_observations WHERE round_id IN (SELECT value FROM json_each(?))').run(p);
    this.db.prepare('DELETE FROM patrol_visits WHERE round_id IN (SELECT value FROM json_each(?))').run(p);
    this.db.prepare('DELETE FROM patrol_rounds WHERE id IN (SELECT value FROM json_each(?))').run(p);
  }

  forgetIncidents(incidentIds: readonly string[]): void {
    this.db
      .prepare(
        'UPDATE patrol_observations SET incident_id = NULL WHERE incident_id IN (SELECT value FROM json_each(?))',
      )
      .run(list(incidentIds));
  }
}
