import { describe, expect, it } from 'vitest';
import { closeness, deletions, editDistance, foldText, tokensOf } from './names';

describe('names as the desk check compares them', () => {
  it('folds case, accents, punctuation and special letters; keeps other scripts', () => {
    expect(foldText('José  ÁLVAREZ-Núñez')).toBe('jose alvarez nunez');
    expect(foldText("O'Brien, Siobhán")).toBe('obrien siobhan');
    expect(foldText('Łukasz Straße Ærø')).toBe('lukasz strasse aero');
    // Other scripts stay themselves, folded the same way whichever side they are on (й and и meet).
    expect(foldText('Дми́трий Иванов')).toBe(foldText('ДМИТРИЙ иванов'));
    expect(foldText('Дмитрий')).toMatch(/^дмитри/);
    expect(foldText('Nguyễn Thị Ánh')).toBe('nguyen thi anh');
    expect(tokensOf('Mary  mary Ann')).toEqual(['mary', 'ann']);
    // SQL or FTS syntax is just text.
    expect(tokensOf(`x' OR 1=1 -- "NEAR(a b)" *`)).toEqual(['x', 'or', '1', 'near', 'a', 'b']);
  });

  it('measures typos with adjacent swaps, and stops early', () => {
    expect(editDistance('jonh', 'john', 2)).toBe(1);
    expect(editDistance('margeurite', 'marguerite', 2)).toBe(1);
    expect(editDistance('smith', 'smyth', 2)).toBe(1);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('finds a word by its start, a typo, or a misspelled start', () => {
    expect(closeness('jose', 'jose')).toBe('exact');
    expect(closeness('jos', 'josephine')).toBe('prefix');
    expect(closeness('jonh', 'john')).toBe('typo');
    expect(closeness('margeur', 'marguerite')).toBe('typoPrefix');
    expect(closeness('delacorix', 'delacroix')).toBe('typo');
    expect(closeness('bob', 'rob')).toBeNull();
    expect(closeness('smith', 'jones')).toBeNull();
  });

  it('indexes one-letter deletions of words long enough to forgive a typo', () => {
    expect(deletions('john').sort()).toEqual(['jhn', 'joh', 'jon', 'ohn']);
    expect(deletions('bob')).toEqual([]);
  });
});
