import type { HandlerTable } from '../rpc/handler';
import type { BranchesService } from './branches.service';

type BranchMethods =
  | 'branches.list'
  | 'branches.add'
  | 'branches.update'
  | 'branches.setRetired'
  | 'zones.add'
  | 'zones.update'
  | 'zones.setRetired';

export const branchesHandlers = (branches: BranchesService): HandlerTable<BranchMethods> => ({
  'branches.list': () => branches.list(),
  'branches.add': (input, ctx) => branches.add(input, ctx.staffId),
  'branches.update': ({ id, ...fields }, ctx) => branches.update(id, fields, ctx.staffId),
  'branches.setRetired': (input, ctx) => branches.setRetired(input.id, input.retired, ctx.staffId),
  'zones.add': ({ branchId, ...fields }, ctx) => branches.addZone(branchId, fields, ctx.staffId),
  'zones.update': ({ id, ...fields }, ctx) => branches.updateZone(id, fields, ctx.staffId),
  'zones.setRetired': (input, ctx) => branches.setZoneRetired(input.id, input.retired, ctx.staffId),
});
