import { createHash } from 'node:crypto';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { DisclosureInput } from '../../shared/contract/disclosure';
import { notFound } from '../errors';
import { renderRoundsPdf } from '../reports/rounds-pdf';
import type { RoundsPorts } from './ports';
import type { RoundsStatus } from './rounds-status';

const LIBRARY_NAME = 'Public Library';

/** The rounds history as a printable PDF, made in main; an export is recorded in the audit log. */
export class RoundsReports {
  constructor(
    private readonly status: RoundsStatus,
    private readonly audit: AuditService,
    private readonly ports: RoundsPorts,
    private readonly clock: Clock,
  ) {}

  async history(
    branchId: string,
    from: string,
    to: string,
    personId: string | null,
    disclose: DisclosureInput,
    staffId: string,
  ) {
    const branch = this.ports.branches.find(branchId);
    if (!branch) throw notFound('That branch');
    const history = this.status.history(branchId, from, to, personId);
    const names = this.ports.staff.names([staffId, ...(personId ? [personId] : [])]);
    const bytes = await renderRoundsPdf(history, {
      library: LIBRARY_NAME,
      branchName: branch.name,
      branchAddress: branch.address,
      timeZone: branch.timeZone,
      personName: personId ? (names.get(personId) ?? '(unknown)') : null,
      generatedAt: this.clock.now(),
      generatedBy: names.get(staffId) ?? 'unknown',
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const who = personId ? `-${(names.get(personId) ?? 'person').replace(/[^A-Za-z0-9]+/g, '-')}` : '';
    const fileName = `Rounds-${branch.code}${who}-${from}-to-${to}.pdf`;
    const what = `The rounds of ${branch.name}${personId ? ` by ${names.get(personId) ?? personId}` : ''}, ${from} to ${to}, as PDF`;
    this.audit.disclosed({
      staffId,
      method: 'rounds.exportPdf',
      subject: 'rounds.pdf',
      recordKind: 'branch',
      recordId: branchId,
      what,
      detail: `Exported t${what.slice(1)}, SHA-256 ${sha256}`,
      disclose,
      fileName,
      sha256,
    });
    return { fileName, pdfBase64: bytes.toString('base64'), sha256 };
  }
}
