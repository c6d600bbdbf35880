import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { dayWindow, zoneOf } from '../desk-time';
import type { DomainEvents } from '../events';
import { conflict, invalid, notFound } from '../errors';
import { uuidv7 } from '../ids';
import type { Log } from '../log';
import { timeFormat } from '../reports/format';
import type { ActivityReport } from '../../shared/contract/activity';
import type { DisclosureInput } from '../../shared/contract/disclosure';
import { localDate } from '../../shared/opening-hours';
import { ALL_BRANCHES } from '../../shared/shift-words';
import type { ActivityRepo, ReportRow, SendRow } from './activity.repo';
import type { ActivityPorts } from './ports';
import { gatherReport, type ReportSpan } from './report-data';
import { renderActivityPdf } from './report-pdf';
import { reportSummary } from './report-summary';

/** No setting names the library system yet (the closing reports say the same). */
const LIBRARY_NAME = 'Public Library';

export type ReportRequest =
  { scope: 'shift'; shiftId: string } | { scope: 'day'; branchId: string | null; date: string };

/**
 * The daily activity report: made in main from every duty's records (each read through
 * its own service), kept as it was made with every try at emailing it, and sent only to
 * the recipients an administrator set. A failed send is kept with the server's answer;
 * the report stays, and can be sent again.
 */
export class ActivityService {
  /** Reports being sent now: a second press of Send waits for the first instead of mailing twice. */
  private readonly sending = new Set<string>();
  private readonly background = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly repo: ActivityRepo,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly ports: ActivityPorts,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {}

  /** Makes and keeps a report. staffId null: made by the desk itself (a shift's end). */
  async generate(request: ReportRequest, staffId: string | null): Promise<ActivityReport> {
    const span = this.span(request);
    const reader = staffId ?? (request.scope === 'shift' ? this.ports.shifts.get(request.shiftId).staff.id : '');
    const data = gatherReport(span, this.ports, reader);
    const now = this.clock.now();
    const day = timeFormat(span.timeZone).when(span.from).split(',')[0]!;
    const shift = request.scope === 'shift' ? this.ports.shifts.get(request.shiftId) : null;
    const title = shift
      ? `Shift report: ${shift.staff.name} at ${span.branchName}, ${day}`
      : `Daily activity report: ${span.branchName}, ${day}`;
    const generatedBy = staffId ? (this.ports.staff.names([staffId]).get(staffId) ?? 'unknown') : 'Vigil (shift end)';
    const pdf = await renderActivityPdf(data, { library: LIBRARY_NAME, title, generatedAt: now, generatedBy });
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const place = span.branchId ? (this.ports.branches.find(span.branchId)?.code ?? 'BRANCH') : 'ALL';
    const row: ReportRow = {
      id: uuidv7(),
      scope: span.scope,
      shiftId: span.shiftId,
      branchId: span.branchId,
      date: span.date,
      from: span.from,
      to: span.to,
      title,
      fileName:
        `${shift ? 'Shift' : 'Daily'}-activity-${place}-${span.date}${shift ? `-${shift.staff.name.split(/\s+/)[0]}` : ''}.pdf`.replace(
          /[^\w.-]+/g,
          '-',
        ),
      sha256,
      summary: reportSummary(data, title, now),
      createdAt: now.toISOString(),
      createdBy: staffId,
    };
    this.db
      .transaction(() => {
        this.repo.insert(row, pdf);
        this.journal.append({ kind: 'activity.reportMade', recordId: row.id, actor: staffId, payload: row });
      })
      .immediate();
    // The report holds what the log and the incident summaries say: making it is a read of them.
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'activity.report',
      recordId: row.id,
      detail:
        `Made “${title}”, SHA-256 ${sha256}` +
        (data.naming.length ? `; its log entries that name someone: ${data.naming.join(', ')}` : ''),
    });
    this.events.emit('activity.changed', { reportId: row.id });
    return this.view(row);
  }

  list(limit: number): ActivityReport[] {
    const rows = this.repo.latest(limit);
    const sends = this.repo.sendsOf(rows.map((r) => r.id));
    return rows.map((r) => this.view(r, sends.get(r.id)));
  }

  pdf(id: string, disclose: DisclosureInput, staffId: string): { fileName: string; pdfBase64: string; sha256: string } {
    const row = this.row(id);
    const bytes = this.repo.pdf(id)!;
    this.audit.disclosed({
      staffId,
      method: 'activity.pdf',
      subject: 'activity.report',
      recordKind: 'activity report',
      recordId: id,
      what: `“${row.title}” as PDF`,
      detail: `Opened “${row.title}” as PDF, SHA-256 ${row.sha256}`,
      disclose,
      fileName: row.fileName,
      sha256: row.sha256,
    });
    return { fileName: row.fileName, pdfBase64: bytes.toString('base64'), sha256: row.sha256 };
  }

  /** Emails a kept report to the configured recipients; whatever happens is kept as a send attempt. */
  async send(id: string, staffId: string | null): Promise<ActivityReport> {
    const row = this.row(id);
    if (this.sending.has(id)) throw conflict('This report is being sent right now: wait for the answer.');
    this.sending.add(id);
    try {
      const result = await this.ports.mail.send({
        subject: row.title,
        text: row.summary,
        attachments: [{ filename: row.fileName, content: this.repo.pdf(id)!, contentType: 'application/pdf' }],
      });
      const attempt: SendRow = {
        id: uuidv7(),
        reportId: id,
        at: this.clock.now().toISOString(),
        by: staffId,
        ...result,
      };
      this.db
        .transaction(() => {
          this.repo.insertSend(attempt);
          this.journal.append({
            kind: result.ok ? 'activity.reportSent' : 'activity.reportSendFailed',
            recordId: id,
            actor: staffId,
            payload: attempt,
          });
          // Sent to whom an administrator set, for library business: recorded as a disclosure
          // without a Disclose step (nobody at the desk chooses the recipients).
          if (result.ok) {
            const to = result.recipients.join(', ');
            this.audit.disclosed({
              staffId,
              method: 'activity.send',
              subject: 'activity.report',
              recordKind: 'activity report',
              recordId: id,
              what: `“${row.title}” emailed`,
              detail: `Emailed “${row.title}”, SHA-256 ${row.sha256}`,
              disclose: {
                basis: 'library-administration',
                recipient: to.length > 200 ? `${to.slice(0, 199)}…` : to,
                purpose: 'The activity report emailed to the recipients an administrator set',
                caseNumber: '',
                caseNumberGiven: false,
              },
              fileName: row.fileName,
              sha256: row.sha256,
            });
          }
        })
        .immediate();
      this.events.emit('activity.changed', { reportId: id });
      return this.view(row);
    } finally {
      this.sending.delete(id);
    }
  }

  /** At a shift's end, when an administrator asked for it: the shift's report, made and sent. Never throws. */
  sendAtShiftEnd(shiftId: string): Promise<void> {
    const work = this.makeAndSend(shiftId).finally(() => this.background.delete(work));
    this.background.add(work);
    return work;
  }

  /** Resolves once every report sent at a shift's end has its answer (tests; a closing desk). */
  async whenIdle(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  private async makeAndSend(shiftId: string): Promise<void> {
    try {
      const mail = this.ports.mail.status();
      if (!mail.autoSendAtShiftEnd || !mail.configured) return;
      const report = await this.generate({ scope: 'shift', shiftId }, null);
      await this.send(report.id, null);
    } catch (e) {
      this.log('the shift’s report could not be made or sent at its end', e);
    }
  }

  // ---- helpers ----

  private span(request: ReportRequest): ReportSpan {
    if (request.scope === 'shift') {
      const shift = this.ports.shifts.get(request.shiftId);
      const timeZone = zoneOf(shift.branchId, this.ports.branches);
      return {
        scope: 'shift',
        shiftId: shift.id,
        branchId: shift.branchId,
        branchName: shift.branchName,
        timeZone,
        date: localDate(Date.parse(shift.startedAt), timeZone),
        from: shift.startedAt,
        to: shift.endedAt ?? this.clock.now().toISOString(),
      };
    }
    const { branchId, date } = request;
    const branch = branchId ? this.ports.branches.find(branchId) : undefined;
    if (branchId && !branch) throw invalid('Choose a branch.', { branchId: 'Choose a branch' });
    const timeZone = zoneOf(branchId, this.ports.branches);
    if (date > localDate(this.clock.ms(), timeZone)) {
      throw invalid('That day has not come yet: choose today or an earlier day.', { date: 'A day still to come' });
    }
    return {
      scope: 'day',
      shiftId: null,
      branchId,
      branchName: branch?.name ?? ALL_BRANCHES,
      timeZone,
      date,
      ...dayWindow(date, timeZone),
    };
  }

  private row(id: string): ReportRow {
    const row = this.repo.get(id);
    if (!row) throw notFound('That report');
    return row;
  }

  private view(row: ReportRow, sends = this.repo.sendsOf([row.id]).get(row.id) ?? []): ActivityReport {
    const staffIds = [row.createdBy, ...sends.map((s) => s.by)].filter((x): x is string => x !== null);
    const names = this.ports.staff.names([...new Set(staffIds)]);
    const who = (id: string | null) => (id ? { id, name: names.get(id) ?? '(unknown)' } : null);
    return {
      id: row.id,
      scope: row.scope,
      shiftId: row.shiftId,
      branchId: row.branchId,
      branchName: row.branchId ? (this.ports.branches.find(row.branchId)?.name ?? '(removed branch)') : ALL_BRANCHES,
      date: row.date,
      from: row.from,
      to: row.to,
      title: row.title,
      fileName: row.fileName,
      sha256: row.sha256,
      createdAt: row.createdAt,
      createdBy: who(row.createdBy),
      summary: row.summary,
      sends: sends.map((s) => ({
        id: s.id,
        at: s.at,
        by: who(s.by),
        recipients: s.recipients,
        ok: s.ok,
        failure: s.failure,
        message: s.message,
        serverAnswer: s.serverAnswer,
      })),
    };
  }
}
