/**
 * How the desk check compares names: case, accents and punctuation ignored (José =
 * Jose = JOSÉ), any script kept as itself, words in any order, small typos and
 * unfinished words forgiven. Pure functions, shared by indexing and searching.
 */

/** Letters that do not decompose into a base letter and a mark. */
const FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** A text as the index keeps it: lower case, without accents, only letters and digits and single spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLDS[c] ?? c)
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text, folded; at most `max` (a query is a few words, a description more). */
export function tokensOf(text: string, max = 40): string[] {
  const folded = foldText(text);
  return folded ? [...new Set(folded.split(' '))].slice(0, max) : [];
}

/** Words this short are matched exactly or as the start of a word, never as a typo. */
export const MIN_FUZZY = 4;

/** The word with one character left out, each way: a typo index (SymSpell) of one edit. */
export function deletions(token: string): string[] {
  const chars = [...token];
  if (chars.length < MIN_FUZZY) return [];
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  return [...out];
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** Typos forgiven by word length: none under MIN_FUZZY letters, one up to 7, two from 8. */
export const typosAllowed = (word: string) => {
  const n = [...word].length;
  return n < MIN_FUZZY ? 0 : n < 8 ? 1 : 2;
};

export type Closeness = 'exact' | 'prefix' | 'typo' | 'typoPrefix';

/**
 * How a typed word meets a known word: the same, its start, the same with a typo,
 * or its start with a typo (someone still typing a misspelled name). Null: not at all.
 */
export function closeness(typed: string, known: string): Closeness | null {
  if (typed === known) return 'exact';
  if (known.startsWith(typed)) return 'prefix';
  const allowed = typosAllowed(typed);
  if (allowed === 0) return null;
  if (editDistance(typed, known, allowed) <= allowed) return 'typo';
  const k = [...known];
  const t = [...typed];
  if (k.length > t.length) {
    // The known word cut to the typed length, or one letter either side (a letter left out or doubled).
    for (const len of [t.length, t.length - 1, t.length + 1]) {
      if (len >= MIN_FUZZY && len <= k.length && editDistance(typed, k.slice(0, len).join(''), 1) <= 1) {
        return 'typoPrefix';
      }
    }
  }
  return null;
}

/** Points for how well a word matched, and where (a name counts more than a description). */
export function matchScore(c: Closeness, field: 'name' | 'alias' | 'description'): number {
  const base = c === 'exact' ? 10 : c === 'prefix' ? 7 : c === 'typo' ? 6 : 4;
  return field === 'description' ? base / 3 : field === 'alias' ? base - 1 : base;
}
