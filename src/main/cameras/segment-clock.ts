/** How long before a segment is due the supervisor starts looking for it. */
const LEAD_MS = 100;
/** How often it looks while someone waits and the segment is due. */
const FAST_MS = 50;
/** Past this, the segment is late, not just due: back to the normal cadence (a stalled camera is not hammered). */
const OVERDUE_MS = 2_000;
/** Waiters per stream; a console has a few tiles on a stream, never hundreds. */
const MAX_WAITERS = 64;

interface Waiter {
  msn: number;
  resolve(ready: boolean): void;
  timer: NodeJS.Timeout;
}

/**
 * The main-side half of LL-HLS blocking playlist reload (RFC 8216bis §6.2.5.2):
 * knows a stream's newest media sequence number, when the next segment is due,
 * and who waits for it. A waiter is answered the moment a look at the playlist
 * finds its segment, so a tile learns of a new segment within ~50 ms of it
 * appearing instead of at its player's next scheduled reload (up to a target
 * duration later). The renderer waits through the contract (cameras.awaitSegment),
 * not by holding an HTTP request open: a browser opens at most six connections
 * per host, and sixteen tiles each holding one would queue every segment behind them.
 */
export class SegmentClock {
  private newest = -1;
  private dueAt: number | null = null;
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The newest media sequence number seen, -1 before any. */
  get newestSequence(): number {
    return this.newest;
  }

  get waiting(): boolean {
    return this.waiters.size > 0;
  }

  /**
   * A look at the playlist found `sequence` as its newest segment, `durationS`
   * long. Returns whether it is new. A number lower than before is a restarted
   * source numbering afresh, and counts as new.
   */
  observe(sequence: number, durationS: number | null): boolean {
    if (sequence === this.newest) return false;
    this.newest = sequence;
    // The next segment lands about one segment after this one was found.
    this.dueAt = durationS !== null && durationS > 0 ? this.now() + durationS * 1000 : null;
    for (const w of this.waiters) if (w.msn <= sequence) this.settle(w, true);
    return true;
  }

  /**
   * Resolves true once segment `msn` is in the playlist, false after timeoutMs or
   * at once when msn is more than two segments ahead (the spec's 400: a player
   * asking that far ahead is confused, and holding it would only delay it).
   */
  wait(msn: number, timeoutMs: number): Promise<boolean> {
    if (msn <= this.newest) return Promise.resolve(true);
    if (this.newest >= 0 && msn > this.newest + 2) return Promise.resolve(false);
    if (this.waiters.size >= MAX_WAITERS) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = { msn, resolve, timer: setTimeout(() => this.settle(waiter, false), timeoutMs) };
      this.waiters.add(waiter);
    });
  }

  /**
   * Milliseconds until the next look at the playlist: the normal cadence when
   * nobody waits; otherwise just before the next segment is due, then every
   * 50 ms until it appears or is clearly late.
   */
  nextLookMs(normalMs: number): number {
    if (this.waiters.size === 0 || this.dueAt === null) return normalMs;
    const until = this.dueAt - LEAD_MS - this.now();
    if (until > 0) return Math.min(normalMs, until);
    return -until > OVERDUE_MS ? normalMs : FAST_MS;
  }

  /** Answers every waiter "not ready": the stream stopped. */
  close(): void {
    for (const w of this.waiters) this.settle(w, false);
  }

  private settle(w: Waiter, ready: boolean): void {
    if (!this.waiters.delete(w)) return;
    clearTimeout(w.timer);
    w.resolve(ready);
  }
}

/** A one-shot timer that can be brought forward but never pushed back. */
export class LookTimer {
  private timer: NodeJS.Timeout | null = null;
  private at = Infinity;

  constructor(private readonly look: () => void) {}

  /** Looks in `ms`, or sooner if a look is already due sooner. */
  within(ms: number): void {
    const at = Date.now() + ms;
    if (this.timer && at >= this.at) return;
    this.cancel();
    this.at = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.at = Infinity;
      this.look();
    }, ms);
  }

  /** Looks in exactly `ms`, replacing any look already planned. */
  in(ms: number): void {
    this.cancel();
    this.within(ms);
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.at = Infinity;
  }
}
