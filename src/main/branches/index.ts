import type { DeskKernel } from '../kernel';
import { branchesHandlers } from './branches.handlers';
import { BranchesRepo } from './branches.repo';
import { BranchesService } from './branches.service';

/** Branches and zones. Consoles hear of every change ('branches.changed') and refresh pickers. */
export function createBranches(k: DeskKernel) {
  const service = new BranchesService(k.db, new BranchesRepo(k.db), k.journal, k.events);
  k.events.on('branches.changed', () => k.consoles.broadcast('branches.changed', {}));
  return { service, handlers: branchesHandlers(service) };
}

export type { BranchesService } from './branches.service';
