import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { Journal } from '../db/journal';
import { uuidv7 } from '../ids';
import type { Person } from '../../shared/contract/people';
import type { PersonsRepo } from './persons.repo';

export type NewPerson = Omit<Person, 'id' | 'createdAt'>;

/** Known persons. Names and descriptions identify patrons: every search is an audited read. */
export class PersonsService {
  constructor(
    private readonly db: Db,
    private readonly repo: PersonsRepo,
    private readonly journal: Journal,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Whether a person is on file: the port incident reports check their persons by. */
  exists(id: string): boolean {
    return this.repo.get(id) !== undefined;
  }

  search(text: string, limit: number, staffId: string): Person[] {
    const found = this.repo.search(text.trim(), limit);
    this.audit.record({
      staffId,
      action: 'read',
      subject: 'persons.search',
      detail: `Searched persons for “${text.trim()}”: ${found.length} shown`,
    });
    return found;
  }

  add(input: NewPerson, actor: string): Person {
    return this.db
      .transaction(() => {
        const person: Person = { id: uuidv7(), createdAt: this.clock.now().toISOString(), ...input };
        this.repo.insert(person, actor);
        this.journal.append({ kind: 'person.added', recordId: person.id, actor, payload: person });
        return person;
      })
      .immediate();
  }
}
