import type { HandlerTable } from '../rpc/handler';
import type { RoundsReports } from './rounds-reports';
import type { RoundsStatus } from './rounds-status';
import type { RoundsService } from './rounds.service';
import type { RoutesService } from './routes.service';

type RoundsMethods =
  | 'rounds.overview'
  | 'rounds.routes'
  | 'rounds.saveRoute'
  | 'rounds.setRouteRetired'
  | 'rounds.start'
  | 'rounds.get'
  | 'rounds.visit'
  | 'rounds.skip'
  | 'rounds.observe'
  | 'rounds.linkIncident'
  | 'rounds.end'
  | 'rounds.history'
  | 'rounds.exportPdf';

export const roundsHandlers = (
  rounds: RoundsService,
  routes: RoutesService,
  status: RoundsStatus,
  reports: RoundsReports,
): HandlerTable<RoundsMethods> => ({
  'rounds.overview': () => status.overview(),
  'rounds.routes': ({ branchId }) => routes.list(branchId),
  'rounds.saveRoute': (input, ctx) => routes.save(input, ctx.staffId),
  'rounds.setRouteRetired': ({ routeId, retired }, ctx) => routes.setRetired(routeId, retired, ctx.staffId),
  'rounds.start': ({ routeId }, ctx) => rounds.start(routeId, ctx.staffId),
  'rounds.get': ({ roundId }, ctx) => rounds.get(roundId, ctx.staffId),
  'rounds.visit': ({ roundId, checkpointId, method }, ctx) => rounds.visit(roundId, checkpointId, method, ctx.staffId),
  'rounds.skip': ({ roundId, checkpointId, reason }, ctx) => rounds.skip(roundId, checkpointId, reason, ctx.staffId),
  'rounds.observe': ({ roundId, checkpointId, text }, ctx) => rounds.observe(roundId, checkpointId, text, ctx.staffId),
  'rounds.linkIncident': ({ roundId, observationId, incidentId }, ctx) =>
    rounds.linkIncident(roundId, observationId, incidentId, ctx.staffId),
  'rounds.end': ({ roundId, note, skipRemainingReason }, ctx) =>
    rounds.end(roundId, note, skipRemainingReason, ctx.staffId),
  'rounds.history': ({ branchId, from, to, staffId }) => status.history(branchId, from, to, staffId),
  'rounds.exportPdf': ({ branchId, from, to, staffId, disclose }, ctx) =>
    reports.history(branchId, from, to, staffId, disclose, ctx.staffId),
});
