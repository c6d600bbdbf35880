import type { HandlerTable } from '../rpc/handler';
import type { IncidentPdfService } from './incident-pdf.service';

export const reportsHandlers = (incidentPdf: IncidentPdfService): HandlerTable<'incidents.exportPdf'> => ({
  'incidents.exportPdf': ({ id }, ctx) => incidentPdf.export(id, ctx.staffId),
});
