import { closeness, deletions, matchScore, MIN_FUZZY, tokensOf, type Closeness } from './names';
import { unpackWords, type PersonsRepo, type WordHit } from './persons.repo';

/** A person the typed words found, with how well and where. */
export interface PersonMatch {
  personId: string;
  score: number;
  matchedOn: ('name' | 'alias' | 'description')[];
}

/** Enough candidates for any real desk; past this a first word is too common to narrow on its own. */
const MAX_HITS = 3000;
const MAX_WORDS = 6;

/**
 * The desk check's search (DESIGN §9): every typed word must meet a word of the
 * person (name, alias or description) exactly, as its start, or with a typo; words in
 * any order. The longest typed word finds the candidates through the word index; the
 * others are checked against each candidate's own words. Highest score first.
 */
export function searchPersons(repo: PersonsRepo, text: string, limit: number): PersonMatch[] {
  const typed = tokensOf(text, MAX_WORDS).sort((a, b) => [...b].length - [...a].length);
  if (typed.length === 0) return [];
  const [first, ...rest] = typed as [string, ...string[]];

  const found = new Map<string, { score: number; fields: Set<WordHit['field']> }>();
  for (const hit of hitsForTyped(repo, first)) {
    const c = closeness(first, hit.word);
    if (!c) continue;
    const score = matchScore(c, hit.field);
    const seen = found.get(hit.personId);
    if (!seen) found.set(hit.personId, { score, fields: new Set([hit.field]) });
    else if (score > seen.score) {
      seen.score = score;
      seen.fields.add(hit.field);
    }
  }

  if (rest.length > 0) {
    const words = repo.searchWords([...found.keys()]);
    for (const [personId, entry] of found) {
      const own = unpackWords(words.get(personId) ?? '');
      for (const t of rest) {
        const best = bestMatch(t, own);
        if (!best) {
          found.delete(personId);
          break;
        }
        entry.score += best.score;
        entry.fields.add(best.field);
      }
    }
  }

  return [...found.entries()]
    .map(([personId, { score, fields }]) => ({ personId, score, matchedOn: [...fields] }))
    .sort((a, b) => b.score - a.score || a.personId.localeCompare(b.personId))
    .slice(0, limit);
}

function bestMatch(typed: string, own: { word: string; field: WordHit['field'] }[]) {
  let best: { score: number; field: WordHit['field'] } | null = null;
  for (const { word, field } of own) {
    const c = closeness(typed, word);
    if (!c) continue;
    const score = matchScore(c, field);
    if (!best || score > best.score) best = { score, field };
  }
  return best;
}

/** Index hits for one typed word: name words it starts, names it misspells (whole or begun), description words it starts. */
function hitsForTyped(repo: PersonsRepo, typed: string): WordHit[] {
  const words = new Map<string, Closeness>();
  for (const w of repo.nameWordsFrom(typed, 400)) words.set(w, w === typed ? 'exact' : 'prefix');
  const chars = [...typed];
  if (chars.length >= MIN_FUZZY) {
    for (const w of repo.nameWordsByDeletion([typed, ...deletions(typed)])) {
      const c = closeness(typed, w);
      if (c && !words.has(w)) words.set(w, c);
    }
    // Someone still typing a misspelled name: the words that share its first two letters.
    for (const w of repo.nameWordsFrom(chars.slice(0, 2).join(''), 4000)) {
      if (words.has(w)) continue;
      const c = closeness(typed, w);
      if (c) words.set(w, c);
    }
  }
  // The closest words first, so the cap keeps the best candidates.
  const order: Closeness[] = ['exact', 'prefix', 'typo', 'typoPrefix'];
  const ranked = [...words.entries()].sort((a, b) => order.indexOf(a[1]) - order.indexOf(b[1])).map(([w]) => w);
  const hits = repo.hitsFor(ranked.slice(0, 500), MAX_HITS);
  return [...hits, ...repo.descriptionHitsFrom(typed, Math.max(0, MAX_HITS - hits.length))];
}
