import { timeWords } from '../zoned';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import type { DomainEvents } from '../events';
import { AppError, conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Branch } from '../../shared/contract/branches';
import {
  EXCEPTION_STEPS,
  type AnswerValue,
  type BranchClosing,
  type CheckMethod,
  type ClosingRun,
  type ExceptionKind,
  type ExceptionStep,
  type RunSummary,
  type TemplateItem,
} from '../../shared/contract/closing';
import { lastSessionStarted, localDate } from '../../shared/opening-hours';
import type { ClosingPorts } from './ports';
import { RunViews, resolvedAt } from './run-view';
import type { AnswerRow, RunRow, RunsRepo } from './runs.repo';
import type { TemplatesService } from './templates.service';

const HOUR = 3_600_000;
/** A run started within this long after a session's closing belongs to that session's date. */
const LATE_CLOSING_MS = 6 * HOUR;
/** How far ahead of main's clock a stated time may be (clocks of two desks drift). */
const FUTURE_TOLERANCE_MS = 2 * 60_000;

const EXCEPTION_WORDS: Record<ExceptionKind, string> = {
  child: 'unattended child',
  refusal: 'patron refusing to leave',
  inside: 'people still inside',
  reentry: 'after-hours re-entry',
};

/**
 * Closing checklists: a run per closing, worked item by item (each answered once,
 * who and when and how), with its exceptions, until someone signs "Building clear".
 * Every change runs in one IMMEDIATE transaction that journals it; a run is never
 * lost: it stays open in the database until it is signed or set aside with a reason.
 */
export class ClosingService {
  private readonly views: RunViews;

  constructor(
    private readonly db: Db,
    private readonly repo: RunsRepo,
    private readonly templates: TemplatesService,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly ports: ClosingPorts,
    private readonly clock: Clock,
  ) {
    this.views = new RunViews(ports);
  }

  overview(): BranchClosing[] {
    const counts = this.templates.itemCounts();
    return this.ports.branches
      .list()
      .filter((b) => !b.retired)
      .map((b) => {
        const open = this.repo.openRun(b.id);
        const latest = this.repo.latest(b.id);
        const [openSummary] = open ? this.views.summaries([this.repo.summary(open.id)!]) : [];
        const [lastSummary] = latest && latest.status !== 'open' ? this.views.summaries([latest]) : [];
        return {
          branchId: b.id,
          templateSaved: counts.has(b.id),
          itemCount: counts.get(b.id) ?? this.templates.current(b.id).items.length,
          policy: this.templates.policy(b.id),
          openRun: openSummary ?? null,
          lastRun: lastSummary ?? null,
        };
      });
  }

  /** Starts the branch's closing run, or gives back the one already open (two consoles pressing Start get one run). */
  start(branchId: string, staffId: string): ClosingRun {
    const branch = this.branch(branchId);
    if (branch.retired) throw conflict(`${branch.name} is retired: it has no closing.`);
    let started = false;
    const run = this.db
      .transaction(() => {
        const open = this.repo.openRun(branchId);
        if (open) return open;
        const version = this.templates.versionForRun(branchId, staffId);
        const now = this.clock.ms();
        const row: RunRow = {
          id: uuidv7(),
          branchId,
          templateVersionId: version.id,
          closingDate: this.closingDate(branch, now),
          startedAt: new Date(now).toISOString(),
          startedBy: staffId,
          status: 'open',
          endedAt: null,
          endedBy: null,
          endNote: '',
        };
        this.repo.insertRun(row);
        this.journal.append({ kind: 'closing.runStarted', recordId: row.id, actor: staffId, payload: row });
        started = true;
        return row;
      })
      .immediate();
    if (started) this.changed(run);
    return this.view(run);
  }

  get(runId: string, staffId: string): ClosingRun {
    const run = this.view(this.run(runId));
    // Notes and exceptions can describe a patron or a child: reading them is recorded.
    const described =
      run.answers.some((a) => a.note) ||
      run.exceptions.some((e) => e.details.description || e.details.who || e.steps.some((s) => s.note));
    if (described) {
      this.audit.record({
        staffId,
        action: 'read',
        subject: 'closing.run',
        recordId: runId,
        detail: `Opened the closing of ${run.branchName} on ${run.closingDate}`,
      });
    }
    return run;
  }

  answer(
    input: { runId: string; branchId: string; itemId: string; value: AnswerValue; note: string; method: CheckMethod },
    staffId: string,
  ): ClosingRun {
    const run = this.db
      .transaction(() => {
        const run = this.run(input.runId);
        const branch = this.branch(run.branchId);
        if (run.branchId !== input.branchId) {
          const other = this.ports.branches.find(input.branchId)?.name ?? 'another branch';
          throw conflict(
            `This run is ${branch.name}’s closing, not ${other}’s: open ${other}’s checklist from the Closing tab.`,
          );
        }
        this.assertOpen(run, branch, 'answered');
        const item = this.items(run).find((i) => i.id === input.itemId);
        if (!item) {
          throw invalid(
            `That item is not on this run’s checklist for ${branch.name}. Reopen the run to see its items.`,
          );
        }
        const earlier = this.repo.answer(run.id, item.id);
        if (earlier) throw this.answeredAlready(item, earlier, branch);
        const answer = this.evaluate(item, input.value, input.note);
        const row = {
          itemId: item.id,
          ...answer,
          method: input.method,
          at: this.clock.now().toISOString(),
          by: staffId,
        };
        if (!this.repo.insertAnswer(run.id, row))
          throw this.answeredAlready(item, this.repo.answer(run.id, item.id)!, branch);
        this.journal.append({
          kind: 'closing.itemAnswered',
          recordId: run.id,
          actor: staffId,
          payload: { runId: run.id, ...row },
        });
        return run;
      })
      .immediate();
    this.changed(run);
    return this.view(run);
  }

  openException(
    input: {
      runId: string;
      kind: ExceptionKind;
      zoneId: string | null;
      beganAt?: string | undefined;
      who: string;
      role: string;
      where: string;
      why: string;
      description: string;
    },
    staffId: string,
  ): ClosingRun {
    const run = this.db
      .transaction(() => {
        const run = this.run(input.runId);
        const branch = this.branch(run.branchId);
        // Re-entry happens after the building was signed clear; everything else belongs to an unfinished closing.
        if (run.status === 'abandoned' || (run.status === 'signed' && input.kind !== 'reentry')) {
          throw conflict(
            run.status === 'signed'
              ? `${branch.name} was signed clear at ${this.clockWords(run.endedAt!, branch)}: only an after-hours re-entry can be added now. Start a new closing for anything else.`
              : `This closing of ${branch.name} was set aside: start a new closing to record it.`,
          );
        }
        if (input.zoneId && !branch.zones.some((z) => z.id === input.zoneId)) {
          throw invalid(`Choose one of ${branch.name}’s zones.`, { zoneId: `Not a zone of ${branch.name}` });
        }
        this.requireDetails(input);
        const now = this.clock.ms();
        const beganAt = this.statedTime(input.beganAt, now, 'beganAt');
        const policy = this.templates.policy(branch.id);
        const escalateMinutes =
          input.kind === 'child'
            ? policy.childPoliceMinutes
            : input.kind === 'refusal'
              ? policy.refusalPoliceMinutes
              : null;
        const row = {
          id: uuidv7(),
          runId: run.id,
          kind: input.kind,
          zoneId: input.zoneId,
          beganAt,
          openedAt: new Date(now).toISOString(),
          openedBy: staffId,
          details: {
            who: input.who,
            role: input.role,
            where: input.where,
            why: input.why,
            description: input.description,
          },
          escalateMinutes,
          incidentId: null,
        };
        this.repo.insertException(row);
        this.journal.append({ kind: 'closing.exceptionOpened', recordId: run.id, actor: staffId, payload: row });
        // A refusal is one because the patron was asked: the asking is its first step, at the time stated.
        if (input.kind === 'refusal') {
          this.addStep(run.id, row.id, 'askedToLeave', beganAt, '', staffId);
        }
        if (input.kind === 'reentry') this.addStep(run.id, row.id, 'entered', beganAt, '', staffId);
        return run;
      })
      .immediate();
    this.changed(run);
    return this.view(run);
  }

  recordStep(
    input: { exceptionId: string; step: ExceptionStep; at?: string | undefined; note: string },
    staffId: string,
  ): ClosingRun {
    const run = this.db
      .transaction(() => {
        const e = this.repo.exception(input.exceptionId);
        if (!e) throw notFound('That exception');
        const run = this.run(e.runId);
        const branch = this.branch(run.branchId);
        if (run.status === 'abandoned')
          throw conflict(`This closing of ${branch.name} was set aside: nothing more is recorded on it.`);
        const allowed = EXCEPTION_STEPS[e.kind] as readonly ExceptionStep[];
        if (!allowed.includes(input.step)) {
          throw invalid(`A ${EXCEPTION_WORDS[e.kind]} has no step “${input.step}”.`, {
            step: 'Not a step of this exception',
          });
        }
        const steps = this.repo.steps([e.id]);
        const earlier = steps.find((s) => s.step === input.step);
        if (earlier) {
          const name = this.ports.staff.names([earlier.by]).get(earlier.by) ?? 'someone';
          throw conflict(`That step was already recorded by ${name} at ${this.clockWords(earlier.at, branch)}.`);
        }
        const at = this.statedTime(input.at, this.clock.ms(), 'at');
        if (at < e.beganAt) {
          throw invalid(`The time is before the exception began (${this.clockWords(e.beganAt, branch)}).`, {
            at: 'Before the exception began',
          });
        }
        if (resolvedAt(e, steps) !== null && input.step !== 'policeArrived' && input.step !== 'left') {
          throw conflict(`This ${EXCEPTION_WORDS[e.kind]} is already resolved.`);
        }
        this.addStep(run.id, e.id, input.step, at, input.note, staffId);
        return run;
      })
      .immediate();
    this.changed(run);
    return this.view(run);
  }

  linkIncident(
    input: { runId: string; itemId?: string | undefined; exceptionId?: string | undefined; incidentId: string },
    staffId: string,
  ): ClosingRun {
    const run = this.db
      .transaction(() => {
        const run = this.run(input.runId);
        if (input.itemId) {
          if (!this.repo.setAnswerIncident(run.id, input.itemId, input.incidentId)) {
            throw conflict('Answer the item first: a report is started from its answer.');
          }
        } else {
          const e = this.repo.exception(input.exceptionId!);
          if (!e || e.runId !== run.id) throw notFound('That exception');
          this.repo.setExceptionIncident(e.id, input.incidentId);
        }
        this.journal.append({ kind: 'closing.incidentLinked', recordId: run.id, actor: staffId, payload: input });
        return run;
      })
      .immediate();
    this.changed(run);
    return this.view(run);
  }

  sign(runId: string, note: string, staffId: string): ClosingRun {
    const run = this.db
      .transaction(() => {
        const run = this.run(runId);
        const branch = this.branch(run.branchId);
        this.assertOpen(run, branch, 'signed');
        const answers = new Set(this.repo.answers(run.id).map((a) => a.itemId));
        const missing = this.items(run).filter((i) => !answers.has(i.id));
        if (missing.length > 0) {
          const named = missing
            .slice(0, 3)
            .map((i) => `“${i.label}”`)
            .join(', ');
          throw conflict(
            `${missing.length === 1 ? 'One item has' : `${missing.length} items have`} no answer yet (${named}${missing.length > 3 ? ', …' : ''}). Answer every item, then sign “Building clear”.`,
          );
        }
        const exceptions = this.repo.exceptions(run.id);
        const steps = this.repo.steps(exceptions.map((e) => e.id));
        const blocking = exceptions.filter(
          (e) =>
            (e.kind === 'child' || e.kind === 'refusal') &&
            resolvedAt(
              e,
              steps.filter((s) => s.exceptionId === e.id),
            ) === null,
        );
        if (blocking.length > 0) {
          throw conflict(
            `The ${EXCEPTION_WORDS[blocking[0]!.kind]} is not resolved: record ${blocking[0]!.kind === 'child' ? 'the guardian’s arrival or the police taking over' : 'that the patron left or the police arrived'} before signing the building clear.`,
          );
        }
        const at = this.clock.now().toISOString();
        if (!this.repo.end(run.id, 'signed', at, staffId, note)) throw this.notOpen(run, branch, 'signed');
        const signed = this.run(run.id);
        this.journal.append({
          kind: 'closing.signed',
          recordId: run.id,
          actor: staffId,
          payload: {
            ...signed,
            failedItems: this.repo
              .answers(run.id)
              .filter((a) => a.failed)
              .map((a) => ({ itemId: a.itemId, note: a.note })),
            exceptions: exceptions.map((e) => ({
              id: e.id,
              kind: e.kind,
              resolvedAt: resolvedAt(
                e,
                steps.filter((s) => s.exceptionId === e.id),
              ),
            })),
          },
        });
        return signed;
      })
      .immediate();
    this.changed(run);
    return this.view(run);
  }

  abandon(runId: string, reason: string, staffId: string): ClosingRun {
    const run = this.db
      .transaction(() => {
        const run = this.run(runId);
        const branch = this.branch(run.branchId);
        if (!this.repo.end(run.id, 'abandoned', this.clock.now().toISOString(), staffId, reason)) {
          throw this.notOpen(run, branch, 'set aside');
        }
        const ended = this.run(run.id);
        this.journal.append({ kind: 'closing.abandoned', recordId: run.id, actor: staffId, payload: ended });
        return ended;
      })
      .immediate();
    this.changed(run);
    return this.view(run);
  }

  history(
    branchId: string,
    cursor: string | undefined,
    limit: number,
  ): { items: RunSummary[]; nextCursor: string | null; total: number } {
    this.branch(branchId);
    let before: { startedAt: string; id: string } | null = null;
    if (cursor) {
      const [startedAt, id] = cursor.split('|');
      if (!startedAt || !id) throw invalid('That page of the history is out of date: reload it.');
      before = { startedAt, id };
    }
    const rows = this.repo.page(branchId, before, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: this.views.summaries(page),
      nextCursor: rows.length > limit && last ? `${last.startedAt}|${last.id}` : null,
      total: this.repo.count(branchId),
    };
  }

  // ---- for reports and alerts ----

  /** A run in full, without an audit entry: the PDF export records its own. */
  runForReport(runId: string): ClosingRun {
    return this.view(this.run(runId));
  }

  runsBetween(branchId: string, from: string, to: string): ClosingRun[] {
    return this.repo.between(branchId, from, to).map((r) => this.view(r));
  }

  // ---- helpers ----

  /** Tells the desk a run changed, with its journal length: a console that already has that state skips the reload. */
  private changed(run: RunRow): void {
    this.events.emit('closing.changed', {
      branchId: run.branchId,
      runId: run.id,
      version: this.journal.refsFor(run.id).length,
    });
  }

  private view(r: RunRow): ClosingRun {
    const branch = this.branch(r.branchId);
    const version = this.templates.version(r.templateVersionId)!;
    const exceptions = this.repo.exceptions(r.id);
    return this.views.run(r, {
      branch,
      items: version.items,
      version: version.version,
      answers: this.repo.answers(r.id),
      exceptions,
      steps: this.repo.steps(exceptions.map((e) => e.id)),
    });
  }

  private items(run: RunRow): TemplateItem[] {
    return this.templates.version(run.templateVersionId)!.items;
  }

  /** What an answer means for its item: failed when it is not the answer that means all is well. */
  private evaluate(
    item: TemplateItem,
    value: AnswerValue,
    note: string,
  ): Omit<AnswerRow, 'itemId' | 'method' | 'at' | 'by' | 'incidentId'> {
    if (value.kind !== item.kind) {
      const ask = {
        check: 'a check (Space)',
        yesno: 'a yes or no (Y or N)',
        count: 'a count (digits)',
        note: 'a note',
      }[item.kind];
      throw invalid(`“${item.label}” asks for ${ask}.`, { value: 'Not the kind of answer this item asks for' });
    }
    let outcome: AnswerRow['outcome'];
    let failed: boolean;
    let count: number | null = null;
    if (value.kind === 'check') {
      outcome = value.ok ? 'done' : 'problem';
      failed = !value.ok;
    } else if (value.kind === 'yesno') {
      outcome = value.answer;
      failed = value.answer !== item.okAnswer;
    } else if (value.kind === 'count') {
      outcome = 'count';
      count = value.count;
      failed = value.count !== item.expectedCount;
    } else {
      outcome = 'noted';
      failed = false;
    }
    if (failed && item.noteOnFail && !note) {
      throw invalid(`Say what was found at “${item.label}”: a note is needed when an item fails.`, {
        note: 'Say what was found',
      });
    }
    return { outcome, count, failed, note };
  }

  private addStep(
    runId: string,
    exceptionId: string,
    step: ExceptionStep,
    at: string,
    note: string,
    staffId: string,
  ): void {
    const row = { exceptionId, step, at, recordedAt: this.clock.now().toISOString(), by: staffId, note };
    this.repo.insertStep(row);
    this.journal.append({ kind: 'closing.exceptionStep', recordId: runId, actor: staffId, payload: row });
  }

  private requireDetails(input: { kind: ExceptionKind; who: string; where: string; why: string }): void {
    const fields: Record<string, string> = {};
    if (input.kind === 'inside' && !input.who) fields.who = 'Say who is still inside';
    if (input.kind === 'inside' && !input.where) fields.where = 'Say where they are';
    if (input.kind === 'reentry' && !input.who) fields.who = 'Say who came back in';
    if (input.kind === 'reentry' && !input.why) fields.why = 'Say why they came back in';
    const first = Object.values(fields)[0];
    if (first) throw invalid(`${first}.`, fields);
  }

  /** A time someone states (when it began, when the guardian arrived): now if not given; never in the future. */
  private statedTime(at: string | undefined, now: number, field: string): string {
    if (!at) return new Date(now).toISOString();
    const t = Date.parse(at);
    if (t > now + FUTURE_TOLERANCE_MS) throw invalid('That time is in the future.', { [field]: 'In the future' });
    return new Date(t).toISOString();
  }

  private closingDate(branch: Branch, now: number): string {
    const session = lastSessionStarted(branch.hours, branch.timeZone, now, 2);
    if (session && now - session.closesAt < LATE_CLOSING_MS) return session.date;
    return localDate(now, branch.timeZone);
  }

  private assertOpen(run: RunRow, branch: Branch, verb: string): void {
    if (run.status !== 'open') throw this.notOpen(run, branch, verb);
  }

  private notOpen(run: RunRow, branch: Branch, verb: string): AppError {
    const who = run.endedBy ? (this.ports.staff.names([run.endedBy]).get(run.endedBy) ?? 'someone') : 'someone';
    const when = run.endedAt ? this.clockWords(run.endedAt, branch) : '';
    return conflict(
      run.status === 'signed'
        ? `This closing of ${branch.name} was signed “Building clear” by ${who} at ${when}: it can no longer be ${verb}. Start a new closing if the building must be checked again.`
        : `This closing of ${branch.name} was set aside by ${who} at ${when}: it can no longer be ${verb}. Start a new closing.`,
    );
  }

  private answeredAlready(item: TemplateItem, earlier: AnswerRow, branch: Branch): AppError {
    const name = this.ports.staff.names([earlier.by]).get(earlier.by) ?? 'someone';
    return conflict(
      `“${item.label}” was already answered by ${name} at ${this.clockWords(earlier.at, branch)}. Each item is answered once: go on to the next one.`,
    );
  }

  /** "21:04", in the branch's zone. */
  private clockWords(iso: string, branch: Branch): string {
    return timeWords(new Date(iso), branch.timeZone);
  }

  private run(id: string): RunRow {
    const r = this.repo.run(id);
    if (!r) throw notFound('That closing run');
    return r;
  }

  private branch(id: string): Branch {
    const b = this.ports.branches.find(id);
    if (!b) throw notFound('That branch');
    return b;
  }
}
