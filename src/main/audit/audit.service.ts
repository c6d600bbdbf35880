import { uuidv7 } from '../ids';
import type { AuditEntry } from '../../shared/contract/audit';
import type { AuditQuery, AuditRepo } from './audit.repo';
import { RefusalAggregator, type Refusal } from './refusals';

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
  private readonly refusals: RefusalAggregator;

  constructor(
    private readonly repo: AuditRepo,
    private readonly now: () => number = Date.now,
  ) {
    this.refusals = new RefusalAggregator((e) => this.write(e, e.count, e.at), now);
  }

  record(event: AuditEvent): void {
    this.write(event, 1, this.now());
  }

  /** A refused call, connection or media request: repeats from one source are counted, not itemized. */
  refused(refusal: Refusal): void {
    this.refusals.refuse(refusal);
  }

  /** Writes the counted repeats now (before the database closes, and in tests). */
  flush(): void {
    this.refusals.flush();
  }

  list(q: AuditQuery): { entries: AuditEntry[]; more: boolean } {
    const entries = this.repo.list({ ...q, limit: q.limit + 1 });
    return { entries: entries.slice(0, q.limit), more: entries.length > q.limit };
  }

  private write(event: AuditEvent, count: number, at: number): void {
    this.repo.insert({
      id: uuidv7(),
      at: new Date(at).toISOString(),
      staffId: event.staffId,
      action: event.action,
      subject: event.subject.slice(0, 200),
      recordId: event.recordId ?? null,
      detail: (event.detail ?? '').slice(0, 1000),
      count,
    });
  }
}
