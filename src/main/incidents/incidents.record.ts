import type { Db } from '../db/connection';
import type {
  Amendment,
  AttachmentMeta,
  FiledRule,
  IncidentContent,
  IncidentRecord,
  PersonInvolved,
  Review,
} from '../../shared/contract/incidents';
import type { FiledStatus } from './incidents.repo';

interface VersionRow {
  vid: number;
  version: number;
  created_at: string;
  created_by: string;
  created_by_name: string;
  reason: string | null;
  changes: string | null;
  zone_id: string | null;
  occurred_from: string;
  occurred_to: string | null;
  severity: 1 | 2 | 3;
  summary: string;
  narrative: string;
  actions: string;
  response: string;
}

interface HeaderRow {
  id: string;
  number: string;
  status: FiledStatus;
  branch_id: string;
  branch_code: string;
  branch_name: string;
  time_zone: string;
  reporter_id: string;
  reporter_name: string;
  reported_at: string;
  current_version: number;
  updated_at: string;
}

type Response = Pick<IncidentContent, 'police' | 'emergency' | 'injuries' | 'propertyDamage' | 'staffAssistance'>;

/** Reads a filed report whole, as incidents.get returns it and as its journal entries carry it. */
export class IncidentRecords {
  constructor(private readonly db: Db) {}

  load(id: string): IncidentRecord | undefined {
    const h = this.db
      .prepare<[string], HeaderRow>(
        `SELECT i.*, b.code AS branch_code, b.name AS branch_name, b.time_zone, s.name AS reporter_name
         FROM incidents i JOIN branches b ON b.id = i.branch_id JOIN staff s ON s.id = i.reporter_id WHERE i.id = ?`,
      )
      .get(id);
    if (!h) return undefined;
    const versions = this.db
      .prepare<[string], VersionRow>(
        `SELECT v.*, s.name AS created_by_name FROM incident_versions v JOIN staff s ON s.id = v.created_by
         WHERE v.incident_id = ? ORDER BY v.version`,
      )
      .all(id);
    const current = versions.find((v) => v.vid === h.current_version)!;
    const rules = this.rules(current.vid);
    const response = JSON.parse(current.response) as Response;
    const cameras = this.db
      .prepare<[number], { camera_id: string; from_time: string; to_time: string; name: string | null }>(
        `SELECT r.camera_id, r.from_time, r.to_time, c.name FROM incident_cameras r
         LEFT JOIN cameras c ON c.id = r.camera_id WHERE r.vid = ? ORDER BY r.ord`,
      )
      .all(current.vid)
      .map((r) => ({
        cameraId: r.camera_id,
        from: r.from_time,
        to: r.to_time,
        cameraName: r.name ?? '(removed camera)',
      }));
    const attachments = this.attachments(current.vid);
    const content: IncidentContent = {
      branchId: h.branch_id,
      zoneId: current.zone_id,
      occurredFrom: current.occurred_from,
      occurredTo: current.occurred_to,
      ruleIds: rules.map((r) => r.ruleId),
      severity: current.severity,
      summary: current.summary,
      narrative: current.narrative,
      actions: current.actions,
      persons: this.persons(current.vid),
      ...response,
      cameras: cameras.map(({ cameraId, from, to }) => ({ cameraId, from, to })),
      attachmentIds: attachments.map((a) => a.id),
    };
    const zone = current.zone_id
      ? this.db.prepare<[string], { name: string }>('SELECT name FROM zones WHERE id = ?').get(current.zone_id)
      : undefined;
    return {
      id: h.id,
      number: h.number,
      status: h.status,
      branch: { id: h.branch_id, code: h.branch_code, name: h.branch_name, timeZone: h.time_zone },
      zoneName: zone?.name ?? null,
      reporter: { id: h.reporter_id, name: h.reporter_name },
      reportedAt: h.reported_at,
      version: current.version,
      updatedAt: h.updated_at,
      content,
      rules,
      cameras,
      attachments,
      amendments: versions.filter((v) => v.version > 1).map(toAmendment),
      reviews: this.reviews(id),
      journal: this.db
        .prepare<[string], { kind: string; at: string; hash: string }>(
          'SELECT kind, at, hash FROM journal WHERE record_id = ? ORDER BY seq',
        )
        .all(id),
    };
  }

  rules(vid: number): FiledRule[] {
    return this.db
      .prepare<[number], FiledRule>(
        `SELECT r.rule_id AS ruleId, g.id AS versionId, g.version, g.code, g.title, g.description, g.severity
         FROM incident_rules r JOIN guideline_versions g ON g.id = r.rule_version_id WHERE r.vid = ? ORDER BY r.rowid`,
      )
      .all(vid);
  }

  private persons(vid: number): PersonInvolved[] {
    return this.db
      .prepare<[number], PersonInvolved>(
        `SELECT role, person_id AS personId, name, sex, age_estimate AS ageEstimate, height, build, hair, clothing, marks
         FROM incident_persons WHERE vid = ? ORDER BY ord`,
      )
      .all(vid);
  }

  private attachments(vid: number): AttachmentMeta[] {
    return this.db
      .prepare<[number], AttachmentMeta>(
        `SELECT a.id, a.sha256, a.kind, a.media_type AS mediaType, a.bytes, a.width, a.height, a.camera_id AS cameraId,
           a.taken_at AS takenAt, a.frame_time AS frameTime
         FROM incident_attachments r JOIN attachments a ON a.id = r.attachment_id WHERE r.vid = ? ORDER BY r.ord`,
      )
      .all(vid);
  }

  private reviews(id: string): Review[] {
    return this.db
      .prepare<
        [string],
        {
          id: string;
          at: string;
          by: string;
          by_name: string;
          decision: Review['decision'];
          comment: string;
          version: number;
        }
      >(
        `SELECT r.*, s.name AS by_name FROM incident_reviews r JOIN staff s ON s.id = r.by
         WHERE r.incident_id = ? ORDER BY r.at, r.id`,
      )
      .all(id)
      .map((r) => ({
        id: r.id,
        at: r.at,
        by: { id: r.by, name: r.by_name },
        decision: r.decision,
        comment: r.comment,
        version: r.version,
      }));
  }
}

const toAmendment = (v: VersionRow): Amendment => ({
  version: v.version,
  at: v.created_at,
  by: { id: v.created_by, name: v.created_by_name },
  reason: v.reason ?? '',
  changes: v.changes ? (JSON.parse(v.changes) as Amendment['changes']) : [],
});
