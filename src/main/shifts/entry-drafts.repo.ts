import type { Db } from '../db/connection';
import { preparedStatements } from '../db/prepared';
import { EntryDraftContent } from '../../shared/contract/shifts';

interface Row {
  revision: number;
  content: string;
  updated_at: string;
}

export interface EntryDraftRow {
  revision: number;
  updatedAt: string;
  content: EntryDraftContent;
}

/**
 * The log entry each person is writing: one JSON row per person, so an autosave is one
 * statement. Not a record: no journal, deleted when the entry is added.
 */
export class EntryDraftsRepo {
  private readonly q;

  constructor(db: Db) {
    this.q = preparedStatements(db);
  }

  get(staffId: string): EntryDraftRow | undefined {
    const r = this.q<[string], Row>(
      'SELECT revision, content, updated_at FROM shift_entry_drafts WHERE staff_id = ?',
    ).get(staffId);
    // Parsed leniently: a draft written by an older build still opens, with defaults for new fields.
    return (
      r && { revision: r.revision, updatedAt: r.updated_at, content: EntryDraftContent.parse(JSON.parse(r.content)) }
    );
  }

  /** True when started; false when this person already has one. */
  insert(staffId: string, content: EntryDraftContent, at: string): boolean {
    return (
      this.q(
        `INSERT INTO shift_entry_drafts (staff_id, revision, content, updated_at) VALUES (?, 1, ?, ?)
         ON CONFLICT (staff_id) DO NOTHING`,
      ).run(staffId, JSON.stringify(content), at).changes === 1
    );
  }

  /** True when saved; false when there is none or its revision moved on. */
  save(staffId: string, revision: number, content: EntryDraftContent, at: string): boolean {
    return (
      this.q(
        `UPDATE shift_entry_drafts SET content = ?, revision = revision + 1, updated_at = ?
         WHERE staff_id = ? AND revision = ?`,
      ).run(JSON.stringify(content), at, staffId, revision).changes === 1
    );
  }

  delete(staffId: string): boolean {
    return this.q('DELETE FROM shift_entry_drafts WHERE staff_id = ?').run(staffId).changes === 1;
  }
}
