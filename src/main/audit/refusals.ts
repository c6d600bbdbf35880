import type { AuditEvent } from './audit.service';

/** One refusal: who tried (a console, a connection kind), what, and why in a word. */
export interface Refusal {
  /** Groups repeats: a session id, 'web shell connection', 'media'. Never written to the log. */
  source: string;
  /** The reason's kind, without variable parts ("foreign origin", not the origin itself). */
  reason: string;
  staffId: string | null;
  subject: string;
  /** Said on the first row of a window; the repeats are counted under it. */
  detail: string;
}

export const REFUSAL_WINDOW_MS = 60_000;
/** Itemized refusals per window across all sources; beyond it, one row counts the rest. */
export const ITEMIZED_PER_WINDOW = 60;

interface Open {
  first: Refusal;
  repeats: number;
  lastAt: number;
}

/**
 * Keeps the audit log readable and bounded under a flood of refused calls or
 * connections: the first refusal of a source and reason in a window is written at
 * once; its repeats become one row with their count when the window closes; past
 * ITEMIZED_PER_WINDOW distinct ones, everything else in the window is one row. So a
 * window adds at most 2 × ITEMIZED_PER_WINDOW + 1 rows, however many arrive.
 */
export class RefusalAggregator {
  private open = new Map<string, Open>();
  private windowStart: number;
  private overflow = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly write: (event: AuditEvent & { count: number; at: number }) => void,
    private readonly now: () => number,
  ) {
    this.windowStart = now();
  }

  refuse(r: Refusal): void {
    const t = this.now();
    if (t - this.windowStart >= REFUSAL_WINDOW_MS) this.flush();
    const key = `${r.source}\u0000${r.subject}\u0000${r.reason}`;
    const seen = this.open.get(key);
    if (seen) {
      seen.repeats++;
      seen.lastAt = t;
    } else if (this.open.size < ITEMIZED_PER_WINDOW) {
      this.open.set(key, { first: r, repeats: 0, lastAt: t });
      this.write({ ...this.event(r, r.detail), count: 1, at: t });
    } else {
      this.overflow++;
    }
    this.timer ??= setTimeout(() => this.flush(), REFUSAL_WINDOW_MS).unref();
  }

  /** Writes the window's counted repeats and starts a new window (also on close). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const t = this.now();
    const since = new Date(this.windowStart).toISOString();
    for (const { first, repeats, lastAt } of this.open.values()) {
      if (repeats === 0) continue;
      const detail = `${first.detail} (again ${repeats} time${repeats === 1 ? '' : 's'} since ${since})`;
      this.write({ ...this.event(first, detail), count: repeats, at: lastAt });
    }
    if (this.overflow > 0) {
      this.write({
        staffId: null,
        action: 'refused',
        subject: 'many sources',
        detail: `${this.overflow} more refusals since ${since}, not itemized: too many at once`,
        count: this.overflow,
        at: t,
      });
    }
    this.open = new Map();
    this.overflow = 0;
    this.windowStart = t;
  }

  private event(r: Refusal, detail: string): AuditEvent {
    return { staffId: r.staffId, action: 'refused', subject: r.subject, detail };
  }
}
