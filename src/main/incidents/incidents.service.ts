import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { AppError, conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Role } from '../../shared/roles';
import { reviewBar, type ReviewStep } from '../../shared/review-rule';
import type {
  AmendmentDraft,
  Draft,
  DraftContent,
  IncidentContent,
  IncidentListItem,
  IncidentRecord,
} from '../../shared/contract/incidents';
import type { JournalKind } from '../../shared/contract/journal';
import type { AmendDraftsRepo } from './amend-drafts.repo';
import type { DraftsRepo, DraftSummaryRow } from './drafts.repo';
import { IncidentRecords } from './incidents.record';
import {
  incidentNumber,
  yearInZone,
  type FiledStatus,
  type Header,
  type IncidentsRepo,
  type ReviewDecision,
} from './incidents.repo';
import { IncidentSearch, type Filters, type FoundIncident } from './incidents.search.repo';
import { checkReferences, diffContent, parseContent } from './incidents.validate';
import type { IncidentPorts } from './ports';

/** A record's state as its journal entries carry it: everything but its own journal hashes. */
const journalState = ({ journal: _journal, ...record }: IncidentRecord) => record;

/**
 * Incident reports: private drafts (mutable, autosaved, outside the journal), then
 * filed records whose text never changes. Submit, amend, review and close each run in
 * one IMMEDIATE transaction that also appends the record's new state to the journal,
 * so a crash leaves either the intact draft or the whole filed record.
 */
export class IncidentsService {
  private readonly records: IncidentRecords;

  constructor(
    private readonly db: Db,
    private readonly repo: IncidentsRepo,
    private readonly drafts: DraftsRepo,
    private readonly amendDrafts: AmendDraftsRepo,
    private readonly finder: IncidentSearch,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly roleOf: (staffId: string) => Role | null,
    private readonly ports: IncidentPorts,
    private readonly events: DomainEvents,
    /** Main's clock; the demo seed files its reports at their own past moments. */
    private readonly clock: Clock,
  ) {
    this.records = new IncidentRecords(repo, ports);
  }

  // ---- drafts ----

  createDraft(content: DraftContent, staffId: string): Draft {
    const id = uuidv7();
    this.drafts.insert(id, staffId, content, this.clock.now().toISOString());
    // A draft is private and outside the journal until it is filed; starting one (often
    // prefilled with a camera, a snapshot or persons) is noted in the audit log instead.
    return this.getDraft(id, staffId);
  }

  saveDraft(id: string, revision: number, content: DraftContent, staffId: string) {
    const updatedAt = this.clock.now().toISOString();
    if (this.drafts.save(id, staffId, revision, content, updatedAt)) return { id, revision: revision + 1, updatedAt };
    const current = this.drafts.revision(id, staffId);
    if (current === undefined) throw this.draftGone();
    throw conflict('This draft was saved from another window since. Reopen it to see the newer text.', {
      revision: `The saved revision is ${current}`,
    });
  }

  listDrafts(staffId: string): DraftSummaryRow[] {
    return this.drafts.list(staffId);
  }

  getDraft(id: string, staffId: string): Draft {
    const draft = this.drafts.get(id, staffId);
    if (!draft) throw this.draftGone();
    // Its narrative and persons are patron data even in the author's own draft.
    this.audit.shown(staffId, 'incidents.draft', 'Opened a draft report', [id]);
    return draft;
  }

  discardDraft(id: string, staffId: string): { id: string } {
    if (!this.drafts.delete(id, staffId)) throw this.draftGone();
    return { id };
  }

  // ---- amendments being typed (saved like drafts, outside the journal) ----

  getAmendDraft(id: string, staffId: string): AmendmentDraft | null {
    const draft = this.amendDrafts.get(id, staffId) ?? null;
    // The amendment carries the filed report's content: reading it is reading the report.
    if (draft) this.audit.shown(staffId, 'incidents.amendDraft', 'Opened an amendment being typed', [id]);
    return draft;
  }

  saveAmendDraft(
    id: string,
    input: { baseVersion: number; revision: number; reason: string; content: DraftContent },
    staffId: string,
  ): { revision: number; updatedAt: string } {
    const updatedAt = this.clock.now().toISOString();
    return this.db
      .transaction(() => {
        const h = this.header(id);
        this.refuseOthersAmendment(h, staffId);
        if (input.revision === 0) {
          if (this.amendDrafts.get(id, staffId)) {
            throw conflict('You already have an amendment of this report under way. Reopen the report to continue it.');
          }
          this.assertVersion(h, input.baseVersion);
          const baseContent = this.records.load(id)!.content;
          const { reason, content } = input;
          this.amendDrafts.insert(
            { incidentId: id, baseVersion: h.version, baseContent, reason, content, updatedAt },
            staffId,
          );
          return { revision: 1, updatedAt };
        }
        if (this.amendDrafts.save(id, staffId, input.revision, input.reason, input.content, updatedAt)) {
          return { revision: input.revision + 1, updatedAt };
        }
        const current = this.amendDrafts.get(id, staffId);
        if (!current) throw new AppError('NOT_FOUND', 'That amendment was filed or discarded in another window.');
        throw conflict('This amendment was saved from another window since. Reopen the report to see the newer text.', {
          revision: `The saved revision is ${current.revision}`,
        });
      })
      .immediate();
  }

  discardAmendDraft(id: string, staffId: string): { id: string } {
    if (!this.amendDrafts.delete(id, staffId)) {
      throw new AppError('NOT_FOUND', 'That amendment was filed or discarded already.');
    }
    return { id };
  }

  // ---- the record's lifecycle ----

  submit(id: string, staffId: string): { id: string; number: string; status: FiledStatus } {
    const filed = this.db
      .transaction(() => {
        const draft = this.drafts.get(id, staffId);
        if (!draft) throw this.draftGone();
        // A refusal throws before anything is written: the transaction rolls back and the draft stays as it was.
        const content = parseContent(draft.content, this.clock.ms());
        const ruleVersions = checkReferences(this.ports, content);
        const branch = this.ports.branches.find(content.branchId)!;
        const reportedAt = this.clock.now().toISOString();
        const year = yearInZone(reportedAt, branch.timeZone);
        const seq = this.repo.nextSeq(content.branchId, year);
        const number = incidentNumber(branch.code, year, seq);
        const vid = this.repo.insertVersion({
          incidentId: id,
          version: 1,
          createdAt: reportedAt,
          createdBy: staffId,
          reason: null,
          changes: null,
          content,
          ruleVersions,
        });
        this.repo.insertIncident({
          id,
          number,
          branchId: content.branchId,
          year,
          seq,
          reporterId: staffId,
          reportedAt,
          vid,
          content,
        });
        this.drafts.delete(id, staffId);
        this.appendJournal('incident.submitted', id, staffId);
        return { id, number, status: 'submitted' as const };
      })
      .immediate();
    this.events.emit('incident.submitted', { incidentId: filed.id, number: filed.number });
    return filed;
  }

  amend(
    id: string,
    version: number,
    reason: string,
    amended: IncidentContent,
    staffId: string,
  ): { id: string; number: string; status: FiledStatus; version: number } {
    const amendedResult = this.db
      .transaction(() => {
        const h = this.header(id);
        this.refuseOthersAmendment(h, staffId);
        this.assertVersion(h, version);
        const before = this.records.load(id)!;
        if (amended.branchId !== h.branchId) {
          throw invalid('The branch cannot change: it is part of the report number.', {
            branchId: 'The branch is part of the report number',
          });
        }
        const content = parseContent(amended, this.clock.ms());
        const ruleVersions = checkReferences(this.ports, content, {
          zoneId: before.content.zoneId,
          rules: before.rules,
        });
        const codeOf = this.ruleCodes(before);
        const changes = diffContent(before.content, content, codeOf);
        if (changes.length === 0) throw invalid('Nothing was changed: there is nothing to amend.');
        const at = this.clock.now().toISOString();
        const vid = this.repo.insertVersion({
          incidentId: id,
          version: h.version + 1,
          createdAt: at,
          createdBy: staffId,
          reason,
          changes,
          content,
          ruleVersions,
        });
        // A correction goes back to review, whatever the review had said.
        this.repo.advance(id, vid, content, 'submitted', at);
        // The amendment typed so far is filed now: its saved copy goes.
        this.amendDrafts.delete(id, staffId);
        this.appendJournal('incident.amended', id, staffId);
        return { id, number: h.number, status: 'submitted' as const, version: h.version + 1 };
      })
      .immediate();
    this.events.emit('incident.changed', { incidentId: id });
    return amendedResult;
  }

  review(id: string, version: number, decision: 'approve' | 'return', comment: string, staffId: string) {
    const reviewed = this.db
      .transaction(() => {
        const h = this.header(id);
        this.refuseOwnWork(id, staffId, 'review');
        if (h.status !== 'submitted')
          throw conflict(`${h.number} is ${h.status}: only a submitted report is reviewed.`);
        this.assertVersion(h, version);
        if (decision === 'return' && !comment) {
          throw invalid('Say what the reporter should correct.', {
            comment: 'A comment is required to return a report',
          });
        }
        const outcome = decision === 'approve' ? 'approved' : 'returned';
        return this.decide(h, outcome, comment, staffId, 'incident.reviewed');
      })
      .immediate();
    this.events.emit('incident.changed', { incidentId: id });
    return reviewed;
  }

  close(id: string, comment: string, staffId: string) {
    const closed = this.db
      .transaction(() => {
        const h = this.header(id);
        this.refuseOwnWork(id, staffId, 'close');
        if (h.status !== 'approved') throw conflict(`${h.number} is ${h.status}: only an approved report is closed.`);
        return this.decide(h, 'closed', comment, staffId, 'incident.closed');
      })
      .immediate();
    this.events.emit('incident.changed', { incidentId: id });
    return closed;
  }

  // ---- reading (audited: reports hold narratives and persons) ----

  get(id: string, staffId: string): IncidentRecord {
    const record = this.records.load(id);
    if (!record) throw notFound('That incident report');
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'incident',
      recordId: id,
      detail: `Opened ${record.number}`,
    });
    // The report shows each person on it: "who has seen this person" lists this read too.
    const personIds = new Set(record.content.persons.flatMap((p) => (p.personId ? [p.personId] : [])));
    for (const personId of personIds) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'person',
        recordId: personId,
        detail: `Seen on report ${record.number} (incident ${id})`,
      });
    }
    return record;
  }

  /** A filed report under get's rules, for an export that audits its own read; the caller's draft is told to submit. */
  filed(id: string, staffId: string): IncidentRecord {
    const record = this.records.load(id);
    if (record) return record;
    if (this.drafts.get(id, staffId)) throw invalid('Submit the report first: a draft is not a record yet.');
    throw notFound('That incident report');
  }

  search(f: Filters, staffId: string): { items: IncidentListItem[]; nextCursor: string | null } {
    const found = this.finder.run(f);
    const { nextCursor, searched } = found;
    const items = this.named(found.items);
    // Snippets can show narrative and person descriptions: one audit entry names every report shown.
    if (searched && items.length > 0) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'incidents.search',
        detail: `Searched “${f.text.trim().slice(0, 200)}”: ${items.map((i) => i.number).join(', ')}`,
      });
    } else {
      // A list without words still shows each report's summary, which can name a patron.
      this.audit.shown(
        staffId,
        'incidents.list',
        'Listed reports',
        items.map((i) => i.id),
      );
    }
    return { items, nextCursor };
  }

  // ---- ports for other domains (their callers audit what they show) ----

  /** What a ban rests on: a filed report's number, branch, time, rules and subjects. */
  basis(id: string): {
    id: string;
    number: string;
    branchId: string;
    zoneId: string | null;
    occurredFrom: string;
    ruleIds: string[];
    ruleCodes: string[];
    subjectIds: string[];
    summary: string;
  } {
    const r = this.records.load(id);
    if (!r) throw notFound('That incident report');
    return {
      id: r.id,
      number: r.number,
      branchId: r.branch.id,
      zoneId: r.content.zoneId,
      occurredFrom: r.content.occurredFrom,
      ruleIds: r.rules.map((x) => x.ruleId),
      ruleCodes: r.rules.map((x) => x.code),
      subjectIds: r.content.persons.flatMap((p) => (p.role === 'subject' && p.personId ? [p.personId] : [])),
      summary: r.content.summary,
    };
  }

  /** Reports where one of these persons was a subject, between two moments, with their rule codes. */
  asSubject(personIds: readonly string[], from: string, until: string) {
    const found = this.repo.asSubject(personIds, from, until);
    return found.map((i) => ({
      incidentId: i.id,
      number: i.number,
      occurredFrom: i.occurredFrom,
      ruleCodes: i.ruleIds.map((id) => this.ports.guidelines.state(id)?.code ?? '?'),
    }));
  }

  /** The filed reports an attachment is on (any version): a clip's views are audited against them. */
  reportsWithAttachment(attachmentId: string): string[] {
    return this.repo.reportsWithAttachment(attachmentId);
  }

  // ---- helpers ----

  /** A decision is recorded under its own word, and the report takes the status of the same name. */
  private decide(h: Header, decision: ReviewDecision, comment: string, staffId: string, kind: JournalKind) {
    const at = this.clock.now().toISOString();
    const status: FiledStatus = decision;
    this.repo.insertReview({ id: uuidv7(), incidentId: h.id, version: h.version, decision, comment, at, by: staffId });
    this.repo.setStatus(h.id, status, at);
    this.appendJournal(kind, h.id, staffId);
    return { id: h.id, status };
  }

  /** List items named through the other domains' ports: branch code, zone, reporter, rule codes. */
  private named(found: FoundIncident[]): IncidentListItem[] {
    const branches = new Map(this.ports.branches.list().map((b) => [b.id, b]));
    const zones = new Map([...branches.values()].flatMap((b) => b.zones).map((z) => [z.id, z.name]));
    const reporters = this.ports.staff.names(found.map((i) => i.reporterId));
    const wordings = this.ports.guidelines.versions(found.flatMap((i) => i.ruleVersionIds));
    return found.map(({ zoneId, reporterId, ruleVersionIds, ...item }) => ({
      ...item,
      branchCode: branches.get(item.branchId)?.code ?? '?',
      zoneName: zoneId ? (zones.get(zoneId) ?? null) : null,
      reporter: { id: reporterId, name: reporters.get(reporterId) ?? '(unknown)' },
      ruleCodes: ruleVersionIds.map((v) => wordings.get(v)?.code ?? '?').sort(),
    }));
  }

  private appendJournal(kind: JournalKind, id: string, actor: string): void {
    this.journal.append({ kind, recordId: id, actor, payload: journalState(this.records.load(id)!) });
  }

  /** Officers amend their own reports; nobody amends a closed one. */
  private refuseOthersAmendment(h: Header, staffId: string): void {
    if (this.roleOf(staffId) === 'officer' && h.reporterId !== staffId) {
      throw new AppError('FORBIDDEN', 'Officers amend their own reports. Ask a supervisor to amend this one.');
    }
    if (h.status === 'closed') throw conflict(`${h.number} is closed and can no longer be amended.`);
  }

  /** Separation of duties (shared/review-rule.ts): nobody approves, returns or closes their own text. */
  private refuseOwnWork(id: string, staffId: string, step: ReviewStep): void {
    const bar = reviewBar(this.records.load(id)!, staffId, step);
    if (bar) throw new AppError('FORBIDDEN', bar);
  }

  private header(id: string): Header {
    const h = this.repo.header(id);
    if (!h) throw notFound('That incident report');
    return h;
  }

  private assertVersion(h: Header, version: number): void {
    if (h.version !== version) {
      throw conflict(`${h.number} was amended since you opened it (now version ${h.version}). Reopen it first.`);
    }
  }

  /** Rule codes for the amendment's "what changed", from the report's rules and the current guidelines. */
  private ruleCodes(before: IncidentRecord): (ruleId: string) => string {
    const codes = new Map(before.rules.map((r) => [r.ruleId, r.code]));
    return (ruleId) => codes.get(ruleId) ?? this.ports.guidelines.state(ruleId)?.code ?? ruleId;
  }

  private draftGone(): AppError {
    // Someone else's draft reads as missing: drafts are private to their writer.
    return new AppError('NOT_FOUND', 'That draft was not found: it may have been submitted or discarded.');
  }
}
