import type { HandlerTable } from '../rpc/handler';
import type { BranchesService } from './branches.service';

type BranchMethods =
  | 'branches.list'
  | 'branches.add'
  | 'branches.update'
  | 'branches.setRetired'
  | 'branches.setWeeklyHours'
  | 'branches.setSpecialDay'
  | 'branches.removeSpecialDay'
  | 'zones.add'
  | 'zones.update'
  | 'zones.setRetired';

export const branchesHandlers = (branches: BranchesService): HandlerTable<BranchMethods> => ({
  'branches.list': () => branches.list(),
  'branches.add': (input, ctx) => branches.add(input, ctx.staffId),
  'branches.update': ({ id, ...fields }, ctx) => branches.update(id, fields, ctx.staffId),
  'branches.setRetired': (input, ctx) => branches.setRetired(input.id, input.retired, ctx.staffId),
  'branches.setWeeklyHours': ({ branchId, weekly }, ctx) => branches.setWeeklyHours(branchId, weekly, ctx.staffId),
  'branches.setSpecialDay': ({ branchId, date, closed, opens, closes, note }, ctx) =>
    branches.setSpecialDay(
      branchId,
      closed ? { date, opens: null, closes: null, note } : { date, opens, closes, note },
      ctx.staffId,
    ),
  'branches.removeSpecialDay': ({ branchId, date }, ctx) => branches.removeSpecialDay(branchId, date, ctx.staffId),
  'zones.add': ({ branchId, ...fields }, ctx) => branches.addZone(branchId, fields, ctx.staffId),
  'zones.update': ({ id, ...fields }, ctx) => branches.updateZone(id, fields, ctx.staffId),
  'zones.setRetired': (input, ctx) => branches.setZoneRetired(input.id, input.retired, ctx.staffId),
});
