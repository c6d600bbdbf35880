import type { HandlerTable } from '../rpc/handler';
import type { StaffService } from '../staff/staff.service';
import type { AuditService } from './audit.service';

export const auditHandlers = (
  audit: AuditService,
  staff: StaffService,
): HandlerTable<'audit.list' | 'audit.exportCsv'> => ({
  'audit.list': (input) => audit.list(input, staff),
  'audit.exportCsv': (input, ctx) => audit.exportCsv(input, staff, ctx.staffId),
});
