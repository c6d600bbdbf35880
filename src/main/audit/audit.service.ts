import { systemClock, type Clock } from '../clock';
import { uuidv7 } from '../ids';
import { AUDIT_EXPORT_MAX, type AuditEntry } from '../../shared/contract/audit';
import type { AuditQuery, AuditRepo } from './audit.repo';
import { RefusalAggregator, type Refusal } from './refusals';
import { ShownAudit } from './shown-audit';

export interface AuditEvent {
  staffId: string | null;
  action: AuditEntry['action'];
  subject: string;
  recordId?: string | null;
  detail?: string;
}

/**
 * The one function services call to leave an audit trace: every read of
 * patron-identifying data, every refused call, every sign-in and lock.
 */
export class AuditService {
  private readonly refusals: RefusalAggregator;
  private readonly lists: ShownAudit;

  constructor(
    private readonly repo: AuditRepo,
    private readonly clock: Clock = systemClock,
  ) {
    this.refusals = new RefusalAggregator(
      (e) => this.write(e, e.count, e.at),
      () => clock.ms(),
    );
    this.lists = new ShownAudit(this, clock);
  }

  record(event: AuditEvent): void {
    this.write(event, 1, this.clock.ms());
  }

  /**
   * A list a screen shows and reloads after every change (open calls, search results, a
   * record kept open): one entry naming the records shown, not written again for the same
   * person and the same records within a quarter hour. Nothing shown, nothing written.
   */
  shown(staffId: string, subject: string, what: string, recordIds: readonly string[]): void {
    this.lists.shown(staffId, subject, what, recordIds, true);
  }

  /** A refused call, connection or media request: repeats from one source are counted, not itemized. */
  refused(refusal: Refusal): void {
    this.refusals.refuse(refusal);
  }

  /** Writes the counted repeats now (before the database closes, and in tests). */
  flush(): void {
    this.refusals.flush();
  }

  /** A page of the log, newest first; `staffNames` names whoever the entries are about (the staff domain's port). */
  list(
    q: AuditQuery,
    staff: { names(ids: readonly string[]): Map<string, string>; idsNamed(text: string): string[] },
  ): { entries: AuditEntry[]; more: boolean } {
    const staffNamed = q.text ? staff.idsNamed(q.text) : [];
    const rows = this.repo.list({ ...q, staffNamed, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const names = staff.names(page.flatMap((e) => (e.staffId ? [e.staffId] : [])));
    return {
      entries: page.map((e) => ({ ...e, staffName: e.staffId ? (names.get(e.staffId) ?? null) : null })),
      more: rows.length > q.limit,
    };
  }

  /**
   * The log for the filters as CSV, newest first, at most AUDIT_EXPORT_MAX rows. A
   * cell that a spreadsheet would run as a formula (=, +, -, @) is quoted with a
   * leading apostrophe. The export names patron records by id, so it is audited too.
   */
  exportCsv(
    q: Omit<AuditQuery, 'limit' | 'before'>,
    staff: { names(ids: readonly string[]): Map<string, string>; idsNamed(text: string): string[] },
    actor: string,
  ): { fileName: string; csv: string; rows: number; truncated: boolean } {
    const { entries, more } = this.list({ ...q, limit: AUDIT_EXPORT_MAX }, staff);
    const cell = (v: string | number | null) => {
      let s = v === null ? '' : String(v);
      if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const lines = [['time', 'staff', 'action', 'subject', 'record', 'detail', 'count'].join(',')];
    for (const e of entries) {
      lines.push([e.at, e.staffName ?? '', e.action, e.subject, e.recordId, e.detail, e.count].map(cell).join(','));
    }
    const filters = Object.entries(q)
      .filter(([k, v]) => v !== undefined && k !== 'staffNamed')
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    this.record({
      staffId: actor,
      action: 'read',
      subject: 'audit.exportCsv',
      detail: `${entries.length} entries exported${filters ? ` (${filters})` : ''}`,
    });
    const stamp = this.clock.now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    return {
      fileName: `vigil-audit-${stamp}.csv`,
      csv: `${lines.join('\r\n')}\r\n`,
      rows: entries.length,
      truncated: more,
    };
  }

  private write(event: AuditEvent, count: number, at: number): void {
    this.repo.insert({
      id: uuidv7(),
      at: new Date(at).toISOString(),
      staffId: event.staffId,
      action: event.action,
      subject: event.subject.slice(0, 200),
      recordId: event.recordId ?? null,
      detail: (event.detail ?? '').slice(0, 1000),
      count,
    });
  }
}
