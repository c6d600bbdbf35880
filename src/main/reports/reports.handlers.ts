import type { HandlerTable } from '../rpc/handler';
import type { EvidenceService } from './evidence.service';
import type { IncidentPdfService } from './incident-pdf.service';

type ReportMethods = 'incidents.exportPdf' | 'evidence.plan' | 'evidence.chooseFolder' | 'evidence.export';

export const reportsHandlers = (
  incidentPdf: IncidentPdfService,
  evidence: EvidenceService,
): HandlerTable<ReportMethods> => ({
  'incidents.exportPdf': ({ id, disclose }, ctx) => incidentPdf.export(id, disclose, ctx.staffId),
  'evidence.plan': ({ incidentId }, ctx) => evidence.plan(incidentId, ctx.staffId),
  'evidence.chooseFolder': () => evidence.chooseFolder(),
  'evidence.export': ({ incidentId, disclose, folder }, ctx) =>
    evidence.export(incidentId, disclose, folder, ctx.staffId),
});
