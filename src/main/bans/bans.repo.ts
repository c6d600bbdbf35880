import type { Db } from '../db/connection';
import type { DeliveryMethod, PolicyBody, Privilege, Step } from '../../shared/contract/bans';

/** A ban as stored. Its status is never stored: bans/status.ts derives it. */
export interface BanRow {
  id: string;
  number: string;
  personId: string;
  tier: string;
  policyVersion: number;
  step: Step;
  proposedStep: Step;
  why: string;
  overrideReason: string;
  allBranches: boolean;
  branchIds: string[];
  privileges: Privilege[];
  startsAt: string;
  endsAt: string | null;
  issuedAt: string;
  issuedBy: string;
  branchId: string;
  approvalNeeded: boolean;
  approvedAt: string | null;
  approvedBy: string | null;
  meetingRequired: boolean;
  liftedAt: string | null;
  liftedBy: string | null;
  liftReason: string;
  rescinded: boolean;
  updatedAt: string;
  incidentIds: string[];
  ruleIds: string[];
}

interface Row {
  id: string;
  number: string;
  person_id: string;
  tier: string;
  policy_version: number;
  step: string;
  proposed_step: string;
  why: string;
  override_reason: string;
  all_branches: 0 | 1;
  privileges: string;
  starts_at: string;
  ends_at: string | null;
  issued_at: string;
  issued_by: string;
  branch_id: string;
  approval_needed: 0 | 1;
  approved_at: string | null;
  approved_by: string | null;
  meeting_required: 0 | 1;
  lifted_at: string | null;
  lifted_by: string | null;
  lift_reason: string;
  rescinded: 0 | 1;
  updated_at: string;
}

export interface NoticeRow {
  id: string;
  banId: string;
  recipient: 'person' | 'guardian';
  createdAt: string;
  sha256: string | null;
  deliveredAt: string | null;
  method: DeliveryMethod | null;
  signed: boolean | null;
  deliveredBy: string | null;
  postedOn: string | null;
  note: string;
}

export interface AppealRow {
  id: string;
  banId: string;
  receivedAt: string;
  recordedBy: string;
  late: boolean;
  lateReason: string;
  acceptedLateBy: string | null;
  hearingAt: string | null;
  hearingPlace: string;
  hearingAttendees: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decision: 'upheld' | 'shortened' | 'lifted' | null;
  newEndsAt: string | null;
  decisionNote: string;
}

export interface MeetingRow {
  id: string;
  banId: string;
  scheduledAt: string;
  place: string;
  withWhom: string;
  scheduledBy: string;
  heldAt: string | null;
  heldBy: string | null;
  attendees: string;
  conditions: string;
}

const json = <T>(text: string) => JSON.parse(text) as T;
const camel = (s: string) => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/** snake_case columns → camelCase fields, 0/1 → boolean where the field is a flag. */
function mapRow<T>(row: Record<string, unknown>, flags: readonly string[]): T {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [camel(k), flags.includes(k) && v !== null ? v === 1 : v]),
  ) as T;
}

/** Bans, their policy versions, notices, appeals, meetings and sightings: this domain's tables. */
export class BansRepo {
  constructor(private readonly db: Db) {}

  // ---- policy ----

  policy(
    version?: number,
  ): { version: number; body: PolicyBody; createdAt: string; createdBy: string | null } | undefined {
    type PolicyRow = { version: number; body: string; created_at: string; created_by: string | null };
    const row =
      version === undefined
        ? this.db.prepare<[], PolicyRow>('SELECT * FROM sanction_policies ORDER BY version DESC LIMIT 1').get()
        : this.db.prepare<[number], PolicyRow>('SELECT * FROM sanction_policies WHERE version = ?').get(version);
    return row && { version: row.version, body: json(row.body), createdAt: row.created_at, createdBy: row.created_by };
  }

  insertPolicy(version: number, body: PolicyBody, at: string, by: string | null): void {
    this.db
      .prepare('INSERT INTO sanction_policies (version, body, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(version, JSON.stringify(body), at, by);
  }

  // ---- bans ----

  nextNumber(year: number): number {
    return this.db
      .prepare<[number], { last: number }>(
        `INSERT INTO ban_counters (year, last) VALUES (?, 1)
         ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`,
      )
      .get(year)!.last;
  }

  insert(b: BanRow): void {
    this.db
      .prepare(
        `INSERT INTO bans (id, number, person_id, tier, policy_version, step, proposed_step, why, override_reason,
           all_branches, privileges, starts_at, ends_at, issued_at, issued_by, branch_id, approval_needed,
           meeting_required, updated_at)
         VALUES (@id, @number, @personId, @tier, @policyVersion, @step, @proposedStep, @why, @overrideReason,
           @allBranches, @privileges, @startsAt, @endsAt, @issuedAt, @issuedBy, @branchId, @approvalNeeded,
           @meetingRequired, @updatedAt)`,
      )
      .run({
        id: b.id,
        number: b.number,
        personId: b.personId,
        tier: b.tier,
        policyVersion: b.policyVersion,
        step: JSON.stringify(b.step),
        proposedStep: JSON.stringify(b.proposedStep),
        why: b.why,
        overrideReason: b.overrideReason,
        allBranches: b.allBranches ? 1 : 0,
        privileges: JSON.stringify(b.privileges),
        startsAt: b.startsAt,
        endsAt: b.endsAt,
        issuedAt: b.issuedAt,
        issuedBy: b.issuedBy,
        branchId: b.branchId,
        approvalNeeded: b.approvalNeeded ? 1 : 0,
        meetingRequired: b.meetingRequired ? 1 : 0,
        updatedAt: b.updatedAt,
      });
    const branch = this.db.prepare('INSERT INTO ban_branches (ban_id, branch_id) VALUES (?, ?)');
    for (const id of b.branchIds) branch.run(b.id, id);
    const incident = this.db.prepare('INSERT INTO ban_incidents (ban_id, incident_id) VALUES (?, ?)');
    for (const id of b.incidentIds) incident.run(b.id, id);
    const rule = this.db.prepare('INSERT INTO ban_rules (ban_id, rule_id) VALUES (?, ?)');
    for (const id of b.ruleIds) rule.run(b.id, id);
  }

  get(id: string): BanRow | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM bans WHERE id = ?').get(id);
    return row && this.toBan(row);
  }

  /** A person's bans (any of their merged records), newest first. */
  ofPersons(personIds: readonly string[]): BanRow[] {
    if (personIds.length === 0) return [];
    return this.db
      .prepare<string[], Row>(
        `SELECT * FROM bans WHERE person_id IN (${personIds.map(() => '?').join(',')}) ORDER BY starts_at DESC, id DESC`,
      )
      .all(...personIds)
      .map((r) => this.toBan(r));
  }

  /** Bans that may still matter at `now`: not lifted, and not ended long before (a meeting may still be due). */
  current(now: string, limit: number): BanRow[] {
    return this.db
      .prepare<[string, number], Row>(
        `SELECT * FROM bans WHERE lifted_at IS NULL AND step NOT LIKE '{"kind":"warning"%'
           AND (ends_at IS NULL OR ends_at > ? OR meeting_required = 1)
         ORDER BY starts_at DESC, id DESC LIMIT ?`,
      )
      .all(now, limit)
      .map((r) => this.toBan(r));
  }

  // ---- what needs doing: each a narrow, indexed question, never a walk over every ban ----

  pendingApproval(limit: number): BanRow[] {
    return this.db
      .prepare<[number], Row>(
        `SELECT * FROM bans WHERE approval_needed = 1 AND approved_at IS NULL AND lifted_at IS NULL
         ORDER BY issued_at DESC LIMIT ?`,
      )
      .all(limit)
      .map((r) => this.toBan(r));
  }

  /** Bans issued since `since`, not lifted, whose person's notice has not been delivered. */
  undelivered(since: string, limit: number): BanRow[] {
    return this.db
      .prepare<[string, number], Row>(
        `SELECT b.* FROM bans b WHERE b.issued_at >= ? AND b.lifted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM ban_notices n WHERE n.ban_id = b.id AND n.recipient = 'person'
                           AND n.delivered_at IS NOT NULL)
         ORDER BY b.issued_at DESC LIMIT ?`,
      )
      .all(since, limit)
      .map((r) => this.toBan(r));
  }

  /** Bans whose person's notice was delivered (or posted) since `since`: their appeal clocks may still run. */
  deliveredSince(since: string, limit: number): BanRow[] {
    return this.db
      .prepare<[string, number], Row>(
        `SELECT b.* FROM bans b WHERE b.lifted_at IS NULL AND b.id IN (
           SELECT ban_id FROM ban_notices WHERE recipient = 'person' AND delivered_at >= ?)
         ORDER BY b.issued_at DESC LIMIT ?`,
      )
      .all(since, limit)
      .map((r) => this.toBan(r));
  }

  /** Bans ending between two moments, not lifted. */
  endingBetween(from: string, to: string, limit: number): BanRow[] {
    return this.db
      .prepare<[string, string, number], Row>(
        'SELECT * FROM bans WHERE ends_at > ? AND ends_at <= ? AND lifted_at IS NULL ORDER BY ends_at LIMIT ?',
      )
      .all(from, to, limit)
      .map((r) => this.toBan(r));
  }

  recent(limit: number): BanRow[] {
    return this.db
      .prepare<[number], Row>('SELECT * FROM bans ORDER BY issued_at DESC, id DESC LIMIT ?')
      .all(limit)
      .map((r) => this.toBan(r));
  }

  /** Bans resting on these incidents (to leave rescinded ones out of the ladder's count). */
  onIncidents(incidentIds: readonly string[]): BanRow[] {
    if (incidentIds.length === 0) return [];
    return this.db
      .prepare<string[], Row>(
        `SELECT b.* FROM bans b WHERE b.id IN (SELECT ban_id FROM ban_incidents WHERE incident_id IN (${incidentIds
          .map(() => '?')
          .join(',')}))`,
      )
      .all(...incidentIds)
      .map((r) => this.toBan(r));
  }

  approve(id: string, at: string, by: string): void {
    this.db
      .prepare('UPDATE bans SET approved_at = ?, approved_by = ?, updated_at = ? WHERE id = ?')
      .run(at, by, at, id);
  }

  lift(id: string, at: string, by: string, reason: string, rescinded: boolean): void {
    this.db
      .prepare(
        'UPDATE bans SET lifted_at = ?, lifted_by = ?, lift_reason = ?, rescinded = ?, updated_at = ? WHERE id = ?',
      )
      .run(at, by, reason, rescinded ? 1 : 0, at, id);
  }

  setEnd(id: string, endsAt: string | null, at: string): void {
    this.db.prepare('UPDATE bans SET ends_at = ?, updated_at = ? WHERE id = ?').run(endsAt, at, id);
  }

  // ---- notices ----

  notices(banId: string): NoticeRow[] {
    return this.db
      .prepare<[string], Record<string, unknown>>('SELECT * FROM ban_notices WHERE ban_id = ? ORDER BY created_at')
      .all(banId)
      .map((r) => mapRow<NoticeRow>(r, ['signed']));
  }

  /** The notice to this recipient, made the first time its letter is printed. */
  ensureNotice(id: string, banId: string, recipient: 'person' | 'guardian', at: string): NoticeRow {
    this.db
      .prepare('INSERT OR IGNORE INTO ban_notices (id, ban_id, recipient, created_at) VALUES (?, ?, ?, ?)')
      .run(id, banId, recipient, at);
    return this.notices(banId).find((n) => n.recipient === recipient)!;
  }

  setNoticeHash(noticeId: string, sha256: string): void {
    this.db.prepare('UPDATE ban_notices SET sha256 = ? WHERE id = ?').run(sha256, noticeId);
  }

  recordDelivery(n: Omit<NoticeRow, 'banId' | 'recipient' | 'createdAt' | 'sha256'>): void {
    this.db
      .prepare(
        `UPDATE ban_notices SET delivered_at = @deliveredAt, method = @method, signed = @signed,
           delivered_by = @deliveredBy, posted_on = @postedOn, note = @note WHERE id = @id`,
      )
      .run({ ...n, signed: n.signed === null ? null : n.signed ? 1 : 0 });
  }

  // ---- appeals ----

  appeals(banId: string): AppealRow[] {
    return this.db
      .prepare<[string], Record<string, unknown>>('SELECT * FROM ban_appeals WHERE ban_id = ? ORDER BY received_at')
      .all(banId)
      .map((r) => mapRow<AppealRow>(r, ['late']));
  }

  appeal(id: string): AppealRow | undefined {
    const row = this.db.prepare<[string], Record<string, unknown>>('SELECT * FROM ban_appeals WHERE id = ?').get(id);
    return row && mapRow<AppealRow>(row, ['late']);
  }

  insertAppeal(a: AppealRow): void {
    this.db
      .prepare(
        `INSERT INTO ban_appeals (id, ban_id, received_at, recorded_by, late, late_reason, accepted_late_by)
         VALUES (@id, @banId, @receivedAt, @recordedBy, @late, @lateReason, @acceptedLateBy)`,
      )
      .run({ ...a, late: a.late ? 1 : 0 });
  }

  scheduleHearing(id: string, at: string, place: string, attendees: string): void {
    this.db
      .prepare('UPDATE ban_appeals SET hearing_at = ?, hearing_place = ?, hearing_attendees = ? WHERE id = ?')
      .run(at, place, attendees, id);
  }

  decideAppeal(a: Pick<AppealRow, 'id' | 'decidedAt' | 'decidedBy' | 'decision' | 'newEndsAt' | 'decisionNote'>): void {
    this.db
      .prepare(
        `UPDATE ban_appeals SET decided_at = @decidedAt, decided_by = @decidedBy, decision = @decision,
           new_ends_at = @newEndsAt, decision_note = @decisionNote WHERE id = @id`,
      )
      .run(a);
  }

  // ---- meetings ----

  meetings(banId: string): MeetingRow[] {
    return this.db
      .prepare<[string], Record<string, unknown>>('SELECT * FROM ban_meetings WHERE ban_id = ? ORDER BY scheduled_at')
      .all(banId)
      .map((r) => mapRow<MeetingRow>(r, []));
  }

  insertMeeting(m: MeetingRow): void {
    this.db
      .prepare(
        `INSERT INTO ban_meetings (id, ban_id, scheduled_at, place, with_whom, scheduled_by)
         VALUES (@id, @banId, @scheduledAt, @place, @withWhom, @scheduledBy)`,
      )
      .run(m);
  }

  rescheduleMeeting(id: string, at: string, place: string, withWhom: string): void {
    this.db
      .prepare('UPDATE ban_meetings SET scheduled_at = ?, place = ?, with_whom = ? WHERE id = ? AND held_at IS NULL')
      .run(at, place, withWhom, id);
  }

  meetingHeld(id: string, at: string, by: string, attendees: string, conditions: string): void {
    this.db
      .prepare('UPDATE ban_meetings SET held_at = ?, held_by = ?, attendees = ?, conditions = ? WHERE id = ?')
      .run(at, by, attendees, conditions, id);
  }

  /** Meetings not held yet between two moments, with their ban. */
  meetingsBetween(from: string, to: string): MeetingRow[] {
    return this.db
      .prepare<[string, string], Record<string, unknown>>(
        'SELECT * FROM ban_meetings WHERE held_at IS NULL AND scheduled_at >= ? AND scheduled_at < ? ORDER BY scheduled_at',
      )
      .all(from, to)
      .map((r) => mapRow<MeetingRow>(r, []));
  }

  // ---- sightings ----

  insertSighting(s: {
    id: string;
    personId: string;
    branchId: string;
    seenAt: string;
    seenBy: string;
    banId: string | null;
  }) {
    this.db
      .prepare(
        `INSERT INTO person_sightings (id, person_id, branch_id, seen_at, seen_by, ban_id)
         VALUES (@id, @personId, @branchId, @seenAt, @seenBy, @banId)`,
      )
      .run(s);
  }

  private toBan(r: Row): BanRow {
    const ids = (sql: string) =>
      this.db
        .prepare<[string], { id: string }>(sql)
        .all(r.id)
        .map((x) => x.id);
    return {
      id: r.id,
      number: r.number,
      personId: r.person_id,
      tier: r.tier,
      policyVersion: r.policy_version,
      step: json(r.step),
      proposedStep: json(r.proposed_step),
      why: r.why,
      overrideReason: r.override_reason,
      allBranches: r.all_branches === 1,
      branchIds: ids('SELECT branch_id AS id FROM ban_branches WHERE ban_id = ?'),
      privileges: json(r.privileges),
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      issuedAt: r.issued_at,
      issuedBy: r.issued_by,
      branchId: r.branch_id,
      approvalNeeded: r.approval_needed === 1,
      approvedAt: r.approved_at,
      approvedBy: r.approved_by,
      meetingRequired: r.meeting_required === 1,
      liftedAt: r.lifted_at,
      liftedBy: r.lifted_by,
      liftReason: r.lift_reason,
      rescinded: r.rescinded === 1,
      updatedAt: r.updated_at,
      incidentIds: ids('SELECT incident_id AS id FROM ban_incidents WHERE ban_id = ?'),
      ruleIds: ids('SELECT rule_id AS id FROM ban_rules WHERE ban_id = ?'),
    };
  }
}
