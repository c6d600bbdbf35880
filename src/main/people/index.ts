import { PersonsPurgeRepo } from './persons.purge.repo';
import type { DeskKernel } from '../kernel';
import type { Role } from '../../shared/roles';
import { peopleHandlers } from './persons.handlers';
import { PersonsRepo } from './persons.repo';
import { PersonsService, type PersonPictures } from './persons.service';

/** Persons incidents, bans and calls refer to; every read that shows one is audited. */
export function createPeople(k: DeskKernel, ports: { roleOf(staffId: string): Role | null; pictures: PersonPictures }) {
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
  k.events.on('person.changed', (p) => k.consoles.broadcast('persons.changed', p));
  return { service, handlers: peopleHandlers(service), purge: new PersonsPurgeRepo(k.db) };
}

export type { PersonsService } from './persons.service';
