import { describe, expect, it } from 'vitest';
import { formatWhen } from './localTime';

describe('formatWhen', () => {
  const now = new Date('2026-11-30T20:00:00Z');
  it('reads a time this year without the year', () => {
    expect(formatWhen('2026-11-29T01:42:00Z', 'America/Chicago', now)).toBe('19:42, Sat 28 Nov');
  });

  it('adds the year to a time of another year, so an old report is not read as this year’s', () => {
    expect(formatWhen('2024-11-30T14:54:00Z', 'UTC', now)).toBe('14:54, Sat 30 Nov 2024');
  });
});
