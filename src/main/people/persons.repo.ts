import type { Db } from '../db/connection';
import type { Person, Sex } from '../../shared/contract/people';

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
}

const toPerson = (r: Row): Person => ({
  id: r.id,
  name: r.name,
  sex: r.sex,
  ageEstimate: r.age_estimate,
  height: r.height,
  build: r.build,
  hair: r.hair,
  marks: r.marks,
  createdAt: r.created_at,
});

/** `%text%` for LIKE with the user's own % and _ taken literally. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class PersonsRepo {
  constructor(private readonly db: Db) {}

  get(id: string): Person | undefined {
    const row = this.db.prepare<[string], Row>('SELECT * FROM persons WHERE id = ?').get(id);
    return row && toPerson(row);
  }

  search(text: string, limit: number): Person[] {
    const rows = text
      ? this.db
          .prepare<[string, number], Row>(
            "SELECT * FROM persons WHERE name LIKE ? ESCAPE '\\' ORDER BY name COLLATE NOCASE, id LIMIT ?",
          )
          .all(likePattern(text), limit)
      : this.db.prepare<[number], Row>('SELECT * FROM persons ORDER BY id DESC LIMIT ?').all(limit);
    return rows.map(toPerson);
  }

  insert(p: Person, createdBy: string): void {
    this.db
      .prepare(
        `INSERT INTO persons (id, name, sex, age_estimate, height, build, hair, marks, created_at, created_by)
         VALUES (@id, @name, @sex, @ageEstimate, @height, @build, @hair, @marks, @createdAt, @createdBy)`,
      )
      .run({ ...p, createdBy });
  }
}
