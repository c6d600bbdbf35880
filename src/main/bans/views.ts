import type { BanDetail, BanParticulars, BanStatus, BanSummary, PolicyBody } from '../../shared/contract/bans';
import type { Role } from '../../shared/roles';
import { addDays, localDate, atWallClock } from '../zoned';
import type { BanRow, BansRepo, NoticeRow } from './bans.repo';
import type { BanPorts } from './ports';
import { banStatus, statusWords, type BanFacts } from './status';

export const mayReadParticulars = (role: Role | null) => role === 'supervisor' || role === 'admin';

/**
 * Bans as the desk reads them: status derived from the record, its appeals and
 * meetings, and the clock; words in the issuing branch's calendar; the reasons and
 * history only for supervisors and administrators.
 */
export class BanViews {
  /** Policy versions never change once written: parsed once. */
  private readonly policies = new Map<number, PolicyBody>();

  constructor(
    private readonly repo: BansRepo,
    private readonly ports: BanPorts,
  ) {}

  policyOf(version: number): PolicyBody {
    let body = this.policies.get(version);
    if (!body) {
      body = this.repo.policy(version)!.body;
      this.policies.set(version, body);
    }
    return body;
  }

  facts(b: BanRow): BanFacts {
    const appeals = this.repo.appeals(b.id);
    return {
      step: b.step,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      approvalNeeded: b.approvalNeeded,
      approvedAt: b.approvedAt,
      meetingRequired: b.meetingRequired,
      liftedAt: b.liftedAt,
      appealOpen: appeals.some((a) => a.decidedAt === null && (!a.late || a.acceptedLateBy !== null)),
      meetingHeld: this.repo.meetings(b.id).some((m) => m.heldAt !== null),
    };
  }

  status(b: BanRow, now: Date): BanStatus {
    return banStatus(this.facts(b), now);
  }

  timeZoneOf(b: BanRow): string {
    return this.ports.branches.find(b.branchId)?.timeZone ?? 'UTC';
  }

  where(b: BanRow): string {
    if (b.allBranches) return 'all branches';
    const names = b.branchIds.map((id) => this.ports.branches.find(id)?.name ?? 'a branch');
    return names.length <= 1 ? (names[0] ?? 'a branch') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  }

  summaries(bans: readonly BanRow[], now: Date): BanSummary[] {
    const names = this.ports.people.names(bans.map((b) => b.personId));
    return bans.map((b) => {
      const facts = this.facts(b);
      const status = banStatus(facts, now);
      return {
        id: b.id,
        number: b.number,
        personId: b.personId,
        personName: names.get(b.personId) ?? '(unknown)',
        branchId: b.branchId,
        issuedAt: b.issuedAt,
        status,
        statusWords: statusWords(status, facts, {
          where: this.where(b),
          privileges: b.privileges,
          timeZone: this.timeZoneOf(b),
          now,
        }),
        step: b.step,
        allBranches: b.allBranches,
        branchIds: b.branchIds,
        privileges: b.privileges,
        startsAt: b.startsAt,
        endsAt: b.endsAt,
        meetingRequired: b.meetingRequired,
      };
    });
  }

  detail(b: BanRow, role: Role | null, now: Date): BanDetail {
    const [summary] = this.summaries([b], now) as [BanSummary];
    return {
      ...summary,
      person: { id: b.personId, name: summary.personName, minor: this.ports.people.minor(b.personId) },
      particulars: mayReadParticulars(role) ? this.particulars(b) : null,
    };
  }

  /** When the appeal must arrive: from the person's notice's delivery (a posted one counts after posting days). */
  appealDeadline(b: BanRow): string | null {
    const notice = this.repo.notices(b.id).find((n) => n.recipient === 'person' && n.deliveredAt !== null);
    if (!notice) return null;
    const policy = this.policyOf(b.policyVersion);
    const tz = this.timeZoneOf(b);
    const delivered = effectiveDelivery(notice, policy.postingDays, tz);
    // The deadline is the end of the last day to appeal, at the branch.
    return atWallClock(addDays(localDate(delivered, tz), policy.appealDays + 1), '00:00', tz).toISOString();
  }

  private particulars(b: BanRow): BanParticulars {
    const policy = this.policyOf(b.policyVersion);
    const tier = policy.tiers.find((t) => t.code === b.tier);
    const notices = this.repo.notices(b.id);
    const appeals = this.repo.appeals(b.id);
    const meetings = this.repo.meetings(b.id);
    const staff = this.ports.staff.names([
      b.issuedBy,
      ...(b.approvedBy ? [b.approvedBy] : []),
      ...(b.liftedBy ? [b.liftedBy] : []),
      ...notices.flatMap((n) => (n.deliveredBy ? [n.deliveredBy] : [])),
      ...appeals.flatMap((a) => [
        a.recordedBy,
        ...(a.acceptedLateBy ? [a.acceptedLateBy] : []),
        ...(a.decidedBy ? [a.decidedBy] : []),
      ]),
      ...meetings.flatMap((m) => [m.scheduledBy, ...(m.heldBy ? [m.heldBy] : [])]),
    ]);
    const name = (id: string | null) => (id ? (staff.get(id) ?? '(unknown)') : null);
    const rules = new Map(this.ports.guidelines.list().map((r) => [r.id, r]));
    return {
      tier: { code: b.tier, name: tier?.name ?? b.tier },
      policyVersion: b.policyVersion,
      proposed: b.proposedStep,
      why: b.why,
      overrideReason: b.overrideReason,
      rules: b.ruleIds.map((id) => ({
        code: rules.get(id)?.code ?? '?',
        title: rules.get(id)?.title ?? '(removed rule)',
      })),
      incidents: b.incidentIds.map((id) => {
        const i = this.ports.incidents.basis(id);
        return { id, number: i.number, occurredFrom: i.occurredFrom };
      }),
      issuedAt: b.issuedAt,
      issuedById: b.issuedBy,
      issuedByName: name(b.issuedBy)!,
      approval: { needed: b.approvalNeeded, at: b.approvedAt, byName: name(b.approvedBy) },
      lift: b.liftedAt
        ? { at: b.liftedAt, byName: name(b.liftedBy) ?? '(unknown)', reason: b.liftReason, rescinded: b.rescinded }
        : null,
      notices: notices.map((n) => ({
        id: n.id,
        recipient: n.recipient,
        createdAt: n.createdAt,
        deliveredAt: n.deliveredAt,
        method: n.method,
        signed: n.signed,
        deliveredByName: name(n.deliveredBy),
        postedOn: n.postedOn,
        note: n.note,
        sha256: n.sha256,
      })),
      appealDeadline: this.appealDeadline(b),
      appeals: appeals.map((a) => ({
        id: a.id,
        receivedAt: a.receivedAt,
        recordedByName: name(a.recordedBy)!,
        late: a.late,
        lateReason: a.lateReason,
        acceptedLateByName: name(a.acceptedLateBy),
        hearing: a.hearingAt ? { at: a.hearingAt, place: a.hearingPlace, attendees: a.hearingAttendees } : null,
        decision:
          a.decision && a.decidedAt
            ? {
                decision: a.decision,
                at: a.decidedAt,
                byName: name(a.decidedBy) ?? '(unknown)',
                newEndsAt: a.newEndsAt,
                note: a.decisionNote,
              }
            : null,
      })),
      meetings: meetings.map((m) => ({
        id: m.id,
        scheduledAt: m.scheduledAt,
        place: m.place,
        withWhom: m.withWhom,
        scheduledByName: name(m.scheduledBy)!,
        heldAt: m.heldAt,
        heldByName: name(m.heldBy),
        attendees: m.attendees,
        conditions: m.conditions,
      })),
      journal: this.ports.journal.forRecord(b.id).map((e) => ({ kind: e.kind, at: e.at, hash: e.hash })),
    };
  }
}

/** A posted notice counts as delivered once it has been up for the policy's posting days. */
export function effectiveDelivery(n: NoticeRow, postingDays: number, timeZone: string): Date {
  if (n.method === 'posted' && n.postedOn) return atWallClock(addDays(n.postedOn, postingDays), '00:00', timeZone);
  return new Date(n.deliveredAt!);
}
