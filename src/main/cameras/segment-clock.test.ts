import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LookTimer, SegmentClock } from './segment-clock';

describe('SegmentClock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('answers a waiter the moment its segment is observed, and one already there at once', async () => {
    const clock = new SegmentClock();
    clock.observe(10, 1);
    await expect(clock.wait(9, 3000)).resolves.toBe(true);
    await expect(clock.wait(10, 3000)).resolves.toBe(true);
    const next = clock.wait(11, 3000);
    const after = clock.wait(12, 3000);
    expect(clock.waiting).toBe(true);
    expect(clock.observe(10, 1)).toBe(false); // the same playlist again: nobody answered
    expect(clock.observe(11, 1)).toBe(true);
    await expect(next).resolves.toBe(true);
    expect(clock.waiting).toBe(true); // 12 still waits
    clock.observe(12, 1);
    await expect(after).resolves.toBe(true);
    expect(clock.waiting).toBe(false);
  });

  it('says not ready after the timeout, at once for a segment far ahead, and to everyone on close', async () => {
    const clock = new SegmentClock();
    clock.observe(10, 1);
    const late = clock.wait(11, 3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(clock.waiting).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    await expect(late).resolves.toBe(false);
    await expect(clock.wait(13, 3000)).resolves.toBe(false); // more than two ahead
    const closing = clock.wait(12, 3000);
    clock.close();
    await expect(closing).resolves.toBe(false);
    expect(clock.waiting).toBe(false);
  });

  it('treats a lower sequence number as a restarted source', async () => {
    const clock = new SegmentClock();
    clock.observe(500, 1);
    const stale = clock.wait(501, 3000);
    expect(clock.observe(0, 1)).toBe(true);
    expect(clock.newestSequence).toBe(0);
    const first = clock.wait(1, 3000);
    clock.observe(1, 1);
    await expect(first).resolves.toBe(true);
    clock.close();
    await expect(stale).resolves.toBe(false);
  });

  it('bounds the waiters per stream', async () => {
    const clock = new SegmentClock();
    clock.observe(1, 1);
    const many = Array.from({ length: 64 }, () => clock.wait(2, 3000));
    await expect(clock.wait(2, 3000)).resolves.toBe(false);
    clock.observe(2, 1);
    await expect(Promise.all(many)).resolves.toEqual(many.map(() => true));
  });

  it('looks at the normal cadence unless someone waits, then just before the segment is due and often after', () => {
    const clock = new SegmentClock();
    expect(clock.nextLookMs(1000)).toBe(1000);
    clock.observe(1, 1); // due at +1000 ms
    expect(clock.nextLookMs(1000)).toBe(1000); // nobody waits
    void clock.wait(2, 5000);
    expect(clock.nextLookMs(1000)).toBe(900); // 100 ms ahead of the due time
    vi.setSystemTime(1_000_950);
    expect(clock.nextLookMs(1000)).toBe(50); // due: every 50 ms
    vi.setSystemTime(1_003_000);
    expect(clock.nextLookMs(1000)).toBe(1000); // two seconds late: a stalled camera is not hammered
    clock.close();
  });
});

describe('LookTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('can be brought forward but not pushed back, and replaced with in()', () => {
    const look = vi.fn();
    const t = new LookTimer(look);
    t.within(1000);
    t.within(5000); // later: ignored
    t.within(200); // sooner: wins
    vi.advanceTimersByTime(199);
    expect(look).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(look).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(look).toHaveBeenCalledTimes(1);
    t.in(100);
    t.in(300); // replaces
    vi.advanceTimersByTime(299);
    expect(look).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(look).toHaveBeenCalledTimes(2);
    t.within(10);
    t.cancel();
    expect(t.pending).toBe(false);
    vi.advanceTimersByTime(100);
    expect(look).toHaveBeenCalledTimes(2);
  });
});
