import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/**
 * The bans' side of a retention purge (the retention domain's BansPurgePort). A ban
 * counts as ended when it was lifted, when its end date passed with no reinstatement
 * meeting still owed, or (a warning) when it was given. Runs inside the purge's
 * transaction with its gate open.
 */
export class BansPurgeRepo {
  constructor(private readonly db: Db) {}

  endedBefore(cutoff: string, now: string): (Aged & { personId: string })[] {
    return this.db
      .prepare<{ cutoff: string; now: string }, Aged & { personId: string }>(
        `SELECT id, person_id AS personId, at FROM (
           SELECT b.id, b.person_id,
             CASE
               WHEN b.lifted_at IS NOT NULL THEN b.lifted_at
               WHEN json_extract(b.step, '$.kind') = 'warning' THEN b.starts_at
               WHEN b.ends_at IS NOT NULL AND b.ends_at <= @now
                 AND (b.meeting_required = 0 OR EXISTS (SELECT 1 FROM ban_meetings m WHERE m.ban_id = b.id AND m.held_at IS NOT NULL))
                 THEN b.ends_at
             END AS at
           FROM bans b)
         WHERE at IS NOT NULL AND at < @cutoff ORDER BY at`,
      )
      .all({ cutoff, now });
  }

  referencedIncidents(except: readonly string[] = []): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { id: string }>(
          'SELECT DISTINCT incident_id AS id FROM ban_incidents WHERE ban_id NOT IN (SELECT value FROM json_each(?))',
        )
        .all(list(except))
        .map((r) => r.id),
    );
  }

  referencedPersons(except: readonly string[] = []): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { id: string }>(
          'SELECT DISTINCT person_id AS id FROM bans WHERE id NOT IN (SELECT value FROM json_each(?))',
        )
        .all(list(except))
        .map((r) => r.id),
    );
  }

  lastSightings(personIds: readonly string[]): Map<string, string> {
    const rows = this.db
      .prepare<[string], { id: string; at: string }>(
        `SELECT person_id AS id, max(seen_at) AS at FROM person_sightings
          WHERE person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id`,
      )
      .all(list(personIds));
    return new Map(rows.map((r) => [r.id, r.at]));
  }

  remove(ids: readonly string[]): { noticeShas: string[] } {
    if (ids.length === 0) return { noticeShas: [] };
    const p = list(ids);
    const noticeShas = this.db
      .prepare<[string], { sha: string }>(
        'SELECT sha256 AS sha FROM ban_notices WHERE sha256 IS NOT NULL AND ban_id IN (SELECT value FROM json_each(?))',
      )
      .all(p)
      .map((r) => r.sha);
    for (const table of ['ban_branches', 'ban_incidents', 'ban_rules', 'ban_notices', 'ban_appeals', 'ban_meetings']) {
      this.db.prepare(`DELETE FROM ${table} WHERE ban_id IN (SELECT value FROM json_each(?))`).run(p);
    }
    this.db.prepare('DELETE FROM person_sightings WHERE ban_id IN (SELECT value FROM json_each(?))').run(p);
    this.db.prepare('DELETE FROM bans WHERE id IN (SELECT value FROM json_each(?))').run(p);
    return { noticeShas };
  }

  forgetPersons(personIds: readonly string[]): void {
    this.db
      .prepare('DELETE FROM person_sightings WHERE person_id IN (SELECT value FROM json_each(?))')
      .run(list(personIds));
  }

  labels(ids: readonly string[]): Map<string, string> {
    const rows = this.db
      .prepare<[string], { id: string; number: string }>(
        'SELECT id, number FROM bans WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(list(ids));
    return new Map(rows.map((r) => [r.id, `Ban ${r.number}`]));
  }
}
