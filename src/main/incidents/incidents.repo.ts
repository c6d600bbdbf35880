import type { Db } from '../db/connection';
import type {
  FieldChange,
  FILED_STATUSES,
  IncidentContent,
  PersonInvolved,
  REVIEW_DECISIONS,
} from '../../shared/contract/incidents';
import { personsText } from './incidents.validate';

export type FiledStatus = (typeof FILED_STATUSES)[number];
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** An incidents row as stored (the current version's mirrored columns left out). */
export interface IncidentRow {
  id: string;
  number: string;
  status: FiledStatus;
  branch_id: string;
  reporter_id: string;
  reported_at: string;
  current_version: number;
  updated_at: string;
}

/** One version of a report's text; `created_by` is a staff id. */
export interface VersionRow {
  vid: number;
  version: number;
  created_at: string;
  created_by: string;
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

export interface ReviewRow {
  id: string;
  at: string;
  by: string;
  decision: ReviewDecision;
  comment: string;
  version: number;
}

export interface Header {
  id: string;
  number: string;
  branchId: string;
  reporterId: string;
  reportedAt: string;
  status: FiledStatus;
  currentVid: number;
  version: number;
  updatedAt: string;
}

export interface NewVersion {
  incidentId: string;
  version: number;
  createdAt: string;
  createdBy: string;
  reason: string | null;
  changes: FieldChange[] | null;
  content: IncidentContent;
  /** rule id → the guideline version it is filed under. */
  ruleVersions: Map<string, string>;
}

/** `<BRANCH>-<YEAR>-<NNNN>`: four digits at least, more once a branch passes 9,999 in a year. */
export const incidentNumber = (branchCode: string, year: number, seq: number) =>
  `${branchCode}-${year}-${String(seq).padStart(4, '0')}`;

/** The calendar year of a moment in the branch's own time zone (a report at 00:10 on 1 January counts there). */
export const yearInZone = (iso: string, timeZone: string) =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date(iso)));

/**
 * SQL of filed incidents. Text is append-only (versions and their children; the
 * tables' triggers refuse any change to filed text); the incidents row itself moves
 * its current version and status forward.
 */
export class IncidentsRepo {
  private readonly nextSeqStmt;
  private readonly headerStmt;

  constructor(private readonly db: Db) {
    this.nextSeqStmt = db.prepare<[string, number], { last: number }>(
      `INSERT INTO incident_counters (branch_id, year, last) VALUES (?, ?, 1)
       ON CONFLICT (branch_id, year) DO UPDATE SET last = last + 1 RETURNING last`,
    );
    this.headerStmt = db.prepare<[string], Record<string, string | number>>(
      `SELECT i.*, v.version FROM incidents i JOIN incident_versions v ON v.vid = i.current_version WHERE i.id = ?`,
    );
  }

  /** The next number of a branch's year; must run in the submit's IMMEDIATE transaction so no two submits share one. */
  nextSeq(branchId: string, year: number): number {
    return this.nextSeqStmt.get(branchId, year)!.last;
  }

  header(id: string): Header | undefined {
    const r = this.headerStmt.get(id);
    if (!r) return undefined;
    return {
      id: r.id as string,
      number: r.number as string,
      branchId: r.branch_id as string,
      reporterId: r.reporter_id as string,
      reportedAt: r.reported_at as string,
      status: r.status as FiledStatus,
      currentVid: r.current_version as number,
      version: r.version as number,
      updatedAt: r.updated_at as string,
    };
  }

  // ---- a filed record's parts, as stored (ids, not names: other domains name them) ----

  incident(id: string): IncidentRow | undefined {
    return this.db.prepare<[string], IncidentRow>('SELECT * FROM incidents WHERE id = ?').get(id);
  }

  versions(incidentId: string): VersionRow[] {
    return this.db
      .prepare<[string], VersionRow>('SELECT * FROM incident_versions WHERE incident_id = ? ORDER BY version')
      .all(incidentId);
  }

  /** The rules a version cites, in order: the rule and the wording (guideline version) it was filed under. */
  ruleRefs(vid: number): { ruleId: string; versionId: string }[] {
    return this.db
      .prepare<[number], { ruleId: string; versionId: string }>(
        'SELECT rule_id AS ruleId, rule_version_id AS versionId FROM incident_rules WHERE vid = ? ORDER BY rowid',
      )
      .all(vid);
  }

  persons(vid: number): PersonInvolved[] {
    return this.db
      .prepare<[number], PersonInvolved>(
        `SELECT role, person_id AS personId, name, sex, age_estimate AS ageEstimate, height, build, hair, clothing, marks
         FROM incident_persons WHERE vid = ? ORDER BY ord`,
      )
      .all(vid);
  }

  cameraRefs(vid: number): { cameraId: string; from: string; to: string }[] {
    return this.db
      .prepare<[number], { cameraId: string; from: string; to: string }>(
        'SELECT camera_id AS cameraId, from_time AS "from", to_time AS "to" FROM incident_cameras WHERE vid = ? ORDER BY ord',
      )
      .all(vid);
  }

  attachmentIds(vid: number): string[] {
    return this.db
      .prepare<[number], { id: string }>(
        'SELECT attachment_id AS id FROM incident_attachments WHERE vid = ? ORDER BY ord',
      )
      .all(vid)
      .map((r) => r.id);
  }

  /** Filed reports that have (or had, in an earlier version) this attachment. */
  reportsWithAttachment(attachmentId: string): string[] {
    return this.db
      .prepare<[string], { id: string }>(
        `SELECT DISTINCT v.incident_id AS id FROM incident_attachments a
         JOIN incident_versions v ON v.vid = a.vid WHERE a.attachment_id = ?`,
      )
      .all(attachmentId)
      .map((r) => r.id);
  }

  /** Filed reports (their current version) where any of these persons is a subject, in a time range. */
  asSubject(
    personIds: readonly string[],
    from: string,
    until: string,
  ): { id: string; number: string; occurredFrom: string; ruleIds: string[] }[] {
    if (personIds.length === 0) return [];
    return this.db
      .prepare<string[], { id: string; number: string; occurred_from: string; rules: string | null }>(
        `SELECT DISTINCT i.id, i.number, i.occurred_from,
           (SELECT group_concat(r.rule_id, ' ') FROM incident_rules r WHERE r.vid = i.current_version) AS rules
         FROM incident_persons p JOIN incidents i ON i.current_version = p.vid
         WHERE p.person_id IN (${personIds.map(() => '?').join(',')}) AND p.role = 'subject'
           AND i.occurred_from >= ? AND i.occurred_from <= ?
         ORDER BY i.occurred_from`,
      )
      .all(...personIds, from, until)
      .map((r) => ({
        id: r.id,
        number: r.number,
        occurredFrom: r.occurred_from,
        ruleIds: (r.rules ?? '').split(' ').filter(Boolean),
      }));
  }

  reviews(incidentId: string): ReviewRow[] {
    return this.db
      .prepare<[string], ReviewRow>('SELECT * FROM incident_reviews WHERE incident_id = ? ORDER BY at, id')
      .all(incidentId);
  }

  /** Writes one version and its children; returns its vid. Not yet current: insertIncident/advance make it so. */
  insertVersion(v: NewVersion): number {
    const c = v.content;
    const vid = Number(
      this.db
        .prepare(
          `INSERT INTO incident_versions (incident_id, version, created_at, created_by, reason, changes, zone_id,
             occurred_from, occurred_to, severity, summary, narrative, actions, response, persons_text)
           VALUES (@incidentId, @version, @createdAt, @createdBy, @reason, @changes, @zoneId, @occurredFrom,
             @occurredTo, @severity, @summary, @narrative, @actions, @response, @personsText)`,
        )
        .run({
          incidentId: v.incidentId,
          version: v.version,
          createdAt: v.createdAt,
          createdBy: v.createdBy,
          reason: v.reason,
          changes: v.changes && JSON.stringify(v.changes),
          zoneId: c.zoneId,
          occurredFrom: c.occurredFrom,
          occurredTo: c.occurredTo,
          severity: c.severity,
          summary: c.summary,
          narrative: c.narrative,
          actions: c.actions,
          response: JSON.stringify({
            police: c.police,
            emergency: c.emergency,
            injuries: c.injuries,
            propertyDamage: c.propertyDamage,
            staffAssistance: c.staffAssistance,
          }),
          personsText: personsText(c.persons),
        }).lastInsertRowid,
    );
    const rule = this.db.prepare('INSERT INTO incident_rules (vid, rule_id, rule_version_id) VALUES (?, ?, ?)');
    for (const ruleId of c.ruleIds) rule.run(vid, ruleId, v.ruleVersions.get(ruleId)!);
    const person = this.db.prepare(
      `INSERT INTO incident_persons (vid, ord, role, person_id, name, sex, age_estimate, height, build, hair, clothing, marks)
       VALUES (@vid, @ord, @role, @personId, @name, @sex, @ageEstimate, @height, @build, @hair, @clothing, @marks)`,
    );
    c.persons.forEach((p, ord) => person.run({ vid, ord, ...p }));
    const camera = this.db.prepare(
      'INSERT INTO incident_cameras (vid, ord, camera_id, from_time, to_time) VALUES (?, ?, ?, ?, ?)',
    );
    c.cameras.forEach((r, ord) => camera.run(vid, ord, r.cameraId, r.from, r.to));
    const attachment = this.db.prepare('INSERT INTO incident_attachments (vid, ord, attachment_id) VALUES (?, ?, ?)');
    c.attachmentIds.forEach((id, ord) => attachment.run(vid, ord, id));
    return vid;
  }

  insertIncident(h: {
    id: string;
    number: string;
    branchId: string;
    year: number;
    seq: number;
    reporterId: string;
    reportedAt: string;
    vid: number;
    content: IncidentContent;
  }): void {
    this.db
      .prepare(
        `INSERT INTO incidents (id, number, branch_id, year, seq, reporter_id, reported_at, status, current_version,
           zone_id, occurred_from, severity, updated_at)
         VALUES (@id, @number, @branchId, @year, @seq, @reporterId, @reportedAt, 'submitted', @vid,
           @zoneId, @occurredFrom, @severity, @reportedAt)`,
      )
      .run({
        id: h.id,
        number: h.number,
        branchId: h.branchId,
        year: h.year,
        seq: h.seq,
        reporterId: h.reporterId,
        reportedAt: h.reportedAt,
        vid: h.vid,
        zoneId: h.content.zoneId,
        occurredFrom: h.content.occurredFrom,
        severity: h.content.severity,
      });
  }

  /** Makes a new version current (the trigger checks it is the next one and the mirrors match). */
  advance(id: string, vid: number, c: IncidentContent, status: FiledStatus, at: string): void {
    this.db
      .prepare(
        `UPDATE incidents SET current_version = ?, zone_id = ?, occurred_from = ?, severity = ?, status = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(vid, c.zoneId, c.occurredFrom, c.severity, status, at, id);
  }

  setStatus(id: string, status: FiledStatus, at: string): void {
    this.db.prepare('UPDATE incidents SET status = ?, updated_at = ? WHERE id = ?').run(status, at, id);
  }

  insertReview(r: {
    id: string;
    incidentId: string;
    version: number;
    decision: ReviewDecision;
    comment: string;
    at: string;
    by: string;
  }) {
    this.db
      .prepare(
        `INSERT INTO incident_reviews (id, incident_id, version, decision, comment, at, by)
         VALUES (@id, @incidentId, @version, @decision, @comment, @at, @by)`,
      )
      .run(r);
  }
}
