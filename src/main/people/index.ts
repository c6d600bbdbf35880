import type { Kernel } from '../kernel';
import { peopleHandlers } from './persons.handlers';
import { PersonsRepo } from './persons.repo';
import { PersonsService } from './persons.service';

/** Persons incidents (and later bans and calls) refer to; every read of them is audited. */
export function createPeople(k: Kernel) {
  const service = new PersonsService(k.db, new PersonsRepo(k.db), k.journal, k.audit, k.clock);
  return { service, handlers: peopleHandlers(service) };
}

export type { PersonsService } from './persons.service';
