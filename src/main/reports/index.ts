import type { Kernel } from '../kernel';
import { IncidentPdfService, type IncidentPdfPorts } from './incident-pdf.service';
import { reportsHandlers } from './reports.handlers';

/** Documents made in main (PDF), so both shells hand out the same file; each export is an audited read. */
export function createReports(k: Kernel, ports: IncidentPdfPorts) {
  const incidentPdf = new IncidentPdfService(k.audit, ports, k.clock);
  return { incidentPdf, handlers: reportsHandlers(incidentPdf) };
}
