import { describe, expect, it } from 'vitest';
import { ageOn, ageWords, guessMinor, splitAliases } from './personWords';

const NOW = new Date('2026-11-30T12:00:00Z');

describe('minor or adult', () => {
  it('counts whole years from the birth date', () => {
    expect(ageOn('2008-11-30', NOW)).toBe(18);
    expect(ageOn('2008-12-01', NOW)).toBe(17);
    expect(guessMinor('2008-12-01', '', NOW)).toBe(true);
  });

  it('reads a number or a word in the age estimate when there is no birth date', () => {
    expect(guessMinor(null, 'about 15', NOW)).toBe(true);
    expect(guessMinor(null, '40s', NOW)).toBe(false);
    expect(guessMinor(null, 'teen', NOW)).toBe(true);
    expect(guessMinor(null, '', NOW)).toBeNull();
  });

  it('says it in words', () => {
    expect(ageWords({ birthDate: '2012-05-06', minor: true, ageEstimate: '' }, NOW)).toBe('Minor (14)');
    expect(ageWords({ birthDate: null, minor: null, ageEstimate: 'old' }, NOW)).toBe('Not known (looks old)');
  });
});

describe('splitAliases', () => {
  it('takes aliases separated by commas, semicolons or lines', () => {
    expect(splitAliases('Pepe, J. Alvarez;  Jo\n')).toEqual(['Pepe', 'J. Alvarez', 'Jo']);
  });
});
