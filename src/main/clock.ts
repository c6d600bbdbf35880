/**
 * Main's one clock (DESIGN.md §9): every rule that depends on the time asks it,
 * never Date.now(), so tests (and the web shell's test clock) can move time.
 */
export interface Clock {
  now(): Date;
  /** Milliseconds since the epoch. */
  ms(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  ms: () => Date.now(),
};

/** A clock that stands still until told: for tests. */
export class ManualClock implements Clock {
  constructor(private t: number = Date.parse('2026-11-30T19:00:00Z')) {}

  now(): Date {
    return new Date(this.t);
  }

  ms(): number {
    return this.t;
  }

  set(at: Date | string | number): void {
    this.t = at instanceof Date ? at.getTime() : typeof at === 'string' ? Date.parse(at) : at;
  }

  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * The web shell's test clock (`--test-clock`): the real time plus an offset that
 * only a test moves, so time goes on ticking between the moves as it does at a desk.
 */
export class ShiftedClock implements Clock {
  private offset = 0;

  now(): Date {
    return new Date(this.ms());
  }

  ms(): number {
    return Date.now() + this.offset;
  }

  set(at: Date): void {
    this.offset = at.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}
