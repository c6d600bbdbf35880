import { describe, expect, it } from 'vitest';
import { formatAgo, formatClock, formatClockSeconds, formatDateTime, formatDay } from './time';

describe('formatClock', () => {
  it('shows 24-hour time with leading zeros', () => {
    expect(formatClock(new Date('2026-11-28T19:42:10Z'), 'UTC')).toBe('19:42');
    expect(formatClock(new Date('2026-11-28T00:05:00Z'), 'UTC')).toBe('00:05');
  });

  it('reads the wall clock of the given time zone', () => {
    // 01:42 UTC on 29 Nov is 19:42 on 28 Nov in Chicago (CST, UTC-6).
    expect(formatClock(new Date('2026-11-29T01:42:00Z'), 'America/Chicago')).toBe('19:42');
  });

  it('follows daylight saving time', () => {
    // 1 Jul: Chicago is on CDT, UTC-5.
    expect(formatClock(new Date('2026-07-01T00:30:00Z'), 'America/Chicago')).toBe('19:30');
  });
});

describe('formatClockSeconds', () => {
  it('adds the seconds a camera frame needs', () => {
    expect(formatClockSeconds(new Date('2026-11-29T01:42:07Z'), 'America/Chicago')).toBe('19:42:07');
    expect(formatClockSeconds(new Date('2026-11-28T00:00:00Z'), 'UTC')).toBe('00:00:00');
  });
});

describe('formatDay', () => {
  it('shows weekday, day and short month', () => {
    expect(formatDay(new Date('2026-11-28T12:00:00Z'), 'UTC')).toBe('Sat 28 Nov');
    expect(formatDay(new Date('2026-09-07T12:00:00Z'), 'UTC')).toBe('Mon 7 Sep');
  });

  it('uses the date of the given time zone', () => {
    expect(formatDay(new Date('2026-11-29T01:42:00Z'), 'America/Chicago')).toBe('Sat 28 Nov');
    expect(formatDay(new Date('2026-11-29T01:42:00Z'), 'UTC')).toBe('Sun 29 Nov');
  });
});

describe('formatDateTime', () => {
  const now = new Date('2026-11-28T20:00:00Z');

  it('leaves out the current year', () => {
    expect(formatDateTime(new Date('2026-11-28T19:42:00Z'), { timeZone: 'UTC', now })).toBe('Sat 28 Nov, 19:42');
  });

  it('adds the year when it differs', () => {
    expect(formatDateTime(new Date('2025-11-28T19:42:00Z'), { timeZone: 'UTC', now })).toBe('Fri 28 Nov 2025, 19:42');
  });
});

describe('formatAgo', () => {
  const now = new Date('2026-11-28T20:00:00Z');
  it('counts minutes, hours and days', () => {
    expect(formatAgo(new Date('2026-11-28T19:59:40Z'), now)).toBe('just now');
    expect(formatAgo(new Date('2026-11-28T19:57:00Z'), now)).toBe('3 min ago');
    expect(formatAgo(new Date('2026-11-28T17:00:00Z'), now)).toBe('3 h ago');
    expect(formatAgo(new Date('2026-11-27T19:00:00Z'), now)).toBe('1 day ago');
    expect(formatAgo(new Date('2026-11-20T19:00:00Z'), now)).toBe('8 days ago');
  });
});
