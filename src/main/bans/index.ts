import { BansPurgeRepo } from './bans.purge.repo';
import type { AlertSource } from '../alerts/scheduler';
import type { DeskKernel } from '../kernel';
import { supervisors } from '../../shared/roles';
import { bansHandlers } from './bans.handlers';
import { BansRepo } from './bans.repo';
import { BansService } from './bans.service';
import { BanDesk } from './desk.service';
import type { BanPorts } from './ports';
import { BanProcess } from './process.service';
import { BanViews } from './views';

/**
 * Bans: the library's sanction policy, bans issued from incidents, notices,
 * appeals and reinstatement, and the desk check. Reads persons, incidents, rules
 * and branches through their services (ports.ts); raises its desk alerts.
 */
export function createBans(k: DeskKernel, ports: BanPorts, alerts: { register(source: AlertSource): void }) {
  const repo = new BansRepo(k.db);
  const views = new BanViews(repo, ports);
  const service = new BansService(k.db, repo, views, k.journal, k.audit, ports, k.events, k.clock);
  const process = new BanProcess(k.db, repo, service, views, k.audit, ports, k.clock);
  const desk = new BanDesk(k.db, repo, views, k.journal, k.audit, ports, k.events, k.clock);
  service.seedPolicy();
  alerts.register({ name: 'bans', alerts: (now) => desk.alerts(now) });
  alerts.register({ name: 'ban approvals', alerts: (now) => desk.approvalAlerts(now), audience: supervisors });
  k.events.on('ban.changed', (p) => k.consoles.broadcast('bans.changed', p));
  return { service, process, desk, handlers: bansHandlers(service, process, desk), purge: new BansPurgeRepo(k.db) };
}

export type { BansService } from './bans.service';
