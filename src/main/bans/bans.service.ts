import defaultPolicyJson from '../../../resources/policy/sanction-policy.json';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { AppError, conflict, invalid, notFound } from '../errors';
import type { DomainEvents } from '../events';
import { uuidv7 } from '../ids';
import {
  PolicyBody,
  type BanDetail,
  type BanSummary,
  type PolicyBody as Policy,
  type Privilege,
  type Proposal,
  type SanctionPolicy,
  type Step,
} from '../../shared/contract/bans';
import type { JournalKind } from '../../shared/contract/journal';
import { dayWords, midnightAfter } from '../zoned';
import type { BanRow, BansRepo } from './bans.repo';
import { proposeStep, sameStep, stepDays, stepLabel, type Violation } from './ladder';
import type { BanPorts } from './ports';
import { inForce } from './status';
import type { BanViews } from './views';

/** The library's default policy (resources/policy/sanction-policy.json). */
export const defaultPolicy: Policy = PolicyBody.parse(defaultPolicyJson);

export interface IssueInput {
  personId: string;
  incidentIds: string[];
  step: Step;
  overrideReason: string;
  allBranches: boolean;
  branchIds: string[];
  privileges: Privilege[];
  startsAt?: string | undefined;
  meetingRequired?: boolean | undefined;
}

/**
 * Bans from the library's own policy: the ladder proposes, the desk issues (with a
 * reason to go lighter or harsher), a supervisor approves long ones, and a supervisor
 * may lift one early. Status is derived, never stored; every change is journaled.
 */
export class BansService {
  constructor(
    private readonly db: Db,
    private readonly repo: BansRepo,
    private readonly views: BanViews,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly ports: BanPorts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Loads the default policy into an empty desk (not journaled: every desk loads the same file). */
  seedPolicy(): void {
    if (!this.repo.policy()) this.repo.insertPolicy(1, defaultPolicy, this.clock.now().toISOString(), null);
  }

  // ---- policy ----

  policy(): SanctionPolicy {
    const p = this.repo.policy()!;
    return {
      version: p.version,
      body: p.body,
      createdAt: p.createdAt,
      createdByName: p.createdBy ? (this.ports.staff.names([p.createdBy]).get(p.createdBy) ?? null) : null,
    };
  }

  updatePolicy(body: Policy, actor: string): SanctionPolicy {
    const known = new Set(this.ports.guidelines.list().map((r) => r.code));
    const unknown = body.tiers.flatMap((t) => t.ruleCodes.filter((c) => !known.has(c)));
    if (unknown.length > 0) {
      throw invalid(`No behavior rule has the code ${unknown.join(', ')}.`, { tiers: 'Unknown rule codes' });
    }
    this.db
      .transaction(() => {
        const version = this.repo.policy()!.version + 1;
        this.repo.insertPolicy(version, body, this.clock.now().toISOString(), actor);
        this.journal.append({ kind: 'policy.updated', recordId: 'sanction-policy', actor, payload: { version, body } });
      })
      .immediate();
    return this.policy();
  }

  // ---- the ladder ----

  /** What the policy proposes for a person on an incident; an audited read of their history. */
  propose(personId: string, incidentId: string, staffId: string): Proposal {
    const person = this.ports.people.current(personId);
    if (!this.ports.people.exists(person)) throw notFound('That person');
    const incident = this.ports.incidents.basis(incidentId);
    const { version, body } = this.repo.policy()!;
    const tz = this.ports.branches.find(incident.branchId)?.timeZone ?? 'UTC';
    const earlier = this.countedViolations(person, incident.id, incident.occurredFrom, body);
    const p = proposeStep(body, incident, earlier, tz);
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'bans.propose',
      recordId: person,
      detail: `Ladder for ${incident.number}: ${p.prior.length} earlier violation${p.prior.length === 1 ? '' : 's'}`,
    });
    return {
      tier: { code: p.tier.code, name: p.tier.name },
      policyVersion: version,
      prior: p.prior.map((v) => ({ ...v })),
      windowStart: p.windowStart.toISOString(),
      step: p.step,
      stepIndex: p.stepIndex,
      why: p.why,
      allBranches: p.tier.systemWide,
      systemWide: p.tier.systemWide,
      branchId: incident.branchId,
      approvalNeeded: this.needsApproval(p.step, body),
      meetingRequired: stepDays(p.step) > body.meetingAboveDays,
      ladder: p.tier.steps,
    };
  }

  issue(input: IssueInput, actor: string): BanDetail {
    const personId = this.ports.people.current(input.personId);
    if (!this.ports.people.exists(personId)) {
      throw invalid('Choose the person the ban is for.', { personId: 'Choose a person' });
    }
    const incidents = input.incidentIds.map((id) => this.ports.incidents.basis(id));
    const identities = this.ports.people.identities(personId);
    const notSubject = incidents.filter((i) => !i.subjectIds.some((s) => identities.includes(s)));
    if (notSubject.length > 0) {
      throw invalid(`${notSubject.map((i) => i.number).join(', ')} does not name this person as a subject.`, {
        incidentIds: 'The person is not a subject of this report',
      });
    }
    const main = incidents[0]!;
    const ruleIds = [...new Set(incidents.flatMap((i) => i.ruleIds))];
    if (ruleIds.length === 0) throw invalid('A ban cites at least one rule: the report cites none.');
    const { version, body } = this.repo.policy()!;
    const branch = this.ports.branches.find(main.branchId)!;
    const proposal = proposeStep(
      body,
      { occurredFrom: main.occurredFrom, ruleCodes: incidents.flatMap((i) => i.ruleCodes) },
      this.countedViolations(personId, main.id, main.occurredFrom, body, input.incidentIds),
      branch.timeZone,
    );
    const overridden = !sameStep(input.step, proposal.step);
    if (overridden && !input.overrideReason.trim()) {
      throw invalid(`The policy proposes ${stepLabel(proposal.step).toLowerCase()}: say why this ban is different.`, {
        overrideReason: 'A reason is needed to differ from the policy',
      });
    }
    const allBranches = input.allBranches || proposal.tier.systemWide;
    const branchIds = allBranches ? [] : [...new Set(input.branchIds.length ? input.branchIds : [main.branchId])];
    for (const id of branchIds) if (!this.ports.branches.find(id)) throw invalid('That branch does not exist.');

    const now = this.clock.now();
    // Leave for the day starts now, whatever was asked; others may start later, never in the past.
    const start = input.step.kind === 'day' || !input.startsAt ? now : new Date(input.startsAt);
    if (start.getTime() < now.getTime() - 60_000) {
      throw invalid('A ban cannot start in the past.', { startsAt: 'Choose now or later' });
    }
    const endsAt = endOf(input.step, start, branch.timeZone);
    if (endsAt && endsAt.getTime() <= start.getTime()) {
      throw invalid('The ban ends before it starts.', { startsAt: 'Before its end' });
    }
    const banRow: BanRow = {
      id: uuidv7(),
      number: '',
      personId,
      tier: proposal.tier.code,
      policyVersion: version,
      step: input.step,
      proposedStep: proposal.step,
      why: proposal.why,
      overrideReason: overridden ? input.overrideReason.trim() : '',
      allBranches,
      branchIds,
      privileges: input.step.kind === 'warning' ? [] : [...new Set(input.privileges)],
      startsAt: start.toISOString(),
      endsAt: endsAt?.toISOString() ?? null,
      issuedAt: now.toISOString(),
      issuedBy: actor,
      branchId: main.branchId,
      approvalNeeded: this.needsApproval(input.step, body),
      approvedAt: null,
      approvedBy: null,
      meetingRequired: input.meetingRequired ?? stepDays(input.step) > body.meetingAboveDays,
      liftedAt: null,
      liftedBy: null,
      liftReason: '',
      rescinded: false,
      updatedAt: now.toISOString(),
      incidentIds: incidents.map((i) => i.id),
      ruleIds,
    };
    this.db
      .transaction(() => {
        this.refuseOverlap(banRow, identities, now);
        const year = now.getUTCFullYear();
        banRow.number = `BAN-${year}-${String(this.repo.nextNumber(year)).padStart(4, '0')}`;
        this.repo.insert(banRow);
        this.append('ban.issued', banRow.id, actor);
      })
      .immediate();
    this.changed(banRow);
    return this.views.detail(this.ban(banRow.id), this.ports.roleOf(actor), now);
  }

  approve(id: string, actor: string): BanDetail {
    this.db
      .transaction(() => {
        const b = this.ban(id);
        const status = this.views.status(b, this.clock.now());
        if (status !== 'pendingApproval') throw conflict(`${b.number} is not waiting for approval.`);
        if (b.issuedBy === actor) {
          throw new AppError('FORBIDDEN', 'You issued this ban: another supervisor approves it.');
        }
        this.repo.approve(id, this.clock.now().toISOString(), actor);
        this.append('ban.approved', id, actor);
      })
      .immediate();
    return this.after(id, actor);
  }

  lift(id: string, reason: string, rescind: boolean, actor: string): BanDetail {
    this.db
      .transaction(() => {
        const b = this.ban(id);
        const status = this.views.status(b, this.clock.now());
        if (status === 'lifted' || status === 'ended') throw conflict(`${b.number} is already ${status}.`);
        this.repo.lift(id, this.clock.now().toISOString(), actor, reason, rescind);
        this.append('ban.lifted', id, actor);
      })
      .immediate();
    return this.after(id, actor);
  }

  // ---- reading (audited) ----

  get(id: string, staffId: string): BanDetail {
    const b = this.ban(id);
    this.audit.record({ staffId, action: 'read', subject: 'ban', recordId: id, detail: `Opened ${b.number}` });
    const detail = this.views.detail(b, this.ports.roleOf(staffId), this.clock.now());
    // The ban names its person: "who has seen this person" lists this read too.
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'person',
      recordId: detail.person.id,
      detail: `Seen on ban ${b.number} (ban ${id})`,
    });
    return detail;
  }

  forPerson(personId: string, staffId: string): BanDetail[] {
    const ids = this.ports.people.identities(this.ports.people.current(personId));
    const bans = this.repo.ofPersons(ids);
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'bans.forPerson',
      recordId: personId,
      detail: `${bans.length} bans`,
    });
    const role = this.ports.roleOf(staffId);
    return bans.map((b) => this.views.detail(b, role, this.clock.now()));
  }

  list(
    q: { which: 'inForce' | 'all'; personId?: string | undefined; branchId?: string | undefined; limit: number },
    staffId: string,
  ): BanSummary[] {
    const now = this.clock.now();
    let rows = q.personId
      ? this.repo.ofPersons(this.ports.people.identities(this.ports.people.current(q.personId)))
      : q.which === 'all'
        ? this.repo.recent(q.limit * 2)
        : this.repo.current(now.toISOString(), 2000);
    if (q.branchId) rows = rows.filter((b) => b.allBranches || b.branchIds.includes(q.branchId!));
    const summaries = this.views.summaries(rows, now);
    const shown = (
      q.which === 'inForce'
        ? summaries.filter((s) => inForce(s.status) || s.status === 'scheduled' || s.status === 'pendingApproval')
        : summaries
    ).slice(0, q.limit);
    this.audit.record({ staffId, action: 'read', subject: 'bans.list', detail: `${shown.length} bans (${q.which})` });
    return shown;
  }

  // ---- helpers ----

  ban(id: string): BanRow {
    const b = this.repo.get(id);
    if (!b) throw notFound('That ban');
    return b;
  }

  append(kind: JournalKind, id: string, actor: string): void {
    const b = this.ban(id);
    this.journal.append({
      kind,
      recordId: id,
      actor,
      payload: {
        ...b,
        notices: this.repo.notices(id),
        appeals: this.repo.appeals(id),
        meetings: this.repo.meetings(id),
      },
    });
  }

  after(id: string, actor: string): BanDetail {
    const b = this.ban(id);
    this.changed(b);
    return this.views.detail(b, this.ports.roleOf(actor), this.clock.now());
  }

  private changed(b: BanRow): void {
    this.events.emit('ban.changed', { banId: b.id, personId: b.personId });
  }

  private needsApproval(step: Step, body: Policy): boolean {
    return step.kind !== 'warning' && step.kind !== 'day' && stepDays(step) > body.approvalAboveDays;
  }

  /**
   * Earlier violations that count: reports where the person was a subject before this
   * one, within the longest window, except those resting on a rescinded ban (lifted on
   * appeal or as issued in error) and the reports this ban itself rests on.
   */
  private countedViolations(
    personId: string,
    incidentId: string,
    occurredFrom: string,
    body: Policy,
    alsoThis: readonly string[] = [],
  ): Violation[] {
    const longest = Math.max(...body.tiers.map((t) => t.lookbackDays));
    const from = new Date(Date.parse(occurredFrom) - longest * 86_400_000).toISOString();
    const ids = this.ports.people.identities(personId);
    const found = this.ports.incidents
      .asSubject(ids, from, occurredFrom)
      .filter((v) => v.incidentId !== incidentId && !alsoThis.includes(v.incidentId));
    const rescinded = new Set(
      this.repo
        .onIncidents(found.map((v) => v.incidentId))
        .filter((b) => b.rescinded)
        .flatMap((b) => b.incidentIds),
    );
    return found.filter((v) => !rescinded.has(v.incidentId));
  }

  /** One person, one scope, one time: a second ban over the same branches and services is refused, with the first named. */
  private refuseOverlap(b: BanRow, identities: readonly string[], now: Date): void {
    if (b.step.kind === 'warning') return;
    const end = (x: BanRow) => (x.endsAt ? Date.parse(x.endsAt) : Infinity);
    for (const other of this.repo.ofPersons(identities)) {
      const status = this.views.status(other, now);
      if (status === 'lifted' || status === 'ended' || status === 'warning') continue;
      const overlapsTime = Date.parse(other.startsAt) < end(b) && Date.parse(b.startsAt) < end(other);
      const overlapsPlace =
        b.allBranches || other.allBranches || b.branchIds.some((id) => other.branchIds.includes(id));
      const overlapsWhat = b.privileges.some((p) => other.privileges.includes(p));
      if (overlapsTime && overlapsPlace && overlapsWhat) {
        const tz = this.views.timeZoneOf(other);
        const until = other.endsAt ? `, until ${dayWords(new Date(other.endsAt), tz, now)}` : ', indefinitely';
        throw conflict(
          `This person already has ${other.number} (${this.views.where(other)}${until}) over the same time and place. ` +
            'Open it to lift it or decide its appeal, or start this ban after it ends.',
          { startsAt: `Overlaps ${other.number}`, overlapsBanId: other.id },
        );
      }
    }
  }
}

/** When a step ends, counted in the branch's calendar: the day ends at midnight, N days at midnight N days on. */
export function endOf(step: Step, start: Date, timeZone: string): Date | null {
  switch (step.kind) {
    case 'warning':
    case 'indefinite':
      return null;
    case 'day':
      return midnightAfter(start, 1, timeZone);
    case 'days':
      return midnightAfter(start, step.days, timeZone);
  }
}
