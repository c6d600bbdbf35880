import type { Kernel } from '../kernel';
import type { Role } from '../../shared/roles';
import { peopleHandlers } from './persons.handlers';
import { PersonsRepo } from './persons.repo';
import { PersonsService, type PersonPictures } from './persons.service';

/** Persons incidents, bans and calls refer to; every read that shows one is audited. */
export function createPeople(k: Kernel, ports: { roleOf(staffId: string): Role | null; pictures: PersonPictures }) {
  const service = new PersonsService(
    k.db,
    new PersonsRepo(k.db),
    k.journal,
    k.audit,
    ports.roleOf,
    ports.pictures,
    k.events,
    k.clock,
  );
  return { service, handlers: peopleHandlers(service) };
}

export type { PersonsService } from './persons.service';
