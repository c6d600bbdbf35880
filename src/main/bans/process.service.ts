import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { DisclosureInput } from '../../shared/contract/disclosure';
import type { Db } from '../db/connection';
import { AppError, conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { BanDetail, DeliveryMethod } from '../../shared/contract/bans';
import { addDays, atWallClock, dayWords, localDate } from '../zoned';
import type { BansRepo } from './bans.repo';
import type { BansService } from './bans.service';
import { renderDecisionPdf, renderNoticePdf } from './notice-pdf';
import type { BanPorts } from './ports';
import { mayReadParticulars, type BanViews } from './views';

/** No setting names the library system yet; the branch's name and address follow it on the page. */
const LIBRARY_NAME = 'Public Library';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export interface Pdf {
  fileName: string;
  pdfBase64: string;
  sha256: string;
}

/**
 * A ban's life after it is issued: the notice letter and its delivery (the appeal
 * clock starts there), the appeal (on time, or accepted late by a supervisor with a
 * reason), its hearing and decision with a letter, and the reinstatement meeting.
 * Each step is journaled through the bans service, each letter an audited read.
 */
export class BanProcess {
  constructor(
    private readonly db: Db,
    private readonly repo: BansRepo,
    private readonly bans: BansService,
    private readonly views: BanViews,
    private readonly audit: AuditService,
    private readonly ports: BanPorts,
    private readonly clock: Clock,
  ) {}

  async noticePdf(
    id: string,
    recipient: 'person' | 'guardian',
    disclose: DisclosureInput,
    staffId: string,
  ): Promise<Pdf> {
    const b = this.bans.ban(id);
    this.refuseWhilePending(b.id);
    const minor = this.ports.people.minor(b.personId);
    if (recipient === 'guardian' && minor === false) {
      throw invalid('This person is an adult: the notice goes to them, not to a guardian.');
    }
    const notice = this.db
      .transaction(() => this.repo.ensureNotice(uuidv7(), id, recipient, this.clock.now().toISOString()))
      .immediate();
    const detail = this.views.detail(b, 'admin', this.clock.now());
    const [person] = this.ports.people.details([b.personId], staffId);
    const branch = this.ports.branches.find(b.branchId)!;
    const policy = this.views.policyOf(b.policyVersion);
    const deadline = this.views.appealDeadline(b);
    const bytes = await renderNoticePdf({
      ban: detail,
      where: this.views.where(b),
      branch,
      library: LIBRARY_NAME,
      recipient,
      personName: person?.name ?? detail.personName,
      guardianName: person?.guardianName ?? '',
      rules: detail.particulars!.rules,
      incidents: detail.particulars!.incidents,
      appealDays: policy.appealDays,
      appealDeadline: deadline
        ? new Date(deadline)
        : atWallClock(
            addDays(localDate(this.clock.now(), branch.timeZone), policy.appealDays + 1),
            '00:00',
            branch.timeZone,
          ),
      template: policy.notice,
      generatedAt: this.clock.now(),
      generatedBy: this.ports.staff.names([staffId]).get(staffId) ?? 'unknown',
      journalHash: detail.particulars!.journal.at(-1)?.hash ?? '',
    });
    const hash = sha256(bytes);
    this.repo.setNoticeHash(notice.id, hash);
    const fileName = `Notice-${b.number}${recipient === 'guardian' ? '-guardian' : ''}.pdf`;
    this.audit.disclosed({
      staffId,
      method: 'bans.noticePdf',
      subject: 'ban.notice',
      recordKind: 'ban',
      recordId: id,
      what: `Notice of ban ${b.number} for the ${recipient}`,
      detail: `Notice ${b.number} for the ${recipient}, SHA-256 ${hash}`,
      disclose,
      fileName,
      sha256: hash,
    });
    return { fileName, pdfBase64: bytes.toString('base64'), sha256: hash };
  }

  recordDelivery(
    input: {
      id: string;
      recipient: 'person' | 'guardian';
      method: DeliveryMethod;
      deliveredAt: string;
      signed: boolean | null;
      postedOn: string | null;
      note: string;
    },
    actor: string,
  ): BanDetail {
    const now = this.clock.now();
    if (Date.parse(input.deliveredAt) > now.getTime() + 120_000) {
      throw invalid('The delivery time is in the future.', { deliveredAt: 'Not later than now' });
    }
    if (input.method === 'inPerson' && input.signed === null) {
      throw invalid('Say whether the person signed for the notice or refused to.', { signed: 'Signed or refused' });
    }
    if (input.method === 'posted' && !input.postedOn) {
      throw invalid('Give the date the notice was posted.', { postedOn: 'The posting date' });
    }
    this.db
      .transaction(() => {
        const b = this.bans.ban(input.id);
        this.refuseWhilePending(b.id);
        const notice = this.repo.ensureNotice(uuidv7(), b.id, input.recipient, now.toISOString());
        this.repo.recordDelivery({
          id: notice.id,
          deliveredAt: new Date(input.deliveredAt).toISOString(),
          method: input.method,
          signed: input.method === 'inPerson' ? input.signed : null,
          deliveredBy: actor,
          postedOn: input.method === 'posted' ? input.postedOn : null,
          note: input.note,
        });
        this.bans.append('ban.noticeDelivered', b.id, actor);
      })
      .immediate();
    return this.bans.after(input.id, actor);
  }

  recordAppeal(input: { id: string; receivedAt: string; acceptLateReason: string }, actor: string): BanDetail {
    const now = this.clock.now();
    if (Date.parse(input.receivedAt) > now.getTime() + 120_000) {
      throw invalid('The date the appeal was received is in the future.', { receivedAt: 'Not later than now' });
    }
    this.db
      .transaction(() => {
        const b = this.bans.ban(input.id);
        const status = this.views.status(b, now);
        this.refuseWhilePending(b.id);
        if (status === 'lifted' || status === 'ended' || status === 'warning') {
          throw conflict(`${b.number} is ${status === 'warning' ? 'a warning' : status}: there is nothing to appeal.`);
        }
        if (this.repo.appeals(b.id).some((a) => a.decidedAt === null)) {
          throw conflict(`${b.number} already has an appeal waiting for its decision.`);
        }
        const deadline = this.views.appealDeadline(b);
        const late = deadline !== null && Date.parse(input.receivedAt) >= Date.parse(deadline);
        const reason = input.acceptLateReason.trim();
        if (late && !reason) {
          const lastDay = dayWords(new Date(Date.parse(deadline!) - 1), this.views.timeZoneOf(b), now);
          throw invalid(
            `Appeals closed at the end of ${lastDay}: a late appeal is refused unless a supervisor accepts it with a reason.`,
            { acceptLateReason: 'A supervisor’s reason to accept it late' },
          );
        }
        if (late && !mayReadParticulars(this.ports.roleOf(actor))) {
          throw new AppError('FORBIDDEN', 'Only a supervisor may accept an appeal after the deadline.');
        }
        this.repo.insertAppeal({
          id: uuidv7(),
          banId: b.id,
          receivedAt: new Date(input.receivedAt).toISOString(),
          recordedBy: actor,
          late,
          lateReason: late ? reason : '',
          acceptedLateBy: late ? actor : null,
          hearingAt: null,
          hearingPlace: '',
          hearingAttendees: '',
          decidedAt: null,
          decidedBy: null,
          decision: null,
          newEndsAt: null,
          decisionNote: '',
        });
        this.bans.append('ban.appealReceived', b.id, actor);
      })
      .immediate();
    return this.bans.after(input.id, actor);
  }

  scheduleHearing(input: { appealId: string; at: string; place: string; attendees: string }, actor: string): BanDetail {
    const a = this.openAppeal(input.appealId);
    this.db
      .transaction(() => {
        this.repo.scheduleHearing(a.id, new Date(input.at).toISOString(), input.place, input.attendees);
        this.bans.append('ban.hearingScheduled', a.banId, actor);
      })
      .immediate();
    return this.bans.after(a.banId, actor);
  }

  decideAppeal(
    input: { appealId: string; decision: 'upheld' | 'shortened' | 'lifted'; newEndsAt: string | null; note: string },
    actor: string,
  ): BanDetail {
    const a = this.openAppeal(input.appealId);
    const now = this.clock.now();
    this.db
      .transaction(() => {
        const b = this.bans.ban(a.banId);
        let newEnd: string | null = null;
        if (input.decision === 'shortened') {
          if (!input.newEndsAt) throw invalid('Give the new end of the ban.', { newEndsAt: 'The new end' });
          newEnd = new Date(input.newEndsAt).toISOString();
          const end = b.endsAt ? Date.parse(b.endsAt) : Infinity;
          if (Date.parse(newEnd) >= end)
            throw invalid('A shortened ban ends before it did.', { newEndsAt: 'Earlier than the current end' });
          if (Date.parse(newEnd) <= Date.parse(b.startsAt)) {
            throw invalid('The new end is before the ban started: lift it instead.', { newEndsAt: 'After the start' });
          }
          this.repo.setEnd(b.id, newEnd, now.toISOString());
        }
        if (input.decision === 'lifted') {
          this.repo.lift(b.id, now.toISOString(), actor, `Appeal decided: lifted. ${input.note}`.trim(), true);
        }
        this.repo.decideAppeal({
          id: a.id,
          decidedAt: now.toISOString(),
          decidedBy: actor,
          decision: input.decision,
          newEndsAt: newEnd,
          decisionNote: input.note,
        });
        this.bans.append('ban.appealDecided', b.id, actor);
      })
      .immediate();
    return this.bans.after(a.banId, actor);
  }

  async decisionLetterPdf(appealId: string, disclose: DisclosureInput, staffId: string): Promise<Pdf> {
    const a = this.repo.appeal(appealId);
    if (!a) throw notFound('That appeal');
    if (!a.decidedAt) throw conflict('The appeal is not decided yet: there is no decision letter to print.');
    const b = this.bans.ban(a.banId);
    const detail = this.views.detail(b, 'admin', this.clock.now());
    const appeal = detail.particulars!.appeals.find((x) => x.id === appealId)!;
    const branch = this.ports.branches.find(b.branchId)!;
    const bytes = await renderDecisionPdf({
      ban: detail,
      branch,
      library: LIBRARY_NAME,
      personName: detail.personName,
      appeal,
      generatedAt: this.clock.now(),
      generatedBy: this.ports.staff.names([staffId]).get(staffId) ?? 'unknown',
      journalHash: detail.particulars!.journal.at(-1)?.hash ?? '',
    });
    const hash = sha256(bytes);
    const fileName = `Appeal-decision-${b.number}.pdf`;
    this.audit.disclosed({
      staffId,
      method: 'bans.decisionLetterPdf',
      subject: 'ban.decision',
      recordKind: 'ban',
      recordId: b.id,
      what: `Appeal decision letter of ban ${b.number}`,
      detail: `Decision letter ${b.number}, SHA-256 ${hash}`,
      disclose,
      fileName,
      sha256: hash,
    });
    return { fileName, pdfBase64: bytes.toString('base64'), sha256: hash };
  }

  scheduleMeeting(input: { id: string; at: string; place: string; withWhom: string }, actor: string): BanDetail {
    this.db
      .transaction(() => {
        const b = this.bans.ban(input.id);
        if (!b.meetingRequired) throw conflict(`${b.number} needs no reinstatement meeting.`);
        if (this.repo.meetings(b.id).some((m) => m.heldAt !== null))
          throw conflict(`The meeting for ${b.number} was already held.`);
        this.repo.insertMeeting({
          id: uuidv7(),
          banId: b.id,
          scheduledAt: new Date(input.at).toISOString(),
          place: input.place,
          withWhom: input.withWhom,
          scheduledBy: actor,
          heldAt: null,
          heldBy: null,
          attendees: '',
          conditions: '',
        });
        this.bans.append('ban.meetingScheduled', b.id, actor);
      })
      .immediate();
    return this.bans.after(input.id, actor);
  }

  meetingHeld(input: { id: string; heldAt: string; attendees: string; conditions: string }, actor: string): BanDetail {
    if (Date.parse(input.heldAt) > this.clock.ms() + 120_000) {
      throw invalid('The meeting time is in the future: record it once it has been held.', {
        heldAt: 'Not later than now',
      });
    }
    this.db
      .transaction(() => {
        const b = this.bans.ban(input.id);
        const meeting = this.repo.meetings(b.id).find((m) => m.heldAt === null);
        if (!meeting) throw conflict(`Schedule the reinstatement meeting for ${b.number} first.`);
        this.repo.meetingHeld(
          meeting.id,
          new Date(input.heldAt).toISOString(),
          actor,
          input.attendees,
          input.conditions,
        );
        this.bans.append('ban.meetingHeld', b.id, actor);
      })
      .immediate();
    return this.bans.after(input.id, actor);
  }

  /** Nothing is sent, appealed or counted for a ban not yet in force. */
  private refuseWhilePending(banId: string): void {
    if (this.views.status(this.bans.ban(banId), this.clock.now()) === 'pendingApproval') {
      throw conflict(
        'This ban waits for a supervisor’s approval: its notice goes out, and its appeal clock runs, once approved.',
      );
    }
  }

  /** The appeal waiting for its decision, if any. */
  appealIdOf(banId: string): string | undefined {
    return this.repo.appeals(banId).find((a) => a.decidedAt === null)?.id;
  }

  private openAppeal(id: string) {
    const a = this.repo.appeal(id);
    if (!a) throw notFound('That appeal');
    if (a.decidedAt) throw conflict('This appeal is already decided.');
    return a;
  }
}
