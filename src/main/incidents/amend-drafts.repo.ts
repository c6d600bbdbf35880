import type { Db } from '../db/connection';
import { DraftContent, type AmendmentDraft } from '../../shared/contract/incidents';

interface Row {
  incident_id: string;
  base_version: number;
  base_content: string;
  reason: string;
  content: string;
  revision: number;
  updated_at: string;
}

/**
 * Amendments being typed: one JSON row per report and person, saved as often as a
 * draft is, so a crash or a closed window loses nothing. Not records: no journal
 * until the amendment is filed (incidents.amend), which deletes the row.
 */
export class AmendDraftsRepo {
  constructor(private readonly db: Db) {}

  get(incidentId: string, staffId: string): AmendmentDraft | undefined {
    const r = this.db
      .prepare<[string, string], Row>('SELECT * FROM incident_amendment_drafts WHERE incident_id = ? AND staff_id = ?')
      .get(incidentId, staffId);
    return (
      r && {
        incidentId: r.incident_id,
        baseVersion: r.base_version,
        // Parsed leniently, as drafts are: an older build's row still opens.
        baseContent: DraftContent.parse(JSON.parse(r.base_content)),
        reason: r.reason,
        content: DraftContent.parse(JSON.parse(r.content)),
        revision: r.revision,
        updatedAt: r.updated_at,
      }
    );
  }

  insert(d: Omit<AmendmentDraft, 'revision'>, staffId: string): void {
    this.db
      .prepare(
        `INSERT INTO incident_amendment_drafts (incident_id, staff_id, base_version, base_content, reason, content,
           revision, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(
        d.incidentId,
        staffId,
        d.baseVersion,
        JSON.stringify(d.baseContent),
        d.reason,
        JSON.stringify(d.content),
        d.updatedAt,
      );
  }

  /** True when saved; false when there is no such row or its revision moved on. */
  save(incidentId: string, staffId: string, revision: number, reason: string, content: DraftContent, at: string) {
    return (
      this.db
        .prepare(
          `UPDATE incident_amendment_drafts SET reason = ?, content = ?, revision = revision + 1, updated_at = ?
           WHERE incident_id = ? AND staff_id = ? AND revision = ?`,
        )
        .run(reason, JSON.stringify(content), at, incidentId, staffId, revision).changes === 1
    );
  }

  delete(incidentId: string, staffId: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM incident_amendment_drafts WHERE incident_id = ? AND staff_id = ?')
        .run(incidentId, staffId).changes === 1
    );
  }
}
