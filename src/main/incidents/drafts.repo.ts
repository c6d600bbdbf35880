import type { Db } from '../db/connection';
import { DraftContent, type Draft } from '../../shared/contract/incidents';

interface Row {
  id: string;
  staff_id: string;
  revision: number;
  content: string;
  created_at: string;
  updated_at: string;
}

export interface DraftSummaryRow {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  branchId: string | null;
  occurredFrom: string | null;
  summary: string;
}

/**
 * Drafts are one JSON row each, so an autosave is a single UPDATE: cheap enough
 * to run within a second of every keystroke pause. They are not records: no journal.
 */
export class DraftsRepo {
  private readonly saveStmt;
  private readonly getStmt;

  constructor(private readonly db: Db) {
    this.saveStmt = db.prepare<[string, string, string, string, number]>(
      `UPDATE incident_drafts SET content = ?, revision = revision + 1, updated_at = ?
       WHERE id = ? AND staff_id = ? AND revision = ?`,
    );
    this.getStmt = db.prepare<[string, string], Row>('SELECT * FROM incident_drafts WHERE id = ? AND staff_id = ?');
  }

  insert(id: string, staffId: string, content: DraftContent, at: string): void {
    this.db
      .prepare(
        'INSERT INTO incident_drafts (id, staff_id, revision, content, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?)',
      )
      .run(id, staffId, JSON.stringify(content), at, at);
  }

  /** True when saved; false when the draft is not this staff member's or the revision is stale. */
  save(id: string, staffId: string, revision: number, content: DraftContent, at: string): boolean {
    return this.saveStmt.run(JSON.stringify(content), at, id, staffId, revision).changes === 1;
  }

  get(id: string, staffId: string): Draft | undefined {
    const row = this.getStmt.get(id, staffId);
    return row && this.toDraft(row);
  }

  revision(id: string, staffId: string): number | undefined {
    return this.getStmt.get(id, staffId)?.revision;
  }

  list(staffId: string): DraftSummaryRow[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM incident_drafts WHERE staff_id = ? ORDER BY updated_at DESC, id DESC')
      .all(staffId)
      .map((r) => {
        const d = this.toDraft(r);
        return {
          id: d.id,
          revision: d.revision,
          createdAt: d.createdAt,
          updatedAt: d.updatedAt,
          branchId: d.content.branchId,
          occurredFrom: d.content.occurredFrom,
          summary: d.content.summary,
        };
      });
  }

  delete(id: string, staffId: string): boolean {
    return this.db.prepare('DELETE FROM incident_drafts WHERE id = ? AND staff_id = ?').run(id, staffId).changes === 1;
  }

  private toDraft(r: Row): Draft {
    return {
      id: r.id,
      status: 'draft',
      revision: r.revision,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      // Parsed leniently: a draft written by an older build still opens, with defaults for new fields.
      content: DraftContent.parse(JSON.parse(r.content)),
    };
  }
}
