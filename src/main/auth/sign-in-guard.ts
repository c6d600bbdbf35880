import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { SignInGuardRepo } from './sign-in-guard.repo';

/** Guesses checked per bucket per window; the fifth locks the bucket until the window's lock ends. */
export const MAX_ATTEMPTS = 5;
export const WINDOW_MS = 5 * 60_000;
export const LOCKOUT_MS = 5 * 60_000;

/** What a reservation remembers, so that a success releases exactly its own attempt. */
export interface Reservation {
  bucket: string;
  windowStart: string;
  /** This attempt was the one that locked the bucket. */
  locked: boolean;
}

/** A username's sign-ins (known or not, so a lockout does not tell who exists). */
export const signInBucket = (username: string) => `signIn:${username.trim().toLowerCase()}`;
/** One signed-in person's unlocks of their own console: strangers' sign-in failures never touch it. */
export const unlockBucket = (staffId: string) => `unlock:${staffId}`;

/**
 * Brute-force protection that holds however the attempts arrive. An attempt is
 * counted (reserved) before its passphrase is checked, in one synchronous step, so
 * that 40 guesses sent at once over many sockets still get at most MAX_ATTEMPTS
 * checks per window: main runs calls on one thread, and nothing awaits between
 * reading and writing the count. A success releases only its own reservation.
 *
 * Every bucket, an administrator's included, is locked for LOCKOUT_MS at most and
 * never longer: no escalation. That keeps the desk usable when someone keeps
 * guessing an administrator's name; an administrator can clear any lockout in
 * Settings → Staff, and a locked console's own unlock is a separate bucket.
 */
export class SignInGuard {
  constructor(
    private readonly repo: SignInGuardRepo,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt before it is checked, or refuses it while the bucket is locked. */
  reserve(bucket: string, refusal: (until: string) => string): Reservation {
    const t = this.clock.ms();
    const row = this.repo.get(bucket);
    if (row?.lockedUntil && Date.parse(row.lockedUntil) > t) {
      throw new AppError('FORBIDDEN', refusal(row.lockedUntil));
    }
    const fresh = !row || row.lockedUntil !== null || t - Date.parse(row.windowStart) >= WINDOW_MS;
    const windowStart = fresh ? new Date(t).toISOString() : row.windowStart;
    const attempts = (fresh ? 0 : row.attempts) + 1;
    const locked = attempts >= MAX_ATTEMPTS;
    this.repo.put(bucket, {
      windowStart,
      attempts,
      lockedUntil: locked ? new Date(t + LOCKOUT_MS).toISOString() : null,
    });
    return { bucket, windowStart, locked };
  }

  /** The attempt succeeded: only its own count is given back (and the lock, if it made it). */
  release(r: Reservation): void {
    const row = this.repo.get(r.bucket);
    if (!row || row.windowStart !== r.windowStart) return;
    const attempts = Math.max(0, row.attempts - 1);
    const lockedUntil = r.locked && attempts < MAX_ATTEMPTS ? null : row.lockedUntil;
    this.repo.put(r.bucket, { ...row, attempts, lockedUntil });
  }

  /** When the bucket's lock ends, or null when it is not locked now. */
  lockedUntil(bucket: string): string | null {
    const until = this.repo.get(bucket)?.lockedUntil ?? null;
    return until && Date.parse(until) > this.clock.ms() ? until : null;
  }

  /** An administrator's decision (or a new passphrase): the bucket starts again from nothing. */
  clear(bucket: string): void {
    this.repo.delete(bucket);
  }
}

/** "in 4 minutes, at 19:47": when a lock ends, in the desk's own clock. */
export function whenLockEnds(until: string, now: number): string {
  const minutes = Math.max(1, Math.ceil((Date.parse(until) - now) / 60_000));
  const at = new Date(until).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `in ${minutes} minute${minutes === 1 ? '' : 's'}, at ${at}`;
}
