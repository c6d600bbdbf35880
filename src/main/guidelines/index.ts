import type { Kernel } from '../kernel';
import type { StaffService } from '../staff/staff.service';
import { guidelinesHandlers } from './guidelines.handlers';
import { GuidelinesRepo } from './guidelines.repo';
import { GuidelinesService } from './guidelines.service';

/** The library's behavior guidelines, versioned; the defaults are loaded into an empty desk. */
export function createGuidelines(k: Kernel, ports: { staff: StaffService }) {
  const service = new GuidelinesService(
    k.db,
    new GuidelinesRepo(k.db),
    k.journal,
    (ids) => ports.staff.names(ids),
    k.clock,
  );
  service.seedDefaults();
  return { service, handlers: guidelinesHandlers(service) };
}

export type { GuidelinesService } from './guidelines.service';
