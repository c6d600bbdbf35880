import { closeness, deletions, matchScore, MIN_FUZZY, tokensOf, type Closeness } from './names';

export type WordField = 'name' | 'alias' | 'description';

/** A person the typed words found, with how well and where. */
export interface PersonMatch {
  personId: string;
  score: number;
  matchedOn: WordField[];
}

/** A person's words as persons.search_words keeps them: "name words|alias words|description words". */
export function packWords(w: { name: string[]; alias: string[]; description: string[] }): string {
  return [w.name, w.alias, w.description].map((x) => x.join(' ')).join('|');
}

export function unpackWords(packed: string): { word: string; field: WordField }[] {
  const [name = '', alias = '', description = ''] = packed.split('|');
  const of = (text: string, field: WordField) => (text ? text.split(' ').map((word) => ({ word, field })) : []);
  return [...of(name, 'name'), ...of(alias, 'alias'), ...of(description, 'description')];
}

const MAX_WORDS = 6;
/** Enough candidates for any real desk; past this a first word is too common to narrow on its own. */
const MAX_CANDIDATES = 5000;

/**
 * The desk check's index, in memory: every word of every current person record, by
 * word, with a sorted list for "starts with" and a one-deletion map for typos
 * (SymSpell). Built from persons.search_words the first time it is asked (a few
 * hundred milliseconds for 100,000 persons) and kept in step by the persons service
 * on every change, so a keystroke is answered without touching the disk. It is a
 * derived copy: a purge or merge that takes a person out takes their words out too.
 */
export class WordIndex {
  private readonly byWord = new Map<string, Map<string, WordField>>();
  private readonly byPerson = new Map<string, { word: string; field: WordField }[]>();
  private readonly byDeletion = new Map<string, Set<string>>();
  private sorted: string[] | null = null;

  constructor(rows: Iterable<{ id: string; searchWords: string }>) {
    for (const r of rows) this.put(r.id, r.searchWords);
  }

  get size(): number {
    return this.byPerson.size;
  }

  /** Puts (or replaces) a person's words; an empty pack takes the person out. */
  put(personId: string, packed: string): void {
    this.remove(personId);
    const words = unpackWords(packed);
    if (words.length === 0) return;
    this.byPerson.set(personId, words);
    for (const { word, field } of words) {
      let people = this.byWord.get(word);
      if (!people) {
        people = new Map();
        this.byWord.set(word, people);
        this.sorted = null;
        if (field !== 'description') for (const d of deletions(word)) this.addDeletion(d, word);
      }
      const had = people.get(personId);
      // A word in the name counts over the same word in a description.
      if (!had || rank(field) < rank(had)) people.set(personId, field);
    }
  }

  remove(personId: string): void {
    const words = this.byPerson.get(personId);
    if (!words) return;
    this.byPerson.delete(personId);
    for (const { word } of words) {
      const people = this.byWord.get(word);
      if (!people) continue;
      people.delete(personId);
      if (people.size > 0) continue;
      this.byWord.delete(word);
      this.sorted = null;
      for (const d of deletions(word)) {
        const set = this.byDeletion.get(d);
        set?.delete(word);
        if (set?.size === 0) this.byDeletion.delete(d);
      }
    }
  }

  /**
   * Every typed word must meet one of the person's words (exactly, as its start, or
   * with a typo); words in any order. The rarest typed word finds the candidates,
   * the others are checked against each candidate's own words. Best first.
   */
  search(text: string, limit: number): PersonMatch[] {
    const typed = tokensOf(text, MAX_WORDS);
    if (typed.length === 0) return [];
    const perWord = typed.map((t) => ({ t, words: this.wordsFor(t) }));
    // The typed word meeting the fewest persons drives.
    perWord.sort((a, b) => this.reach(a.words) - this.reach(b.words));
    const [driver, ...rest] = perWord as [(typeof perWord)[number], ...typeof perWord];

    const found = new Map<string, { score: number; fields: Set<WordField> }>();
    // The closest words first, so that when a common word fills the candidates, the best are in.
    const ordered = [...driver.words].sort((a, b) => ORDER.indexOf(a[1]) - ORDER.indexOf(b[1]));
    for (const [word, c] of ordered) {
      for (const [personId, field] of this.byWord.get(word) ?? []) {
        const score = matchScore(c, field);
        const seen = found.get(personId);
        if (!seen) {
          if (found.size >= MAX_CANDIDATES) continue;
          found.set(personId, { score, fields: new Set([field]) });
        } else if (score > seen.score) {
          seen.score = score;
          seen.fields.add(field);
        }
      }
    }
    for (const [personId, entry] of found) {
      const own = this.byPerson.get(personId) ?? [];
      for (const { words } of rest) {
        let best: { score: number; field: WordField } | null = null;
        for (const { word, field } of own) {
          // `words` already holds every known word this typed word may mean.
          const c = words.get(word);
          if (!c) continue;
          const score = matchScore(c, field);
          if (!best || score > best.score) best = { score, field };
        }
        if (!best) {
          found.delete(personId);
          break;
        }
        entry.score += best.score;
        entry.fields.add(best.field);
      }
    }
    return [...found.entries()]
      .map(([personId, { score, fields }]) => ({ personId, score, matchedOn: [...fields] }))
      .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
      .slice(0, limit);
  }

  /** Known words a typed word may mean, and how. */
  private wordsFor(typed: string): Map<string, Closeness> {
    const out = new Map<string, Closeness>();
    for (const w of this.startingWith(typed, 2000)) out.set(w, w === typed ? 'exact' : 'prefix');
    const chars = [...typed];
    if (chars.length >= MIN_FUZZY) {
      for (const variant of [typed, ...deletions(typed)]) {
        for (const w of [...(this.byDeletion.get(variant) ?? []), ...(this.byWord.has(variant) ? [variant] : [])]) {
          if (out.has(w)) continue;
          const c = closeness(typed, w);
          if (c) out.set(w, c);
        }
      }
      // Someone still typing a misspelled name: words sharing its first two letters.
      for (const w of this.startingWith(chars.slice(0, 2).join(''), 5000)) {
        if (out.has(w)) continue;
        const c = closeness(typed, w);
        if (c) out.set(w, c);
      }
    }
    return out;
  }

  private reach(words: Map<string, Closeness>): number {
    let n = 0;
    for (const w of words.keys()) n += this.byWord.get(w)?.size ?? 0;
    return n;
  }

  private startingWith(prefix: string, limit: number): string[] {
    this.sorted ??= [...this.byWord.keys()].sort();
    const list = this.sorted;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < list.length && out.length < limit && list[i]!.startsWith(prefix); i++) out.push(list[i]!);
    return out;
  }

  private addDeletion(d: string, word: string): void {
    const set = this.byDeletion.get(d) ?? new Set<string>();
    set.add(word);
    this.byDeletion.set(d, set);
  }
}

const ORDER: Closeness[] = ['exact', 'prefix', 'typo', 'typoPrefix'];
const rank = (f: WordField) => (f === 'name' ? 0 : f === 'alias' ? 1 : 2);
