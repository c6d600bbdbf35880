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
    const n = Number.isFinite(limit) ? limit : -1;
    // The disclosure log is kept as long as the audit log it sits beside.
    this.db
      .prepare('DELETE FROM disclosures WHERE id IN (SELECT id FROM disclosures WHERE at < ? ORDER BY at LIMIT ?)')
      .run(cutoff, n);
    return this.db
      .prepare('DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? ORDER BY at LIMIT ?)')
      .run(cutoff, n).changes;
  }

  redact(recordIds: readonly string[], shas: readonly string[]): number {
    // A disclosure of a removed record keeps to whom, when and under which basis; the
    // purpose and what was sent (which may name the person) go.
    this.db
      .prepare(
        `UPDATE disclosures SET purpose = '(record purged)', what = '(record purged)'
          WHERE record_id IN (SELECT value FROM json_each(?)) AND purpose <> '(record purged)'`,
      )
      .run(list(recordIds));
    let n = this.db
      .prepare(
        `UPDATE audit SET detail = '(record purged)', purpose = ''
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
    const rows = this.db.prepare<[], { id: string; detail: string; purpose: string }>(
      "SELECT id, detail, purpose FROM audit WHERE (detail <> '' AND detail <> '(record purged)') OR purpose <> ''",
    );
    for (const r of rows.iterate()) if (mentions.test(r.detail) || mentions.test(r.purpose)) hits.push(r.id);
    // A disclosure to the person themself (a ban notice) names them as its recipient.
    const told: string[] = [];
    const disclosed = this.db.prepare<[], { id: string; recipient: string; purpose: string; what: string }>(
      'SELECT id, recipient, purpose, what FROM disclosures',
    );
    for (const r of disclosed.iterate()) {
      if (mentions.test(r.recipient) || mentions.test(r.purpose) || mentions.test(r.what)) told.push(r.id);
    }
    if (told.length > 0) {
      this.db
        .prepare(
          `UPDATE disclosures SET recipient = '(record purged)', purpose = '(record purged)', what = '(record purged)'
            WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .run(list(told));
    }
    if (hits.length === 0) return told.length;
    return (
      told.length +
      this.db
        .prepare(
          "UPDATE audit SET detail = '(record purged)', purpose = '' WHERE id IN (SELECT value FROM json_each(?))",
        )
        .run(list(hits)).changes
    );
  }
}
