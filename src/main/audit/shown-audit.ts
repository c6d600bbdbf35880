import { createHash } from 'node:crypto';
import type { AuditEvent } from './audit.service';
import type { Clock } from '../clock';

/** How long the same person seeing the same named entries counts as the same read. */
const WINDOW_MS = 15 * 60_000;
const MAX_REMEMBERED = 2_000;

/**
 * Audited reads of the shift log: a screen that shows entries naming someone (a caller,
 * a person on file) leaves one audit entry listing them. The log reloads after every
 * change at any desk, so the same person seeing the same entries again within a quarter
 * hour is not written twice; a new named entry makes a new set, and a new row.
 */
export class ShownAudit {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly audit: { record(event: AuditEvent): void },
    private readonly clock: Clock,
  ) {}

  shown(staffId: string, subject: string, what: string, entryIds: readonly string[], plain = false): void {
    if (entryIds.length === 0) return;
    const now = this.clock.ms();
    const set = [...entryIds].sort();
    const key = `${staffId}:${subject}:${createHash('sha256').update(set.join(',')).digest('hex')}`;
    const seen = this.last.get(key);
    if (seen !== undefined && now >= seen && now - seen < WINDOW_MS) return;
    if (this.last.size >= MAX_REMEMBERED) {
      for (const [k, at] of this.last) if (now - at >= WINDOW_MS || at > now) this.last.delete(k);
      if (this.last.size >= MAX_REMEMBERED) this.last.clear();
    }
    this.last.set(key, now);
    this.audit.record({
      staffId,
      action: 'read',
      subject,
      recordId: set.length === 1 ? set[0]! : null,
      detail: plain
        ? `${what}: ${set.join(', ')}`
        : `${what}: ${set.length} ${set.length === 1 ? 'entry names' : 'entries name'} someone (${set.join(', ')})`,
    });
  }
}
