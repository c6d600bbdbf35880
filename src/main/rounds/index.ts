import { RoundsPurgeRepo } from './rounds.purge.repo';
import type { AlertSource } from '../alerts/scheduler';
import type { DeskKernel, Kernel } from '../kernel';
import type { RoundsPorts } from './ports';
import { roundsAlerts } from './rounds.alerts';
import { roundsHandlers } from './rounds.handlers';
import { RoundsReports } from './rounds-reports';
import { RoundsRepo } from './rounds.repo';
import { RoundsService } from './rounds.service';
import { RoundsStatus } from './rounds-status';
import { RoutesRepo } from './routes.repo';
import { RoutesService } from './routes.service';

/** The services alone, on any kernel: the demo seed builds them on a clock of its own. */
export function roundsServices(k: Kernel, ports: RoundsPorts) {
  const repo = new RoundsRepo(k.db);
  const routes = new RoutesService(k.db, new RoutesRepo(k.db), k.journal, k.events, ports, k.clock);
  const rounds = new RoundsService(k.db, repo, routes, k.journal, k.events, k.audit, ports, k.clock);
  const status = new RoundsStatus(repo, routes, ports, k.clock);
  return { routes, rounds, status };
}

/**
 * Patrol rounds: routes per branch (versioned), rounds walked checkpoint by
 * checkpoint, due and overdue alerts while the branch is open, quality flags and a
 * printable history. Consoles hear of every change ('rounds.changed').
 */
export function createRounds(k: DeskKernel, ports: RoundsPorts, alerts: { register(source: AlertSource): void }) {
  const { routes, rounds, status } = roundsServices(k, ports);
  const reports = new RoundsReports(status, k.audit, ports, k.clock);
  alerts.register(roundsAlerts(status));
  k.events.on('rounds.changed', (p) => k.consoles.broadcast('rounds.changed', p));
  return {
    routes,
    rounds,
    status,
    handlers: roundsHandlers(rounds, routes, status, reports),
    purge: new RoundsPurgeRepo(k.db),
  };
}

export type { RoundsService } from './rounds.service';
export type { RoutesService } from './routes.service';
export type { RoundsStatus } from './rounds-status';
