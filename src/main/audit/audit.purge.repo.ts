import type { Db } from '../db/connection';

const list = (ids: Iterable<string>) => JSON.stringify([...ids]);

/**
 * The audit log's side of a retention purge (the retention domain's AuditPurgePort).
 * Old entries are removed after their time; entries about a removed record keep who,
 * when and what kind of read, and lose the detail that named it (a person's name in
 * "Opened …", a snapshot's hash).
 */
export class AuditPurgeRepo {
  constructor(private readonly db: Db) {}

  before(cutoff: string): { count: number; oldest: string | null } {
    return this.db
      .prepare<[string], { count: number; oldest: string | null }>(
        'SELECT count(*) AS count, min(at) AS oldest FROM audit WHERE at < ?',
      )
      .get(cutoff)!;
  }

  removeBefore(cutoff: string, limit: number): number {
    return this.db
      .prepare('DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? ORDER BY at LIMIT ?)')
      .run(cutoff, Number.isFinite(limit) ? limit : -1).changes;
  }

  redact(recordIds: readonly string[], shas: readonly string[]): number {
    let n = this.db
      .prepare(
        `UPDATE audit SET detail = '(record purged)'
          WHERE record_id IN (SELECT value FROM json_each(?)) AND detail <> '(record purged)'`,
      )
      .run(list(recordIds)).changes;
    if (shas.length > 0) {
      // Media reads name the file by hash in the detail ("<sha>" or "<sha>.png").
      n += this.db
        .prepare(
          `UPDATE audit SET detail = '(record purged)'
            WHERE substr(detail, 1, 64) IN (SELECT value FROM json_each(?))`,
        )
        .run(list(shas)).changes;
    }
    return n;
  }

  /**
   * Searches quote what was typed and list who was found ("Checked “Ann Smith”: Ann
   * Smith"): such entries that mention a removed person's name lose their detail too.
   * One pass over the entries that quote or list names, testing all names at once.
   */
  redactMentions(names: readonly string[]): number {
    const usable = [...new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3))];
    if (usable.length === 0) return 0;
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const mentions = new RegExp(usable.map(escape).join('|'), 'i');
    const hits: string[] = [];
    const rows = this.db.prepare<[], { id: string; detail: string }>(
      "SELECT id, detail FROM audit WHERE detail <> '' AND detail <> '(record purged)'",
    );
    for (const r of rows.iterate()) if (mentions.test(r.detail)) hits.push(r.id);
    if (hits.length === 0) return 0;
    return this.db
      .prepare("UPDATE audit SET detail = '(record purged)' WHERE id IN (SELECT value FROM json_each(?))")
      .run(list(hits)).changes;
  }
}
