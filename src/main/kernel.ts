import type { AuditService } from './audit/audit.service';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { Journal } from './db/journal';
import type { DomainEvents } from './events';
import type { Log } from './log';
import type { Consoles } from './rpc/consoles';

/**
 * What every domain is built with (services.ts builds it once): the database, the
 * journal and audit log, main's clock, the domain event bus, the data folder and the
 * log. A domain gets other domains only as the ports their factories return.
 */
export interface Kernel {
  db: Db;
  journal: Journal;
  audit: AuditService;
  clock: Clock;
  events: DomainEvents;
  dataDir: string;
  log: Log;
}

/** The kernel once staff exists: with the connected consoles, to push events to. */
export interface DeskKernel extends Kernel {
  consoles: Consoles;
}
