import { describe, expect, it } from 'vitest';
import { walkSession } from './schedule';

const MIN = 60_000;
/** A session 09:00–20:00 on a plain clock of minutes, so the arithmetic reads like a timetable. */
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) * MIN;
};
const SESSION = { opensAt: at('09:00'), closesAt: at('20:00') };
const HOURLY = { intervalMs: 60 * MIN, firstAfterMs: 30 * MIN, graceMs: 15 * MIN };
const clock = (ms: number) =>
  `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String((ms / MIN) % 60).padStart(2, '0')}`;
const stateAt = (now: string, starts: string[] = [], since = 0) => {
  const w = walkSession(SESSION, HOURLY, starts.map(at), at(now), since);
  const s = w.now;
  return `${s.state}${'dueAt' in s ? ` ${clock(s.dueAt)}` : ''}${s.state === 'overdue' ? ` since ${clock(s.overdueSince)}` : ''}; missed ${w.missed.map(clock).join(',') || 'none'}`;
};

describe('rounds due and overdue across opening and closing', () => {
  it('waits for the first round after opening, then is due, then overdue past the grace', () => {
    expect(stateAt('09:10')).toBe('waiting 09:30; missed none');
    expect(stateAt('09:30')).toBe('due 09:30; missed none');
    expect(stateAt('09:45')).toBe('due 09:30; missed none');
    expect(stateAt('09:46')).toBe('overdue 09:30 since 09:45; missed 09:30');
    // Overdue stays on the first due time until a round starts; the missed intervals keep counting.
    expect(stateAt('11:00')).toBe('overdue 09:30 since 09:45; missed 09:30,10:30');
  });

  it('counts the next interval from when a round started, early or late', () => {
    expect(stateAt('10:00', ['09:20'])).toBe('waiting 10:20; missed none');
    expect(stateAt('10:50', ['09:44'])).toBe('due 10:44; missed none');
    // A late round: each due time whose grace ran out before it is a missed interval.
    expect(stateAt('12:00', ['10:50'])).toBe('due 11:50; missed 09:30,10:30');
    expect(stateAt('11:30', ['10:40'])).toBe('waiting 11:40; missed 09:30');
  });

  it('asks nothing once closing comes, and misses nothing the branch closed before the grace ran out', () => {
    const day = ['09:30', '10:30', '11:30', '12:30', '13:30', '14:30', '15:30', '16:30', '17:30'];
    expect(stateAt('19:30', [...day, '19:05'])).toBe('done; missed 18:30');
    expect(stateAt('19:55', [...day, '18:40'])).toBe('due 19:40; missed none');
    expect(stateAt('19:56', [...day, '18:40'])).toBe('overdue 19:40 since 19:55; missed 19:40');
    expect(stateAt('20:30', [...day, '18:30', '18:50'])).toBe('done; missed none');
    // The whole day without a round: every hourly due time whose grace ran out before 20:00.
    expect(walkSession(SESSION, HOURLY, [], at('23:00')).missed.map(clock)).toEqual([
      '09:30',
      '10:30',
      '11:30',
      '12:30',
      '13:30',
      '14:30',
      '15:30',
      '16:30',
      '17:30',
      '18:30',
      '19:30',
    ]);
  });

  it('starts the schedule when a route is made mid-day, not at opening', () => {
    expect(stateAt('15:10', [], at('15:00'))).toBe('waiting 15:30; missed none');
  });
});
