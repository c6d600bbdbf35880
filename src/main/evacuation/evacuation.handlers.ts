import type { HandlerTable } from '../rpc/handler';
import type { AfterActionReports } from './after-action';
import type { EvacuationService } from './evacuation.service';

type EvacuationMethods =
  | 'evacuations.running'
  | 'evacuations.start'
  | 'evacuations.record'
  | 'evacuations.allClear'
  | 'evacuations.get'
  | 'evacuations.list'
  | 'evacuations.exportPdf'
  | 'evacuations.plans'
  | 'evacuations.savePlan';

export const evacuationHandlers = (
  evacuations: EvacuationService,
  reports: AfterActionReports,
): HandlerTable<EvacuationMethods> => ({
  'evacuations.running': () => evacuations.running(),
  'evacuations.start': ({ branchId, kind, description }, ctx) =>
    evacuations.start(branchId, kind, description, ctx.staffId),
  'evacuations.record': ({ id, entry }, ctx) => evacuations.record(id, entry, ctx.staffId),
  'evacuations.allClear': ({ id, givenBy, confirmUnswept }, ctx) =>
    evacuations.allClear(id, givenBy, confirmUnswept, ctx.staffId),
  'evacuations.get': ({ id }, ctx) => evacuations.get(id, ctx.staffId),
  'evacuations.list': ({ branchId, limit }) => evacuations.list(branchId, limit),
  'evacuations.exportPdf': ({ id, disclose }, ctx) => reports.export(id, disclose, ctx.staffId),
  'evacuations.plans': () => evacuations.plans.list(),
  'evacuations.savePlan': (input, ctx) => evacuations.plans.save(input, ctx.staffId),
});
