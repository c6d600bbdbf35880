import { uuidv7 } from '../ids';
import type { AuditEntry } from '../../shared/contract/audit';
import type { AuditQuery, AuditRepo } from './audit.repo';

export interface AuditEvent {
  staffId: string | null;
  action: AuditEntry['action'];
  subject: string;
  recordId?: string | null;
  detail?: string;
}

/**
 * The one function services call to leave an audit trace: every read of
 * patron-identifying data, every refused call, every sign-in and lock.
 */
export class AuditService {
  constructor(private readonly repo: AuditRepo) {}

  record(event: AuditEvent): void {
    this.repo.insert({
      id: uuidv7(),
      at: new Date().toISOString(),
      staffId: event.staffId,
      action: event.action,
      subject: event.subject,
      recordId: event.recordId ?? null,
      detail: (event.detail ?? '').slice(0, 1000),
    });
  }

  list(q: AuditQuery): { entries: AuditEntry[]; more: boolean } {
    const entries = this.repo.list({ ...q, limit: q.limit + 1 });
    return { entries: entries.slice(0, q.limit), more: entries.length > q.limit };
  }
}
