import type { HandlerTable } from '../rpc/handler';
import type { StaffService } from './staff.service';

type StaffMethods = 'staff.list' | 'staff.add' | 'staff.setRole' | 'staff.resetPassphrase' | 'staff.setActive';

export const staffHandlers = (staff: StaffService): HandlerTable<StaffMethods> => ({
  'staff.list': () => staff.list(),
  'staff.add': (input, ctx) => staff.add(input, ctx.staffId),
  'staff.setRole': (input, ctx) => staff.setRole(input.id, input.role, ctx.staffId),
  'staff.resetPassphrase': (input, ctx) => staff.resetPassphrase(input.id, input.passphrase, ctx.staffId),
  'staff.setActive': (input, ctx) => staff.setActive(input.id, input.active, ctx.staffId),
});
