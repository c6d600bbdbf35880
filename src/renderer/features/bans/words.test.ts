import { describe, expect, it } from 'vitest';
import type { BanSummary } from '../../../shared/contract';
import { endWords } from './BanList';
import { dayWords, deadlineWords } from './format';
import { banTone, banWord, privilegesWords, stepLabel } from './words';
import { standingTone } from './StatusWords';

const NOW = new Date('2026-11-30T15:00:00Z');

const ban = (patch: Partial<BanSummary>): BanSummary => ({
  id: 'b',
  number: 'BAN-2026-0001',
  personId: 'p',
  personName: 'Wendell Osgood',
  branchId: 'x',
  issuedAt: '2026-11-30T09:00:00.000Z',
  status: 'active',
  statusWords: 'Banned from Main Library until Wed 30 Dec',
  step: { kind: 'days', days: 30 },
  allBranches: false,
  branchIds: ['x'],
  privileges: ['building'],
  startsAt: '2026-11-30T09:00:00.000Z',
  endsAt: '2026-12-30T00:00:00.000Z',
  meetingRequired: false,
  ...patch,
});

describe('deadlineWords', () => {
  it('reads a midnight deadline as the end of the day before it', () => {
    expect(deadlineWords('2026-12-11T00:00:00.000Z', 'UTC', NOW)).toBe('the end of Thu 10 Dec');
  });

  it('reads the midnight in the branch’s own calendar', () => {
    // 06:00 UTC is midnight in Chicago (CST).
    expect(deadlineWords('2026-12-11T06:00:00.000Z', 'America/Chicago', NOW)).toBe('the end of Thu 10 Dec');
  });

  it('gives any other time as it is, with the year when it is not this one', () => {
    expect(deadlineWords('2027-01-04T17:30:00.000Z', 'UTC', NOW)).toBe('Mon 4 Jan 2027, 17:30');
    expect(dayWords('2026-12-30T00:00:00.000Z', 'UTC', NOW)).toBe('Wed 30 Dec');
  });
});

describe('ban words', () => {
  it('says "Banned" only when the building is suspended, and colours by it', () => {
    expect(banWord(ban({}))).toBe('Banned');
    expect(banTone(ban({}))).toBe('danger');
    expect(banWord(ban({ privileges: ['computers'] }))).toBe('Services suspended');
    expect(banTone(ban({ privileges: ['computers'] }))).toBe('warn');
    expect(banWord(ban({ status: 'awaitingReinstatement' }))).toBe('Meeting required');
  });

  it('gives the end a row shows, by status', () => {
    expect(endWords(ban({}), 'UTC', NOW)).toBe('until Wed 30 Dec');
    expect(endWords(ban({ status: 'awaitingReinstatement', endsAt: '2026-11-20T00:00:00.000Z' }), 'UTC', NOW)).toBe(
      'ended Fri 20 Nov, meeting first',
    );
    expect(endWords(ban({ step: { kind: 'indefinite' }, endsAt: null }), 'UTC', NOW)).toBe('indefinite');
    expect(endWords(ban({ step: { kind: 'warning' }, endsAt: null, status: 'warning' }), 'UTC', NOW)).toBe(
      'warning only',
    );
  });

  it('colours a person’s standing by the ban it speaks of', () => {
    expect(standingTone(undefined)).toBe('ok');
    expect(standingTone(ban({}))).toBe('danger');
    expect(standingTone(ban({ status: 'awaitingReinstatement' }))).toBe('warn');
    expect(standingTone(ban({ status: 'pendingApproval' }))).toBe('info');
  });

  it('names steps and privileges as main does', () => {
    expect(stepLabel({ kind: 'days', days: 90 })).toBe('3 months');
    expect(stepLabel({ kind: 'days', days: 730 })).toBe('2 years');
    expect(stepLabel({ kind: 'day' })).toBe('Asked to leave for the day');
    expect(privilegesWords(['building', 'computers'])).toBe('Building and grounds, computers');
  });
});
