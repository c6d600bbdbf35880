import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';

/** How long one person's read of one record counts as the same read. */
const WINDOW_MS = 15 * 60_000;
const MAX_REMEMBERED = 2_000;

/**
 * Audited reads of records a screen keeps open and reloads after every change (a call's
 * detail, an evacuation's screen): one audit entry per person and record per quarter
 * hour, so the log says who read what without a row for every refresh.
 */
export class ReadAudit {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  read(staffId: string, subject: string, recordId: string, detail: string): void {
    const now = this.clock.ms();
    const key = `${staffId}:${subject}:${recordId}`;
    const seen = this.last.get(key);
    if (seen !== undefined && now - seen < WINDOW_MS && now >= seen) return;
    if (this.last.size >= MAX_REMEMBERED) {
      for (const [k, at] of this.last) if (now - at >= WINDOW_MS || at > now) this.last.delete(k);
      if (this.last.size >= MAX_REMEMBERED) this.last.clear();
    }
    this.last.set(key, now);
    this.audit.record({ staffId, action: 'read', subject, recordId, detail });
  }
}
