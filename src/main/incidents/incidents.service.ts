import type { AuditService } from '../audit/audit.service';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { AppError, conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Role } from '../../shared/roles';
import { reviewBar, type ReviewStep } from '../../shared/review-rule';
import type {
  Draft,
  DraftContent,
  IncidentContent,
  IncidentListItem,
  IncidentRecord,
} from '../../shared/contract/incidents';
import { DraftsRepo, type DraftSummaryRow } from './drafts.repo';
import { IncidentRecords } from './incidents.record';
import { IncidentsRepo, incidentNumber, yearInZone, type FiledStatus, type Header } from './incidents.repo';
import { IncidentSearch, type Filters } from './incidents.search';
import { checkReferences, diffContent, parseContent } from './incidents.validate';

/** A record's state as its journal entries carry it: everything but its own journal hashes. */
const journalState = ({ journal: _journal, ...record }: IncidentRecord) => record;

/**
 * Incident reports: private drafts (mutable, autosaved, outside the journal), then
 * filed records whose text never changes. Submit, amend, review and close each run in
 * one IMMEDIATE transaction that also appends the record's new state to the journal,
 * so a crash leaves either the intact draft or the whole filed record.
 */
export class IncidentsService {
  private readonly drafts: DraftsRepo;
  private readonly repo: IncidentsRepo;
  private readonly records: IncidentRecords;
  private readonly finder: IncidentSearch;

  constructor(
    private readonly db: Db,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly roleOf: (staffId: string) => Role | null,
    /** Main's clock; the demo seed files its reports at their own past moments. */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.drafts = new DraftsRepo(db);
    this.repo = new IncidentsRepo(db);
    this.records = new IncidentRecords(db);
    this.finder = new IncidentSearch(db);
  }

  // ---- drafts ----

  createDraft(content: DraftContent, staffId: string): Draft {
    const id = uuidv7();
    this.drafts.insert(id, staffId, content, this.clock().toISOString());
    return this.getDraft(id, staffId);
  }

  saveDraft(id: string, revision: number, content: DraftContent, staffId: string) {
    const updatedAt = this.clock().toISOString();
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
    return draft;
  }

  discardDraft(id: string, staffId: string): { id: string } {
    if (!this.drafts.delete(id, staffId)) throw this.draftGone();
    return { id };
  }

  // ---- the record's lifecycle ----

  submit(id: string, staffId: string): { id: string; number: string; status: FiledStatus } {
    return this.db
      .transaction(() => {
        const draft = this.drafts.get(id, staffId);
        if (!draft) throw this.draftGone();
        // A refusal throws before anything is written: the transaction rolls back and the draft stays as it was.
        const content = parseContent(draft.content);
        const ruleVersions = checkReferences(this.db, content);
        const branch = this.repo.branch(content.branchId)!;
        const reportedAt = this.clock().toISOString();
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
  }

  amend(
    id: string,
    version: number,
    reason: string,
    amended: IncidentContent,
    staffId: string,
  ): { id: string; number: string; status: FiledStatus; version: number } {
    return this.db
      .transaction(() => {
        const h = this.header(id);
        if (this.roleOf(staffId) === 'officer' && h.reporterId !== staffId) {
          throw new AppError('FORBIDDEN', 'Officers amend their own reports. Ask a supervisor to amend this one.');
        }
        if (h.status === 'closed') throw conflict(`${h.number} is closed and can no longer be amended.`);
        this.assertVersion(h, version);
        const before = this.records.load(id)!;
        if (amended.branchId !== h.branchId) {
          throw invalid('The branch cannot change: it is part of the report number.', {
            branchId: 'The branch is part of the report number',
          });
        }
        const content = parseContent(amended);
        const ruleVersions = checkReferences(this.db, content, { zoneId: before.content.zoneId, rules: before.rules });
        const codeOf = this.ruleCodes(before);
        const changes = diffContent(before.content, content, codeOf);
        if (changes.length === 0) throw invalid('Nothing was changed: there is nothing to amend.');
        const at = this.clock().toISOString();
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
        this.appendJournal('incident.amended', id, staffId);
        return { id, number: h.number, status: 'submitted' as const, version: h.version + 1 };
      })
      .immediate();
  }

  review(id: string, version: number, decision: 'approve' | 'return', comment: string, staffId: string) {
    return this.db
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
        const status: FiledStatus = decision === 'approve' ? 'approved' : 'returned';
        return this.decide(h, status, comment, staffId, 'incident.reviewed');
      })
      .immediate();
  }

  close(id: string, comment: string, staffId: string) {
    return this.db
      .transaction(() => {
        const h = this.header(id);
        this.refuseOwnWork(id, staffId, 'close');
        if (h.status !== 'approved') throw conflict(`${h.number} is ${h.status}: only an approved report is closed.`);
        return this.decide(h, 'closed', comment, staffId, 'incident.closed');
      })
      .immediate();
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
    const { items, nextCursor, searched } = this.finder.run(f);
    // Snippets can show narrative and person descriptions: one audit entry names every report shown.
    if (searched && items.length > 0) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'incidents.search',
        detail: `Searched “${f.text.trim().slice(0, 200)}”: ${items.map((i) => i.number).join(', ')}`,
      });
    }
    return { items, nextCursor };
  }

  // ---- helpers ----

  private decide(h: Header, status: FiledStatus, comment: string, staffId: string, kind: string) {
    const at = this.clock().toISOString();
    const decision = status === 'approved' ? 'approved' : status === 'returned' ? 'returned' : 'closed';
    this.repo.insertReview({ id: uuidv7(), incidentId: h.id, version: h.version, decision, comment, at, by: staffId });
    this.repo.setStatus(h.id, status, at);
    this.appendJournal(kind, h.id, staffId);
    return { id: h.id, status };
  }

  private appendJournal(kind: string, id: string, actor: string): void {
    this.journal.append({ kind, recordId: id, actor, payload: journalState(this.records.load(id)!) });
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
    const stmt = this.db.prepare<[string], { code: string }>('SELECT code FROM guideline_rules WHERE id = ?');
    return (ruleId) => codes.get(ruleId) ?? stmt.get(ruleId)?.code ?? ruleId;
  }

  private draftGone(): AppError {
    // Someone else's draft reads as missing: drafts are private to their writer.
    return new AppError('NOT_FOUND', 'That draft was not found: it may have been submitted or discarded.');
  }
}
