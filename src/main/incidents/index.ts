import { IncidentsPurgeRepo } from './incidents.purge.repo';
import type { Kernel } from '../kernel';
import type { Role } from '../../shared/roles';
import { AmendDraftsRepo } from './amend-drafts.repo';
import { DraftsRepo } from './drafts.repo';
import { incidentsHandlers } from './incidents.handlers';
import { IncidentsRepo } from './incidents.repo';
import { IncidentSearch } from './incidents.search.repo';
import { IncidentsService } from './incidents.service';
import type { IncidentPorts } from './ports';

export interface IncidentsDeps extends IncidentPorts {
  /** The current role of an active staff member (officers amend only their own reports). */
  roleOf(staffId: string): Role | null;
}

/** The service alone, on any kernel: the demo seed builds one on a clock of its own. */
export function incidentsService(k: Kernel, deps: IncidentsDeps): IncidentsService {
  return new IncidentsService(
    k.db,
    new IncidentsRepo(k.db),
    new DraftsRepo(k.db),
    new AmendDraftsRepo(k.db),
    new IncidentSearch(k.db),
    k.journal,
    k.audit,
    deps.roleOf,
    deps,
    k.events,
    k.clock,
  );
}

/**
 * Incident reports: private drafts, then filed, numbered records that are amended,
 * never edited. Reads other domains only through the ports in `deps`.
 */
export function createIncidents(k: Kernel, deps: IncidentsDeps) {
  const service = incidentsService(k, deps);
  return { service, handlers: incidentsHandlers(service), purge: new IncidentsPurgeRepo(k.db) };
}

export type { IncidentsService } from './incidents.service';
export type { IncidentPorts } from './ports';
