import type { PersonDetail } from '../../../shared/contract';

/** Whole years between a birth date ("2010-03-04") and a moment. */
export function ageOn(birthDate: string, now: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return null;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < mo || (now.getUTCMonth() + 1 === mo && now.getUTCDate() < d)) age--;
  return age;
}

/**
 * Minor or adult as main derives it (from the birth date, else a number in the age
 * estimate, else words like "teen"), so a form can show the guardian's fields as the
 * desk types; main's own answer (PersonDetail.minor) is what a saved record shows.
 */
export function guessMinor(birthDate: string | null, ageEstimate: string, now: Date): boolean | null {
  if (birthDate) {
    const age = ageOn(birthDate, now);
    return age === null ? null : age < 18;
  }
  const numbers = (ageEstimate.match(/\d{1,3}/g) ?? []).map(Number);
  if (numbers.length === 0) return /\b(child|kid|teen|teenager|minor|youth)\b/i.test(ageEstimate) ? true : null;
  return Math.max(...numbers) < 18;
}

/** "Minor (15)", "Adult (34)", "Minor", "Age not known". */
export function ageWords(p: Pick<PersonDetail, 'birthDate' | 'minor' | 'ageEstimate'>, now: Date): string {
  const age = p.birthDate ? ageOn(p.birthDate, now) : null;
  const years = age !== null ? ` (${age})` : '';
  if (p.minor === true) return `Minor${years}`;
  if (p.minor === false) return `Adult${years}`;
  return p.ageEstimate ? `Not known (looks ${p.ageEstimate})` : 'Not known';
}

/** Aliases typed as one line, "Pepe, J. Alvarez", as the list the record keeps. */
export const splitAliases = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((a) => a.trim())
    .filter(Boolean);
