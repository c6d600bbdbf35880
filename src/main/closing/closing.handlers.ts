import type { HandlerTable } from '../rpc/handler';
import type { ClosingService } from './closing.service';
import type { ClosingReports } from './closing-reports';
import type { TemplatesService } from './templates.service';

type ClosingMethods =
  | 'closing.overview'
  | 'closing.template'
  | 'closing.templateHistory'
  | 'closing.defaultTemplate'
  | 'closing.saveTemplate'
  | 'closing.savePolicy'
  | 'closing.start'
  | 'closing.get'
  | 'closing.answer'
  | 'closing.openException'
  | 'closing.recordStep'
  | 'closing.linkIncident'
  | 'closing.sign'
  | 'closing.abandon'
  | 'closing.history'
  | 'closing.exportPdf';

export const closingHandlers = (
  closing: ClosingService,
  templates: TemplatesService,
  reports: ClosingReports,
): HandlerTable<ClosingMethods> => ({
  'closing.overview': () => closing.overview(),
  'closing.template': ({ branchId }) => templates.current(branchId),
  'closing.templateHistory': ({ branchId }) => templates.history(branchId),
  'closing.defaultTemplate': ({ branchId }) => templates.defaultFor(branchId),
  'closing.saveTemplate': ({ branchId, items }, ctx) => templates.save(branchId, items, ctx.staffId),
  'closing.savePolicy': ({ branchId, ...policy }, ctx) => templates.savePolicy(branchId, policy, ctx.staffId),
  'closing.start': ({ branchId }, ctx) => closing.start(branchId, ctx.staffId),
  'closing.get': ({ runId }, ctx) => closing.get(runId, ctx.staffId),
  'closing.answer': (input, ctx) => closing.answer(input, ctx.staffId),
  'closing.openException': (input, ctx) => closing.openException(input, ctx.staffId),
  'closing.recordStep': (input, ctx) => closing.recordStep(input, ctx.staffId),
  'closing.linkIncident': (input, ctx) => closing.linkIncident(input, ctx.staffId),
  'closing.sign': ({ runId, note }, ctx) => closing.sign(runId, note, ctx.staffId),
  'closing.abandon': ({ runId, reason }, ctx) => closing.abandon(runId, reason, ctx.staffId),
  'closing.history': ({ branchId, cursor, limit }) => closing.history(branchId, cursor, limit),
  'closing.exportPdf': (input, ctx) =>
    input.runId
      ? reports.run(input.runId, input.disclose, ctx.staffId)
      : reports.range(input.branchId!, input.from!, input.to!, input.disclose, ctx.staffId),
});
