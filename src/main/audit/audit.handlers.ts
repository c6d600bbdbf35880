import type { HandlerTable } from '../rpc/handler';
import type { AuditService } from './audit.service';

export const auditHandlers = (audit: AuditService): HandlerTable<'audit.list'> => ({
  'audit.list': (input) => audit.list(input),
});
