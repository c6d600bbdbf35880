import type { Kernel } from '../kernel';
import { EvidenceService, type ChooseFolder } from './evidence.service';
import { IncidentPdfService, type IncidentPdfPorts } from './incident-pdf.service';
import { reportsHandlers } from './reports.handlers';

/**
 * Documents made in main (PDF) and evidence exports, so both shells hand out the same
 * files; each export is an audited read.
 */
export function createReports(k: Kernel, ports: IncidentPdfPorts, opts: { chooseFolder: ChooseFolder | null }) {
  const incidentPdf = new IncidentPdfService(k.audit, ports, k.clock);
  const evidence = new EvidenceService(incidentPdf, ports, k.audit, k.clock, k.dataDir, opts.chooseFolder);
  return { incidentPdf, evidence, handlers: reportsHandlers(incidentPdf, evidence) };
}
