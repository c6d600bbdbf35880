import type { Kernel } from '../kernel';
import { staffHandlers } from './staff.handlers';
import { StaffRepo } from './staff.repo';
import { StaffService } from './staff.service';

/**
 * Staff accounts. Returns the service (the port other domains use: roles, names,
 * the accounts sign-in checks) and the contract handlers.
 */
export function createStaff(k: Kernel) {
  const service = new StaffService(k.db, new StaffRepo(k.db), k.journal, k.events, k.clock);
  return { service, handlers: staffHandlers(service) };
}

export type { StaffService } from './staff.service';
