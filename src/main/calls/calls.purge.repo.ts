import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/**
 * The calls' side of a retention purge (the retention domain's CallsPurgePort). The
 * monthly response-time counts (call_month_counts) stay: they name nobody.
 */
export class CallsPurgeRepo {
  constructor(private readonly db: Db) {}

  receivedBefore(cutoff: string): Aged[] {
    return this.db
      .prepare<[string], Aged>('SELECT id, received_at AS at FROM calls WHERE received_at < ? ORDER BY received_at')
      .all(cutoff);
  }

  remove(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const p = list(ids);
    for (const table of ['call_steps', 'call_changes', 'call_agencies', 'call_incidents']) {
      this.db.prepare(`DELETE FROM ${table} WHERE call_id IN (SELECT value FROM json_each(?))`).run(p);
    }
    this.db.prepare('DELETE FROM calls WHERE id IN (SELECT value FROM json_each(?))').run(p);
  }

  forgetIncidents(incidentIds: readonly string[]): void {
    this.db
      .prepare('DELETE FROM call_incidents WHERE incident_id IN (SELECT value FROM json_each(?))')
      .run(list(incidentIds));
  }

  labels(ids: readonly string[]): Map<string, string> {
    const rows = this.db
      .prepare<[string], { id: string; at: string; nature: string }>(
        'SELECT id, received_at AS at, nature FROM calls WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(list(ids));
    return new Map(rows.map((r) => [r.id, `Call of ${r.at.slice(0, 10)} (${r.nature})`]));
  }
}
