import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The incidents' side of a retention purge (the retention domain's IncidentsPurgePort).
 * Runs inside the purge's transaction, with its gate open: the append-only triggers
 * let these deletes through only then.
 */
export class IncidentsPurgeRepo {
  constructor(private readonly db: Db) {}

  occurredBefore(cutoff: string): Aged[] {
    return this.db
      .prepare<[string], Aged>(
        'SELECT id, occurred_from AS at FROM incidents WHERE occurred_from < ? ORDER BY occurred_from',
      )
      .all(cutoff);
  }

  personsOf(ids: readonly string[]): Map<string, string[]> {
    const rows = this.db
      .prepare<[string], { incidentId: string; personId: string }>(
        `SELECT DISTINCT v.incident_id AS incidentId, p.person_id AS personId
           FROM incident_versions v JOIN incident_persons p ON p.vid = v.vid
          WHERE p.person_id IS NOT NULL AND v.incident_id IN (SELECT value FROM json_each(?))`,
      )
      .all(list(ids));
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.incidentId, [...(out.get(r.incidentId) ?? []), r.personId]);
    return out;
  }

  referencedPersons(except: readonly string[] = []): Set<string> {
    const rows = this.db
      .prepare<[string], { id: string }>(
        `SELECT DISTINCT p.person_id AS id FROM incident_persons p JOIN incident_versions v ON v.vid = p.vid
          WHERE p.person_id IS NOT NULL AND v.incident_id NOT IN (SELECT value FROM json_each(?))`,
      )
      .all(list(except));
    return new Set(rows.map((r) => r.id));
  }

  attachmentsOf(ids: readonly string[]): string[] {
    return this.db
      .prepare<[string], { id: string }>(
        `SELECT DISTINCT a.attachment_id AS id FROM incident_attachments a JOIN incident_versions v ON v.vid = a.vid
          WHERE v.incident_id IN (SELECT value FROM json_each(?))`,
      )
      .all(list(ids))
      .map((r) => r.id);
  }

  referencedAttachments(except: readonly string[] = []): Set<string> {
    const ids = new Set(
      this.db
        .prepare<[string], { id: string }>(
          `SELECT DISTINCT a.attachment_id AS id FROM incident_attachments a JOIN incident_versions v ON v.vid = a.vid
            WHERE v.incident_id NOT IN (SELECT value FROM json_each(?))`,
        )
        .all(list(except))
        .map((r) => r.id),
    );
    // Work in progress is never purged from under the person typing it.
    const drafts = this.db
      .prepare<[], { content: string }>(
        'SELECT content FROM incident_drafts UNION ALL SELECT content FROM incident_amendment_drafts',
      )
      .all();
    for (const d of drafts) for (const m of d.content.match(UUIDS) ?? []) ids.add(m.toLowerCase());
    return ids;
  }

  remove(ids: readonly string[]): { attachmentIds: string[] } {
    if (ids.length === 0) return { attachmentIds: [] };
    const p = list(ids);
    const attachmentIds = this.attachmentsOf(ids);
    const vids = `SELECT vid FROM incident_versions WHERE incident_id IN (SELECT value FROM json_each(?))`;
    // The index holds each incident's current version only: remove exactly that text.
    this.db
      .prepare(
        `INSERT INTO incident_fts (incident_fts, rowid, summary, narrative, actions, persons_text)
         SELECT 'delete', v.fts_key, v.summary, v.narrative, v.actions, v.persons_text
           FROM incidents i JOIN incident_versions v ON v.vid = i.current_version
          WHERE i.id IN (SELECT value FROM json_each(?))`,
      )
      .run(p);
    this.db.prepare(`DELETE FROM incident_rules WHERE vid IN (${vids})`).run(p);
    this.db.prepare(`DELETE FROM incident_persons WHERE vid IN (${vids})`).run(p);
    this.db.prepare(`DELETE FROM incident_cameras WHERE vid IN (${vids})`).run(p);
    this.db.prepare(`DELETE FROM incident_attachments WHERE vid IN (${vids})`).run(p);
    this.db.prepare('DELETE FROM incident_reviews WHERE incident_id IN (SELECT value FROM json_each(?))').run(p);
    this.db
      .prepare('DELETE FROM incident_amendment_drafts WHERE incident_id IN (SELECT value FROM json_each(?))')
      .run(p);
    this.db.prepare('DELETE FROM incidents WHERE id IN (SELECT value FROM json_each(?))').run(p);
    this.db.prepare('DELETE FROM incident_versions WHERE incident_id IN (SELECT value FROM json_each(?))').run(p);
    return { attachmentIds };
  }

  /**
   * One step of rewriting the full-text index into a single segment (FTS5's 'merge' with a
   * negative page budget: an 'optimize' spread over many short calls), so words of removed
   * reports do not survive in older segments. False once there is nothing left to merge.
   */
  mergeIndexStep(first: boolean, pages = 2_000): boolean {
    const total = this.db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    const before = total.get()!.n;
    // A negative budget starts the cycle (all segments to one level); positive ones continue
    // it: starting again at every step would rewrite the index over and over.
    this.db.prepare("INSERT INTO incident_fts (incident_fts, rank) VALUES ('merge', ?)").run(first ? -pages : pages);
    // FTS5's own test: fewer than two changes means the call found no work.
    return total.get()!.n - before >= 2;
  }

  labels(ids: readonly string[]): Map<string, string> {
    const rows = this.db
      .prepare<[string], { id: string; number: string }>(
        'SELECT id, number FROM incidents WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(list(ids));
    return new Map(rows.map((r) => [r.id, `Incident ${r.number}`]));
  }
}
