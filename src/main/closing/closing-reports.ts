import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { DisclosureInput } from '../../shared/contract/disclosure';
import { invalid, notFound } from '../errors';
import { renderClosingRangePdf, renderClosingRunPdf, type ClosingPdfContext } from '../reports/closing-pdf';
import type { Branch } from '../../shared/contract/branches';
import { addDays, sessionOn } from '../../shared/opening-hours';
import type { ClosingService } from './closing.service';
import type { ClosingPorts } from './ports';

/** No setting names the library system yet; the branch's name and address follow it on the page. */
const LIBRARY_NAME = 'Public Library';
/** A history report covers at most this many days: a year and a little. */
const MAX_RANGE_DAYS = 400;

export interface Pdf {
  fileName: string;
  pdfBase64: string;
  sha256: string;
}

/**
 * Closing reports as PDF, made in main so both shells hand out the same file. An
 * export is an audited read: exceptions can describe a child or a patron.
 */
export class ClosingReports {
  constructor(
    private readonly closing: ClosingService,
    private readonly audit: AuditService,
    private readonly ports: ClosingPorts,
    private readonly clock: Clock,
  ) {}

  async run(runId: string, disclose: DisclosureInput, staffId: string): Promise<Pdf> {
    const run = this.closing.runForReport(runId);
    const branch = this.branch(run.branchId);
    const bytes = await renderClosingRunPdf(run, this.context(branch, staffId));
    return this.done(
      bytes,
      `Closing-${branch.code}-${run.closingDate}.pdf`,
      { staffId, disclose, recordKind: 'closing run', recordId: runId },
      `The closing of ${branch.name} on ${run.closingDate} as PDF`,
    );
  }

  async range(branchId: string, from: string, to: string, disclose: DisclosureInput, staffId: string): Promise<Pdf> {
    const branch = this.branch(branchId);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days > MAX_RANGE_DAYS) {
      throw invalid(`Choose at most ${MAX_RANGE_DAYS} days: export a longer span as several reports.`, {
        to: 'Too long a span',
      });
    }
    const runs = this.closing.runsBetween(branchId, from, to);
    const signedDates = new Set(runs.filter((r) => r.status === 'signed').map((r) => r.closingDate));
    const now = this.clock.ms();
    let nightsOpen = 0;
    const nightsUnsigned: string[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const session = sessionOn(branch.hours, date, branch.timeZone);
      if (!session || session.closesAt > now) continue;
      nightsOpen++;
      if (!signedDates.has(date)) nightsUnsigned.push(date);
    }
    const bytes = await renderClosingRangePdf(
      runs,
      { from, to, nightsOpen, nightsUnsigned },
      this.context(branch, staffId),
    );
    return this.done(
      bytes,
      `Closing-history-${branch.code}-${from}-to-${to}.pdf`,
      { staffId, disclose, recordKind: 'branch', recordId: branchId },
      `The closing history of ${branch.name}, ${from} to ${to}, as PDF`,
    );
  }

  private context(branch: Branch, staffId: string): ClosingPdfContext {
    return {
      library: LIBRARY_NAME,
      branchName: branch.name,
      branchAddress: branch.address,
      timeZone: branch.timeZone,
      generatedAt: this.clock.now(),
      generatedBy: this.ports.staff.names([staffId]).get(staffId) ?? 'unknown',
    };
  }

  private done(
    bytes: Buffer,
    fileName: string,
    by: { staffId: string; disclose: DisclosureInput; recordKind: string; recordId: string },
    what: string,
  ): Pdf {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.audit.disclosed({
      ...by,
      method: 'closing.exportPdf',
      subject: 'closing.pdf',
      what,
      detail: `Exported ${what.charAt(0).toLowerCase()}${what.slice(1)}, SHA-256 ${sha256}`,
      fileName,
      sha256,
    });
    return { fileName, pdfBase64: bytes.toString('base64'), sha256 };
  }

  private branch(id: string): Branch {
    const b = this.ports.branches.find(id);
    if (!b) throw notFound('That branch');
    return b;
  }
}
