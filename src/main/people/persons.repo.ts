import type { Db } from '../db/connection';
import type { PersonDetail, Sex } from '../../shared/contract/people';
import { tokensOf } from './names';
import { packWords } from './word-index';

interface Row {
  id: string;
  name: string;
  sex: Sex;
  age_estimate: string;
  height: string;
  build: string;
  hair: string;
  marks: string;
  created_at: string;
  unknown: 0 | 1;
  aliases: string;
  description: string;
  birth_date: string | null;
  card_number: string | null;
  guardian_name: string;
  guardian_contact: string;
  notes: string;
  merged_into: string | null;
  updated_at: string;
  version: number;
  search_words: string;
}

/** A person as stored: everything but photos, merges into it and what a role may see. */
export type PersonRow = Omit<PersonDetail, 'photos' | 'mergedFrom' | 'minor' | 'cardOnFile'> & {
  searchWords: string;
};

/** What the person's fields say, to write. */
export type PersonWrite = Omit<PersonRow, 'mergedInto' | 'version' | 'searchWords'>;

const toPerson = (r: Row): PersonRow => ({
  id: r.id,
  name: r.name,
  sex: r.sex,
  ageEstimate: r.age_estimate,
  height: r.height,
  build: r.build,
  hair: r.hair,
  marks: r.marks,
  createdAt: r.created_at,
  unknown: r.unknown === 1,
  aliases: JSON.parse(r.aliases) as string[],
  description: r.description,
  birthDate: r.birth_date,
  cardNumber: r.card_number,
  guardianName: r.guardian_name,
  guardianContact: r.guardian_contact,
  notes: r.notes,
  mergedInto: r.merged_into,
  updatedAt: r.updated_at,
  version: r.version,
  searchWords: r.search_words,
});

/** `%text%` for LIKE with the user's own % and _ taken literally. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The words a person is found by, per field; a word is kept once, in its strongest field. */
export function wordsOf(p: Pick<PersonWrite, 'name' | 'aliases' | 'description' | 'hair' | 'build' | 'marks'>) {
  const name = tokensOf(p.name);
  const alias = tokensOf(p.aliases.join(' ')).filter((w) => !name.includes(w));
  const described = tokensOf([p.description, p.hair, p.build, p.marks].join(' '), 80).filter(
    (w) => !name.includes(w) && !alias.includes(w),
  );
  return { name, alias, description: described };
}

export class PersonsRepo {
  constructor(private readonly db: Db) {}

  get(id: string): PersonRow | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM persons WHERE id = ?').get(id);
    return row && toPerson(row);
  }

  many(ids: readonly string[]): PersonRow[] {
    const stmt = this.db.prepare<[string], Row>('SELECT * FROM persons WHERE id = ?');
    return ids.flatMap((id) => {
      const row = stmt.get(id);
      return row ? [toPerson(row)] : [];
    });
  }

  /** Names by id (merged records included). */
  names(ids: readonly string[]): Map<string, string> {
    return new Map(this.many([...new Set(ids)]).map((p) => [p.id, p.name]));
  }

  /** Records merged into this one (directly or through others). */
  mergedInto(id: string): string[] {
    return this.db
      .prepare<[string], { id: string }>(
        `WITH RECURSIVE m(id) AS (SELECT id FROM persons WHERE merged_into = ?
           UNION SELECT p.id FROM persons p JOIN m ON p.merged_into = m.id)
         SELECT id FROM m`,
      )
      .all(id)
      .map((r) => r.id);
  }

  /** The most recently added, for a picker with nothing typed yet. */
  recent(limit: number): PersonRow[] {
    return this.db
      .prepare<[number], Row>('SELECT * FROM persons WHERE merged_into IS NULL ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map(toPerson);
  }

  /** The plain scan the benchmark compares with: LIKE over names, aliases and descriptions. */
  likeScan(text: string, limit: number): PersonRow[] {
    const like = likePattern(text);
    return this.db
      .prepare<[string, string, string, number], Row>(
        `SELECT * FROM persons WHERE merged_into IS NULL
           AND (name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\' OR description LIKE ? ESCAPE '\\') LIMIT ?`,
      )
      .all(like, like, like, limit)
      .map(toPerson);
  }

  insert(p: PersonWrite, createdBy: string): void {
    this.db
      .prepare(
        `INSERT INTO persons (id, name, sex, age_estimate, height, build, hair, marks, created_at, created_by, unknown,
           aliases, description, birth_date, card_number, guardian_name, guardian_contact, notes, updated_at, version)
         VALUES (@id, @name, @sex, @ageEstimate, @height, @build, @hair, @marks, @createdAt, @createdBy, @unknown,
           @aliases, @description, @birthDate, @cardNumber, @guardianName, @guardianContact, @notes, @updatedAt, 1)`,
      )
      .run({ ...p, createdBy, unknown: p.unknown ? 1 : 0, aliases: JSON.stringify(p.aliases) });
    this.index(p);
  }

  /** Writes the fields if the stored version is still `version`; false when someone saved since. */
  update(p: PersonWrite, version: number): boolean {
    const changed = this.db
      .prepare(
        `UPDATE persons SET name = @name, sex = @sex, age_estimate = @ageEstimate, height = @height, build = @build,
           hair = @hair, marks = @marks, unknown = @unknown, aliases = @aliases, description = @description,
           birth_date = @birthDate, card_number = @cardNumber, guardian_name = @guardianName,
           guardian_contact = @guardianContact, notes = @notes, updated_at = @updatedAt, version = version + 1
         WHERE id = @id AND version = @version`,
      )
      .run({ ...p, version, unknown: p.unknown ? 1 : 0, aliases: JSON.stringify(p.aliases) }).changes;
    if (changed === 0) return false;
    this.index(p);
    return true;
  }

  /** `mergeId` becomes history: out of the index, pointing at the record kept. */
  markMerged(mergeId: string, keepId: string, at: string): void {
    this.db
      .prepare('UPDATE persons SET merged_into = ?, updated_at = ?, version = version + 1 WHERE id = ?')
      .run(keepId, at, mergeId);
    this.unindex(mergeId);
  }

  // ---- photos ----

  photos(personId: string): { attachmentId: string; addedAt: string }[] {
    return this.db
      .prepare<[string], { attachmentId: string; addedAt: string }>(
        'SELECT attachment_id AS attachmentId, added_at AS addedAt FROM person_photos WHERE person_id = ? ORDER BY added_at',
      )
      .all(personId);
  }

  addPhoto(personId: string, attachmentId: string, at: string, by: string): boolean {
    return (
      this.db
        .prepare(
          'INSERT OR IGNORE INTO person_photos (person_id, attachment_id, added_at, added_by) VALUES (?, ?, ?, ?)',
        )
        .run(personId, attachmentId, at, by).changes > 0
    );
  }

  removePhoto(personId: string, attachmentId: string): boolean {
    return (
      this.db.prepare('DELETE FROM person_photos WHERE person_id = ? AND attachment_id = ?').run(personId, attachmentId)
        .changes > 0
    );
  }

  /** Moves the merged record's photos to the record kept. */
  movePhotos(fromId: string, toId: string): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO person_photos (person_id, attachment_id, added_at, added_by)
         SELECT ?, attachment_id, added_at, added_by FROM person_photos WHERE person_id = ?`,
      )
      .run(toId, fromId);
    this.db.prepare('DELETE FROM person_photos WHERE person_id = ?').run(fromId);
  }

  // ---- duplicates ----

  byCard(card: string): PersonRow[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM persons WHERE card_number = ? AND merged_into IS NULL LIMIT 10')
      .all(card)
      .map(toPerson);
  }

  byBirthDate(date: string): PersonRow[] {
    return this.db
      .prepare<[string], Row>('SELECT * FROM persons WHERE birth_date = ? AND merged_into IS NULL LIMIT 50')
      .all(date)
      .map(toPerson);
  }

  /** Every current record's words, for building the desk check's index. */
  *allSearchWords(): Generator<{ id: string; searchWords: string }> {
    for (const r of this.db
      .prepare<[], { id: string; search_words: string }>(
        "SELECT id, search_words FROM persons WHERE merged_into IS NULL AND search_words != ''",
      )
      .iterate()) {
      yield { id: r.id, searchWords: r.search_words };
    }
  }

  private index(p: PersonWrite): void {
    this.db.prepare('UPDATE persons SET search_words = ? WHERE id = ?').run(packWords(wordsOf(p)), p.id);
  }

  private unindex(personId: string): void {
    this.db.prepare("UPDATE persons SET search_words = '' WHERE id = ?").run(personId);
  }
}
