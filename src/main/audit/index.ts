import { AuditPurgeRepo } from './audit.purge.repo';
import type { Kernel } from '../kernel';
import type { StaffService } from '../staff/staff.service';
import { auditHandlers } from './audit.handlers';

/** The audit log's reader (admins); the writer, AuditService, is in the kernel for every domain. */
export function createAuditLog(k: Kernel, ports: { staff: StaffService }) {
  return { handlers: auditHandlers(k.audit, ports.staff), purge: new AuditPurgeRepo(k.db) };
}
