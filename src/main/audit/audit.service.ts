import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import { uuidv7 } from '../ids';
import { AUDIT_EXPORT_MAX, type AuditEntry } from '../../shared/contract/audit';
import { DISCLOSURE_BASIS_WORDS, DisclosureInput, type DisclosureEntry } from '../../shared/contract/disclosure';
import type { AuditQuery, AuditRepo } from './audit.repo';
import type { DisclosureQuery, DisclosuresRepo } from './disclosures.repo';
import { csvText } from './csv';
import { RefusalAggregator, type Refusal } from './refusals';
import { ShownAudit } from './shown-audit';

export interface AuditEvent {
  staffId: string | null;
  action: AuditEntry['action'];
  subject: string;
  recordId?: string | null;
  detail?: string;
}

/** An export of patron records: its audit entry, and what the Disclose step said. */
export interface DisclosedEvent {
  /** null: the desk itself (the daily report emailed at a shift's end). */
  staffId: string | null;
  /** The contract method that made the export. */
  method: string;
  /** The audit entry's subject (the record kind read: 'incident.pdf', 'ban.notice'…). */
  subject: string;
  recordKind: string;
  recordId: string | null;
  /** What left, in words, for the disclosure log: "Report R-2026-0012 as PDF". */
  what: string;
  /** The audit entry's detail (hashes, counts). */
  detail: string;
  disclose: DisclosureInput;
  fileName?: string;
  sha256?: string;
}

type StaffNames = { names(ids: readonly string[]): Map<string, string>; idsNamed(text: string): string[] };

/**
 * The one function services call to leave an audit trace: every read of
 * patron-identifying data, every refused call, every sign-in and lock.
 */
export class AuditService {
  private readonly refusals: RefusalAggregator;
  private readonly lists: ShownAudit;

  constructor(
    private readonly repo: AuditRepo,
    private readonly disclosuresRepo: DisclosuresRepo,
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
   * An export of patron records (Wis. Stat. 43.30): the read's audit entry, carrying the
   * stated purpose, and the disclosure (who, to whom, why, under which basis, the file)
   * written together in one transaction. The disclosure is parsed again here, so a
   * service called without a valid one (or from a script) writes nothing and refuses.
   */
  disclosed(event: DisclosedEvent): void {
    const d = DisclosureInput.parse(event.disclose);
    const at = new Date(this.clock.ms()).toISOString();
    const auditId = uuidv7();
    const basis = DISCLOSURE_BASIS_WORDS[d.basis].label;
    this.repo.transaction(() => {
      this.repo.insert({
        id: auditId,
        at,
        staffId: event.staffId,
        action: 'read',
        subject: event.subject.slice(0, 200),
        recordId: event.recordId,
        detail: (
          `${event.detail}. Disclosed to ${d.recipient} under ${basis}` + (d.caseNumber ? `, case ${d.caseNumber}` : '')
        ).slice(0, 1000),
        purpose: d.purpose,
        count: 1,
      });
      this.disclosuresRepo.insert({
        id: uuidv7(),
        at,
        staffId: event.staffId,
        method: event.method,
        what: event.what.slice(0, 300),
        recordKind: event.recordKind,
        recordId: event.recordId,
        recipient: d.recipient,
        purpose: d.purpose,
        basis: d.basis,
        caseNumber: d.caseNumber,
        fileName: event.fileName ?? '',
        sha256: event.sha256 ?? '',
        auditId,
      });
    });
  }

  /** A page of the disclosure log, newest first, each with the name of who disclosed. */
  disclosures(q: DisclosureQuery, staff: StaffNames): { entries: DisclosureEntry[]; more: boolean } {
    const rows = this.disclosuresRepo.list({ ...q, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const names = staff.names(page.flatMap((e) => (e.staffId ? [e.staffId] : [])));
    return {
      entries: page.map((e) => ({ ...e, staffName: e.staffId ? (names.get(e.staffId) ?? null) : null })),
      more: rows.length > q.limit,
    };
  }

  /**
   * The disclosure log for the filters as CSV (formula-safe, like the audit log's). The
   * file names patrons' records and recipients, so it is itself a disclosure.
   */
  exportDisclosures(
    q: Omit<DisclosureQuery, 'limit' | 'before'>,
    disclose: DisclosureInput,
    staff: StaffNames,
    actor: string,
  ): { fileName: string; csv: string; rows: number; truncated: boolean } {
    DisclosureInput.parse(disclose);
    const { entries, more } = this.disclosures({ ...q, limit: AUDIT_EXPORT_MAX }, staff);
    const rows: (string | number | null)[][] = [
      ['time', 'staff', 'what', 'record', 'recipient', 'purpose', 'basis', 'case number', 'file', 'sha256', 'method'],
    ];
    for (const e of entries) {
      rows.push([
        e.at,
        e.staffName ?? (e.staffId ? '' : 'the desk'),
        e.what,
        e.recordId,
        e.recipient,
        e.purpose,
        DISCLOSURE_BASIS_WORDS[e.basis].label,
        e.caseNumber,
        e.fileName,
        e.sha256,
        e.method,
      ]);
    }
    const stamp = this.clock.now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    const fileName = `vigil-disclosures-${stamp}.csv`;
    const csv = csvText(rows);
    this.disclosed({
      staffId: actor,
      method: 'audit.exportDisclosures',
      subject: 'audit.exportDisclosures',
      recordKind: 'disclosure log',
      recordId: null,
      what: `The disclosure log as CSV (${entries.length} disclosures${filterWords(q)})`,
      detail: `${entries.length} disclosures exported${filterWords(q)}`,
      disclose,
      fileName,
      sha256: createHash('sha256').update(csv).digest('hex'),
    });
    return { fileName, csv, rows: entries.length, truncated: more };
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
  list(q: AuditQuery, staff: StaffNames): { entries: AuditEntry[]; more: boolean } {
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
    disclose: DisclosureInput,
    staff: StaffNames,
    actor: string,
  ): { fileName: string; csv: string; rows: number; truncated: boolean } {
    DisclosureInput.parse(disclose);
    const { entries, more } = this.list({ ...q, limit: AUDIT_EXPORT_MAX }, staff);
    const rows: (string | number | null)[][] = [
      ['time', 'staff', 'action', 'subject', 'record', 'detail', 'purpose', 'count'],
    ];
    for (const e of entries) {
      rows.push([e.at, e.staffName ?? '', e.action, e.subject, e.recordId, e.detail, e.purpose, e.count]);
    }
    const stamp = this.clock.now().toISOString().slice(0, 16).replace(/[:T]/g, '-');
    const fileName = `vigil-audit-${stamp}.csv`;
    const csv = csvText(rows);
    this.disclosed({
      staffId: actor,
      method: 'audit.exportCsv',
      subject: 'audit.exportCsv',
      recordKind: 'audit log',
      recordId: null,
      what: `The audit log as CSV (${entries.length} entries${filterWords(q)})`,
      detail: `${entries.length} entries exported${filterWords(q)}`,
      disclose,
      fileName,
      sha256: createHash('sha256').update(csv).digest('hex'),
    });
    return { fileName, csv, rows: entries.length, truncated: more };
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
      purpose: '',
      count,
    });
  }
}

/** The filters an export was made with, for its entry: " (from=…, basis=…)". */
function filterWords(q: object): string {
  const words = Object.entries(q)
    .filter(([k, v]) => v !== undefined && v !== '' && k !== 'staffNamed')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
  return words ? ` (${words})` : '';
}
