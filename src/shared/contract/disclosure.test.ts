import { describe, expect, it } from 'vitest';
import { DISCLOSURE_BASES, DISCLOSURE_BASIS_WORDS, DisclosureInput } from './disclosure';

const base = { recipient: 'Officer Ruiz, Kenosha PD', purpose: 'Theft from a patron’s bag in the lobby' };

describe('the Disclose step’s record (Wis. Stat. 43.30)', () => {
  it('names each basis with a plain-language note', () => {
    for (const b of DISCLOSURE_BASES) {
      expect(DISCLOSURE_BASIS_WORDS[b].label.length).toBeGreaterThan(10);
      expect(DISCLOSURE_BASIS_WORDS[b].note.length).toBeGreaterThan(60);
    }
  });

  it('requires a recipient, a purpose and a basis', () => {
    expect(DisclosureInput.safeParse({ basis: 'court-order', recipient: ' ', purpose: 'x' }).success).toBe(false);
    expect(DisclosureInput.safeParse({ recipient: 'A', purpose: 'B' }).success).toBe(false);
    expect(DisclosureInput.safeParse({ ...base, basis: 'library-administration' }).success).toBe(true);
  });

  it('asks for the case number a police officer gave, and refuses one where none belongs', () => {
    const police = { ...base, basis: 'police-crime-at-library' as const };
    expect(DisclosureInput.safeParse({ ...police, caseNumberGiven: true }).error?.issues[0]?.message).toBe(
      'Write the case number the officer gave',
    );
    expect(DisclosureInput.parse({ ...police, caseNumberGiven: true, caseNumber: ' 26-4411 ' }).caseNumber).toBe(
      '26-4411',
    );
    expect(DisclosureInput.safeParse(police).success).toBe(true);
    expect(
      DisclosureInput.safeParse({ ...base, basis: 'written-consent', caseNumber: '26-4411' }).error?.issues[0]?.path,
    ).toEqual(['caseNumber']);
  });
});
