import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { notFound } from '../errors';
import type { DomainEvents } from '../events';
import { uuidv7 } from '../ids';
import type { DeskAlert } from '../../shared/contract/alerts';
import type { BanSummary, BanTodo, DeskCheckResult } from '../../shared/contract/bans';
import type { DraftContent } from '../../shared/contract/incident-fields';
import { dayWords, timeWords } from '../zoned';
import { stepLabel } from './ladder';
import type { BanRow, BansRepo } from './bans.repo';
import type { BanPorts } from './ports';
import { inForce } from './status';
import { mayReadParticulars, type BanViews } from './views';

const WEEK_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
/** A reinstatement meeting this close warns: the desk will be receiving the patron. */
const MEETING_WARNING_MS = 2 * 3_600_000;
/** Each list of what needs doing shows at most this many: more is a backlog, not a to-do. */
const LIST = 50;

/**
 * The desk's side of bans: "is this person banned?" as the desk types, "person
 * seen at a branch", what needs doing, and the alerts that say so. Every answer that
 * shows a person is an audited read; reasons and history only for supervisors.
 */
export class BanDesk {
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

  check(text: string, limit: number, staffId: string): DeskCheckResult[] {
    const trimmed = text.trim();
    if (!trimmed) return [];
    const matches = this.ports.people.match(trimmed, limit);
    const people = new Map(
      this.ports.people
        .details(
          matches.map((m) => m.personId),
          staffId,
        )
        .map((p) => [p.id, p]),
    );
    const now = this.clock.now();
    const role = this.ports.roleOf(staffId);
    const results = matches.flatMap((m): DeskCheckResult[] => {
      const p = people.get(m.personId);
      if (!p) return [];
      const rows = this.repo.ofPersons([p.id, ...p.mergedFrom]);
      const summaries = this.views.summaries(rows, now);
      const shown = summaries.filter(
        (s) => inForce(s.status) || s.status === 'scheduled' || s.status === 'pendingApproval',
      );
      const inForceNow = shown.filter((s) => inForce(s.status));
      return [
        {
          person: {
            id: p.id,
            name: p.name,
            aliases: p.aliases,
            unknown: p.unknown,
            description: p.unknown ? p.description : '',
            minor: p.minor,
            photo: p.photos.at(-1)?.path ?? null,
          },
          matchedOn: m.matchedOn,
          banned: inForceNow.some((s) => s.privileges.includes('building')),
          statusWords: inForceNow[0]?.statusWords ?? shown[0]?.statusWords ?? 'Not banned',
          bans: shown,
          history: mayReadParticulars(role) ? this.history(rows, [p.id, ...p.mergedFrom], now) : null,
        },
      ];
    });
    // Someone in force first: the desk's question is whether to let them in.
    results.sort(
      (a, b) => Number(b.bans.some((x) => inForce(x.status))) - Number(a.bans.some((x) => inForce(x.status))),
    );
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'desk.check',
      detail: `Checked “${trimmed.slice(0, 120)}”: ${results.map((r) => r.person.name).join(', ') || 'nobody'}`,
    });
    return results;
  }

  /** Records the sighting; one during a ban of that branch proposes a trespass report. */
  personSeen(personId: string, branchId: string, staffId: string) {
    const branch = this.ports.branches.find(branchId);
    if (!branch) throw notFound('That branch');
    const current = this.ports.people.current(personId);
    const [person] = this.ports.people.details([current], staffId);
    if (!person) throw notFound('That person');
    const now = this.clock.now();
    const rows = this.repo.ofPersons([person.id, ...person.mergedFrom]);
    const breaking = this.views
      .summaries(rows, now)
      .find(
        (s) =>
          inForce(s.status) && s.privileges.includes('building') && (s.allBranches || s.branchIds.includes(branchId)),
      );
    this.db
      .transaction(() => {
        const id = uuidv7();
        this.repo.insertSighting({
          id,
          personId: person.id,
          branchId,
          seenAt: now.toISOString(),
          seenBy: staffId,
          banId: breaking?.id ?? null,
        });
        this.journal.append({
          kind: 'person.seen',
          recordId: id,
          actor: staffId,
          payload: { personId: person.id, branchId, seenAt: now.toISOString(), banId: breaking?.id ?? null },
        });
      })
      .immediate();
    this.events.emit('person.changed', { personId: person.id });
    if (!breaking) {
      return {
        violation: null,
        message: `${person.name} seen at ${branch.name}: not banned there. Recorded.`,
        report: null,
      };
    }
    const trespass = this.ports.guidelines.list().find((r) => r.code === 'B-12' && !r.retired);
    const report: DraftContent = {
      branchId,
      zoneId: null,
      occurredFrom: now.toISOString(),
      occurredTo: null,
      ruleIds: trespass ? [trespass.id] : [],
      severity: 3,
      summary: `${person.name} at ${branch.name} during ban ${breaking.number}`,
      narrative: `${person.name} was seen at ${branch.name} while ${breaking.statusWords.toLowerCase()} (${breaking.number}).`,
      actions: '',
      persons: [
        {
          role: 'subject',
          personId: person.id,
          name: person.name,
          sex: person.sex,
          ageEstimate: person.ageEstimate,
          height: person.height,
          build: person.build,
          hair: person.hair,
          clothing: '',
          marks: person.marks,
        },
      ],
      police: null,
      emergency: null,
      injuries: '',
      propertyDamage: '',
      staffAssistance: '',
      cameras: [],
      attachmentIds: [],
    };
    return {
      violation: breaking,
      message: `${person.name} is ${breaking.statusWords.charAt(0).toLowerCase()}${breaking.statusWords.slice(1)} (${breaking.number}): this is trespass.`,
      report,
    };
  }

  /**
   * What needs doing, each list a narrow indexed question (a desk keeps years of bans):
   * approvals waiting, notices of the last 60 days not delivered, appeal deadlines and
   * meetings within a week, bans in force ending within a week.
   */
  todo(): BanTodo {
    const now = this.clock.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const summaries = (rows: BanRow[]) => this.views.summaries(rows, now);
    const weekAhead = now.getTime() + WEEK_MS;
    const policy = this.repo.policy()!.body;
    const undelivered = summaries(this.repo.undelivered(iso(now.getTime() - 60 * DAY_MS), LIST)).filter(
      (s) => s.status !== 'pendingApproval' && s.status !== 'ended' && s.status !== 'lifted',
    );
    // A clock still running was started within the posting and appeal days.
    const clockStart = now.getTime() - (policy.appealDays + policy.postingDays + 2) * DAY_MS;
    const deadlines = this.repo.deliveredSince(iso(clockStart), LIST).flatMap((b) => {
      const deadline = this.views.appealDeadline(b);
      if (!deadline || Date.parse(deadline) < now.getTime() || Date.parse(deadline) > weekAhead) return [];
      if (this.repo.appeals(b.id).length > 0) return [];
      return [{ ...summaries([b])[0]!, appealDeadline: deadline }];
    });
    const meetings = this.repo.meetingsBetween(iso(now.getTime() - DAY_MS), iso(weekAhead)).flatMap((m) => {
      const b = this.repo.get(m.banId);
      return b && !b.liftedAt ? [{ ...summaries([b])[0]!, meetingAt: m.scheduledAt }] : [];
    });
    return {
      pendingApprovals: this.pendingApprovals(now),
      noticesToDeliver: undelivered,
      appealDeadlines: deadlines,
      meetingsThisWeek: meetings,
      endingThisWeek: summaries(this.repo.endingBetween(now.toISOString(), iso(weekAhead), LIST)).filter((s) =>
        inForce(s.status),
      ),
    };
  }

  /** What needs doing, as the Bans tab shows it: names included, so an audited read. */
  todoFor(staffId: string): BanTodo {
    const todo = this.todo();
    const shown = Object.values(todo).reduce((n, list) => n + list.length, 0);
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'bans.todo',
      detail: `${shown} bans needing something done`,
    });
    return todo;
  }

  /**
   * The desk alerts bans raise: notices waiting, appeal deadlines and meetings near, bans
   * ending; approvals waiting are `approvalAlerts` (only supervisors can act on them).
   * Bookkeeping, so notices, under what is happening in the building tonight; a meeting
   * about to start is the one that warns. "Since" is when each came up: a meeting is on
   * the strip from a week before it, not since the ban was issued.
   */
  alerts(now: Date): DeskAlert[] {
    const todo = this.todo();
    const cameUp = (s: BanSummary, at: string, ahead: number) =>
      new Date(Math.max(Date.parse(s.issuedAt), Date.parse(at) - ahead)).toISOString();
    const alert = (
      s: BanSummary,
      kind: string,
      level: DeskAlert['level'],
      title: string,
      detail: string,
      since: string,
    ): DeskAlert => ({
      id: `${kind}:${s.id}`,
      kind,
      level,
      branchId: s.branchId,
      title,
      detail,
      since,
      work: { tab: 'bans', recordId: s.id },
    });
    const tz = (s: BanSummary) => this.ports.branches.find(s.branchId)?.timeZone ?? 'UTC';
    // Titles name the ban, not the person: the strip is on screen for anyone passing the desk.
    return [
      ...todo.noticesToDeliver.map((s) =>
        alert(
          s,
          'ban.notice',
          'notice',
          `Notice of ${s.number} not delivered`,
          'Deliver the notice, then record it',
          s.issuedAt,
        ),
      ),
      ...todo.appealDeadlines.map((s) =>
        alert(
          s,
          'ban.appealDeadline',
          'notice',
          `Appeals for ${s.number} close end of ${dayWords(new Date(Date.parse(s.appealDeadline) - 1), tz(s), now)}`,
          '',
          s.issuedAt,
        ),
      ),
      ...todo.meetingsThisWeek.map((s) =>
        alert(
          s,
          'ban.meeting',
          Date.parse(s.meetingAt) - now.getTime() < MEETING_WARNING_MS ? 'warning' : 'notice',
          `Reinstatement meeting ${dayWords(new Date(s.meetingAt), tz(s), now)} ${timeWords(new Date(s.meetingAt), tz(s))} (${s.number})`,
          '',
          cameUp(s, s.meetingAt, WEEK_MS),
        ),
      ),
      ...todo.endingThisWeek.map((s) =>
        alert(
          s,
          'ban.ending',
          'notice',
          `Ban ${s.number} ends ${dayWords(new Date(s.endsAt!), tz(s), now)}`,
          s.meetingRequired ? 'A reinstatement meeting is required before return' : '',
          cameUp(s, s.endsAt!, WEEK_MS),
        ),
      ),
    ];
  }

  private pendingApprovals(now: Date): BanSummary[] {
    return this.views.summaries(this.repo.pendingApproval(LIST), now).filter((s) => s.status === 'pendingApproval');
  }

  /** Bans waiting for a supervisor's approval, as desk alerts for those who can approve them. */
  approvalAlerts(now: Date): DeskAlert[] {
    return this.pendingApprovals(now).map((s) => ({
      id: `ban.approval:${s.id}`,
      kind: 'ban.approval',
      level: 'notice',
      branchId: s.branchId,
      title: `Ban ${s.number} waiting for approval`,
      detail: stepLabel(s.step),
      since: s.issuedAt,
      work: { tab: 'bans', recordId: s.id },
    }));
  }

  /** Why (the rules of their bans) and what happened before (every report naming them as a subject, newest first). */
  private history(rows: BanRow[], personIds: string[], now: Date): DeskCheckResult['history'] {
    const rules = new Map(this.ports.guidelines.list().map((r) => [r.id, r]));
    const reasons = [
      ...new Set(
        rows.flatMap((b) =>
          b.ruleIds.map((id) => `${rules.get(id)?.code ?? '?'} ${rules.get(id)?.title ?? ''}`.trim()),
        ),
      ),
    ];
    const incidents = this.ports.incidents
      .asSubject(personIds, '0000-01-01T00:00:00.000Z', now.toISOString())
      .reverse()
      .slice(0, 20)
      .map((i) => ({ id: i.incidentId, number: i.number, occurredFrom: i.occurredFrom }));
    return { reasons, incidents };
  }
}
