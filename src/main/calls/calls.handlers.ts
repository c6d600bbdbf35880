import type { HandlerTable } from '../rpc/handler';
import type { CallsService } from './calls.service';

type CallMethods =
  | 'calls.create'
  | 'calls.step'
  | 'calls.correctStep'
  | 'calls.correctDetails'
  | 'calls.recordAgency'
  | 'calls.reportIncident'
  | 'calls.open'
  | 'calls.get'
  | 'calls.forIncident'
  | 'calls.search'
  | 'calls.figures'
  | 'calls.staff'
  | 'calls.alertSettings'
  | 'calls.updateAlertSettings';

export const callsHandlers = (calls: CallsService): HandlerTable<CallMethods> => ({
  'calls.create': (input, ctx) => calls.create(input, ctx.staffId),
  'calls.step': ({ id, ...step }, ctx) => calls.step(id, step, ctx.staffId),
  'calls.correctStep': ({ id, ...correction }, ctx) => calls.correctStep(id, correction, ctx.staffId),
  'calls.correctDetails': ({ id, revision, reason, ...details }, ctx) =>
    calls.correctDetails(id, revision, details, reason, ctx.staffId),
  'calls.recordAgency': ({ id, ...agency }, ctx) => calls.recordAgency(id, agency, ctx.staffId),
  'calls.reportIncident': ({ id }, ctx) => calls.reportIncident(id, ctx.staffId),
  'calls.open': (_, ctx) => calls.open(ctx.staffId),
  'calls.get': ({ id }, ctx) => calls.get(id, ctx.staffId),
  'calls.forIncident': ({ incidentId }, ctx) => calls.forIncident(incidentId, ctx.staffId),
  'calls.search': (filters, ctx) => calls.search(filters, ctx.staffId),
  'calls.figures': (range) => calls.figures(range),
  'calls.staff': () => calls.activeStaff(),
  'calls.alertSettings': () => calls.alertSettings(),
  'calls.updateAlertSettings': (settings, ctx) => calls.updateAlertSettings(settings, ctx.staffId),
});
