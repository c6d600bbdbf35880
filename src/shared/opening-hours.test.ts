import { describe, expect, it } from 'vitest';
import {
  hoursOn,
  lastSessionStarted,
  localDate,
  nextSession,
  sessionAt,
  sessionsBetween,
  weekdayOf,
  zonedInstant,
  type OpeningHoursRecord,
} from './opening-hours';

const TZ = 'America/Chicago';
const HOURS: OpeningHoursRecord = {
  weekly: [
    ...[1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, opens: '09:00', closes: '20:00' })),
    { weekday: 7, opens: '13:00', closes: '17:00' },
  ],
  special: [
    { date: '2026-12-24', opens: '09:00', closes: '15:00', note: 'Christmas Eve' },
    { date: '2026-12-25', opens: null, closes: null, note: 'Christmas Day' },
  ],
};
const at = (iso: string) => Date.parse(iso);

describe('opening hours in the branch’s time zone', () => {
  it('turns a local time into the instant, standard and daylight time alike', () => {
    expect(new Date(zonedInstant('2026-11-30', '20:00', TZ)).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(new Date(zonedInstant('2026-07-01', '20:00', TZ)).toISOString()).toBe('2026-07-02T01:00:00.000Z');
    // The Sunday clocks go forward (8 March 2026) and back (1 November 2026).
    expect(new Date(zonedInstant('2026-03-08', '13:00', TZ)).toISOString()).toBe('2026-03-08T18:00:00.000Z');
    expect(new Date(zonedInstant('2026-11-01', '17:00', TZ)).toISOString()).toBe('2026-11-01T23:00:00.000Z');
    expect(new Date(zonedInstant('2026-11-01', '01:30', TZ)).toISOString()).toBe('2026-11-01T06:30:00.000Z');
  });

  it('reads the local date and weekday at an instant', () => {
    expect(localDate(at('2026-12-01T02:30:00Z'), TZ)).toBe('2026-11-30');
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
  });

  it('takes a special day over its weekday: shorter hours, or closed', () => {
    expect(hoursOn(HOURS, '2026-12-24')).toEqual({ opens: '09:00', closes: '15:00', special: 'Christmas Eve' });
    expect(hoursOn(HOURS, '2026-12-25')).toBeNull();
    expect(hoursOn(HOURS, '2026-12-26')).toEqual({ opens: '09:00', closes: '20:00', special: null });
  });

  it('knows whether the branch is open, the session it is in, the last and the next', () => {
    expect(sessionAt(HOURS, TZ, at('2026-11-30T19:00:00Z'))?.date).toBe('2026-11-30'); // 13:00 Monday
    expect(sessionAt(HOURS, TZ, at('2026-12-01T02:00:00Z'))).toBeNull(); // 20:00 sharp: closed
    expect(sessionAt(HOURS, TZ, at('2026-12-25T18:00:00Z'))).toBeNull(); // Christmas Day
    const last = lastSessionStarted(HOURS, TZ, at('2026-12-25T18:00:00Z'));
    expect(last).toMatchObject({ date: '2026-12-24', special: 'Christmas Eve', closesAt: at('2026-12-24T21:00:00Z') });
    expect(nextSession(HOURS, TZ, at('2026-12-25T18:00:00Z'))).toMatchObject({ date: '2026-12-26' });
    const week = sessionsBetween(HOURS, TZ, at('2026-12-21T06:00:00Z'), at('2026-12-28T06:00:00Z'));
    expect(week.map((s) => s.date)).toEqual([
      '2026-12-21',
      '2026-12-22',
      '2026-12-23',
      '2026-12-24',
      '2026-12-26',
      '2026-12-27',
    ]);
  });
});
