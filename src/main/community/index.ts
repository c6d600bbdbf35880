import type { DeskKernel, Kernel } from '../kernel';
import type { Role } from '../../shared/roles';
import { communityHandlers } from './community.handlers';
import { CommunityRepo } from './community.repo';
import { CommunityService, type CommunityPorts } from './community.service';
import { ReferralCards } from './referral-cards';

/** The service alone, on any kernel: the demo seed builds one on a clock of its own. */
export function communityService(k: Kernel, ports: CommunityPorts): CommunityService {
  return new CommunityService(k.db, new CommunityRepo(k.db), k.journal, ports, k.events, k.clock);
}

/**
 * Community resources: the directory an administrator keeps (shelters, crisis lines,
 * meals, ...), searchable from the desk, the referral card handed to a patron, and the
 * referral counts by kind, branch and day (never a patron's name).
 */
export function createCommunity(k: DeskKernel, ports: CommunityPorts & { roleOf(staffId: string): Role | null }) {
  const service = communityService(k, ports);
  const cards = new ReferralCards(service, ports, k.clock);
  k.events.on('resources.changed', () => k.consoles.broadcast('resources.changed', {}));
  return { service, handlers: communityHandlers(service, cards, (id) => ports.roleOf(id) === 'admin') };
}

export type { CommunityService } from './community.service';
