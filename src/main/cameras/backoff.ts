/**
 * Capped exponential backoff for reconnects. The cap is what bounds how long a
 * camera that came back waits before it is tried again: with 4 s, a returning
 * camera is Live again well within the 10 s the desk expects.
 */
export interface BackoffLimits {
  baseMs: number;
  capMs: number;
}

export class Backoff {
  private failures = 0;
  private readonly baseMs: number;
  private readonly capMs: number;

  constructor(limits: BackoffLimits = { baseMs: 500, capMs: 4000 }) {
    this.baseMs = limits.baseMs;
    this.capMs = limits.capMs;
  }

  /** The delay before the next attempt, growing with each failure in a row. */
  next(): number {
    const delay = Math.min(this.capMs, this.baseMs * 2 ** this.failures);
    this.failures = Math.min(this.failures + 1, 30);
    return delay;
  }

  reset(): void {
    this.failures = 0;
  }
}
