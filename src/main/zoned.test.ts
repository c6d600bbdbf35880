import { describe, expect, it } from 'vitest';
import { atWallClock, dayWords, localDate, midnightAfter, timeWords } from './zoned';

describe('calendar days at a branch', () => {
  const tz = 'America/Chicago';
  it('reads the branch’s day, not the machine’s', () => {
    const lateEvening = new Date('2026-12-02T04:30:00Z'); // 22:30 on 1 Dec in Chicago
    expect(localDate(lateEvening, tz)).toBe('2026-12-01');
    expect(dayWords(lateEvening, tz)).toBe('Tue 1 Dec');
    expect(timeWords(lateEvening, tz)).toBe('22:30');
  });
  it('finds midnight N days on, across a DST change', () => {
    expect(midnightAfter(new Date('2026-12-02T04:30:00Z'), 7, tz).toISOString()).toBe('2026-12-08T06:00:00.000Z');
    // 2027-03-14 is the spring change in Chicago: midnight before it is CST, after it CDT.
    expect(midnightAfter(new Date('2027-03-13T18:00:00Z'), 2, tz).toISOString()).toBe('2027-03-15T05:00:00.000Z');
    expect(atWallClock('2026-07-04', '21:00', tz).toISOString()).toBe('2026-07-05T02:00:00.000Z');
  });
  it('names the year only when it is not this year', () => {
    expect(dayWords(new Date('2027-01-09T18:00:00Z'), tz, new Date('2026-12-01T18:00:00Z'))).toBe('Sat 9 Jan 2027');
  });
});
