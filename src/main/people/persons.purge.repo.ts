import type { Db } from '../db/connection';

type Aged = { id: string; at: string };
const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/** The persons' side of a retention purge (the retention domain's PeoplePurgePort). */
export class PersonsPurgeRepo {
  constructor(private readonly db: Db) {}

  createdBefore(cutoff: string): (Aged & { mergedInto: string | null })[] {
    return this.db
      .prepare<[string], Aged & { mergedInto: string | null }>(
        `SELECT id, max(created_at, coalesce(updated_at, created_at)) AS at, merged_into AS mergedInto
           FROM persons WHERE max(created_at, coalesce(updated_at, created_at)) < ? ORDER BY at`,
      )
      .all(cutoff);
  }

  mergedInto(ids: readonly string[]): string[] {
    // Follows chains: a duplicate merged into a duplicate goes too.
    return this.db
      .prepare<[string], { id: string }>(
        `WITH RECURSIVE gone(id) AS (SELECT value FROM json_each(?)
           UNION SELECT p.id FROM persons p JOIN gone g ON p.merged_into = g.id)
         SELECT id FROM gone`,
      )
      .all(list(ids))
      .map((r) => r.id);
  }

  referencedAttachments(except: readonly string[] = []): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { id: string }>(
          'SELECT DISTINCT attachment_id AS id FROM person_photos WHERE person_id NOT IN (SELECT value FROM json_each(?))',
        )
        .all(list(except))
        .map((r) => r.id),
    );
  }

  attachmentsOf(ids: readonly string[]): string[] {
    return this.db
      .prepare<[string], { id: string }>(
        'SELECT attachment_id AS id FROM person_photos WHERE person_id IN (SELECT value FROM json_each(?))',
      )
      .all(list(ids))
      .map((r) => r.id);
  }

  remove(ids: readonly string[]): { attachmentIds: string[] } {
    if (ids.length === 0) return { attachmentIds: [] };
    const p = list(ids);
    const attachmentIds = this.db
      .prepare<[string], { id: string }>(
        'SELECT attachment_id AS id FROM person_photos WHERE person_id IN (SELECT value FROM json_each(?))',
      )
      .all(p)
      .map((r) => r.id);
    this.db.prepare('DELETE FROM person_photos WHERE person_id IN (SELECT value FROM json_each(?))').run(p);
    // Duplicates point at the record they were merged into: unhook them before either goes.
    this.db
      .prepare('UPDATE persons SET merged_into = NULL WHERE merged_into IN (SELECT value FROM json_each(?))')
      .run(p);
    this.db.prepare('DELETE FROM persons WHERE id IN (SELECT value FROM json_each(?))').run(p);
    return { attachmentIds };
  }

  labels(ids: readonly string[]): Map<string, string> {
    const rows = this.db
      .prepare<[string], { id: string; name: string }>(
        'SELECT id, name FROM persons WHERE id IN (SELECT value FROM json_each(?))',
      )
      .all(list(ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
