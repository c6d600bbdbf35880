import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/connection';
import { tempDir } from '../../../test/helpers/temp-dir';
import { ManualClock } from '../clock';
import { AppError } from '../errors';
import { LOCKOUT_MS, MAX_ATTEMPTS, SignInGuard, WINDOW_MS, whenLockEnds } from './sign-in-guard';
import { SignInGuardRepo } from './sign-in-guard.repo';

let db: Db | undefined;
let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => {
  db?.close();
  dir?.remove();
});

function guard() {
  dir = tempDir();
  db = openDatabase(dir.path);
  const clock = new ManualClock();
  return { g: new SignInGuard(new SignInGuardRepo(db), clock), clock };
}

const refusal = (until: string) => `locked until ${until}`;

describe('SignInGuard', () => {
  it('reserves before the check: the fifth reservation locks, the sixth is refused while all five are pending', () => {
    const { g } = guard();
    const held = Array.from({ length: MAX_ATTEMPTS }, () => g.reserve('signIn:ada', refusal));
    expect(held.map((r) => r.locked)).toEqual([false, false, false, false, true]);
    expect(() => g.reserve('signIn:ada', refusal)).toThrow(AppError);
    // Another bucket is untouched.
    expect(() => g.reserve('unlock:someone', refusal)).not.toThrow();
  });

  it('a success releases only its own reservation, and the lock only when it made it', () => {
    const { g } = guard();
    const first = g.reserve('signIn:ada', refusal);
    for (let i = 0; i < 3; i++) g.reserve('signIn:ada', refusal);
    const fifth = g.reserve('signIn:ada', refusal);
    expect(g.lockedUntil('signIn:ada')).not.toBeNull();
    // The first attempt succeeds: the lock made by the fifth stays.
    g.release(first);
    expect(g.lockedUntil('signIn:ada')).not.toBeNull();
    g.release(fifth);
    expect(g.lockedUntil('signIn:ada')).toBeNull();
    // Three failures still count: two more reservations lock again.
    g.reserve('signIn:ada', refusal);
    expect(g.reserve('signIn:ada', refusal).locked).toBe(true);
  });

  it('forgets attempts after the window, and a lock ends after LOCKOUT_MS, never later', () => {
    const { g, clock } = guard();
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) g.reserve('signIn:ada', refusal);
    clock.advance(WINDOW_MS);
    expect(g.reserve('signIn:ada', refusal).locked).toBe(false);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) g.reserve('signIn:ada', refusal);
    const until = g.lockedUntil('signIn:ada')!;
    expect(Date.parse(until)).toBe(clock.ms() + LOCKOUT_MS);
    // Attempts refused while locked do not extend it.
    clock.advance(LOCKOUT_MS - 1000);
    expect(() => g.reserve('signIn:ada', refusal)).toThrow(/locked until/);
    expect(g.lockedUntil('signIn:ada')).toBe(until);
    clock.advance(1000);
    expect(g.lockedUntil('signIn:ada')).toBeNull();
    expect(g.reserve('signIn:ada', refusal).locked).toBe(false);
  });

  it('clears a bucket on an administrator’s word', () => {
    const { g } = guard();
    for (let i = 0; i < MAX_ATTEMPTS; i++) g.reserve('signIn:ada', refusal);
    g.clear('signIn:ada');
    expect(g.lockedUntil('signIn:ada')).toBeNull();
    expect(g.reserve('signIn:ada', refusal).locked).toBe(false);
  });

  it('says when a lock ends in minutes and as a clock time', () => {
    const now = Date.parse('2026-11-30T19:42:10Z');
    expect(whenLockEnds('2026-11-30T19:47:10Z', now)).toMatch(/^in 5 minutes, at \d\d:47$/);
    expect(whenLockEnds('2026-11-30T19:42:40Z', now)).toMatch(/^in 1 minute, at/);
  });
});
