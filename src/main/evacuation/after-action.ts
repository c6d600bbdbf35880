import { createHash } from 'node:crypto';
import type { DisclosureInput } from '../../shared/contract/disclosure';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import { renderAfterActionPdf } from './after-action-pdf';
import type { EvacuationService } from './evacuation.service';
import type { EvacuationPorts } from './ports';

/** No setting names the library system yet (as on incident reports); the branch follows it on the page. */
const LIBRARY_NAME = 'Public Library';
/** Drills listed for the trend. */
const DRILLS_SHOWN = 12;

/** The after-action report of an evacuation or drill as a PDF, made in main; the export is an audited read. */
export class AfterActionReports {
  constructor(
    private readonly evacuations: EvacuationService,
    private readonly audit: AuditService,
    private readonly ports: EvacuationPorts,
    private readonly clock: Clock,
  ) {}

  async export(
    id: string,
    disclose: DisclosureInput,
    staffId: string,
  ): Promise<{ fileName: string; pdfBase64: string; sha256: string }> {
    const record = this.evacuations.load(id);
    const drills = this.evacuations
      .list(record.branch.id, 500)
      .filter((e) => e.drill)
      .slice(0, DRILLS_SHOWN);
    const entry = this.evacuations.lastJournalEntry(id);
    const generatedAt = this.clock.now();
    const bytes = await renderAfterActionPdf({
      record,
      library: LIBRARY_NAME,
      branchAddress: this.ports.branches.find(record.branch.id)?.address ?? '',
      drills,
      journal: entry && { kind: entry.kind, at: entry.at, hash: entry.hash },
      generatedAt,
      generatedBy: this.ports.staff.names([staffId]).get(staffId) ?? 'unknown',
    });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const day = record.startedAt.slice(0, 10);
    const fileName = `After-action-${record.drill ? 'drill' : 'evacuation'}-${record.branch.code}-${day}.pdf`;
    this.audit.disclosed({
      staffId,
      method: 'evacuations.exportPdf',
      subject: 'evacuation.pdf',
      recordKind: 'evacuation',
      recordId: id,
      what: `After-action report of the ${record.drill ? 'drill' : 'evacuation'} at ${record.branch.name} on ${day}`,
      detail: `Exported the after-action report of ${record.startedAt} at ${record.branch.name} as PDF, SHA-256 ${sha256}`,
      disclose,
      fileName,
      sha256,
    });
    return { fileName, pdfBase64: bytes.toString('base64'), sha256 };
  }
}
