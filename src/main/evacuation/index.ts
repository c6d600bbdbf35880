import type { AlertSource } from '../alerts/scheduler';
import { ReadAudit } from '../calls/read-audit';
import type { DeskKernel, Kernel } from '../kernel';
import { AfterActionReports } from './after-action';
import { evacuationAlerts } from './evacuation.alerts';
import { evacuationHandlers } from './evacuation.handlers';
import { EvacuationRepo } from './evacuation.repo';
import { EvacuationService } from './evacuation.service';
import type { EvacuationPorts } from './ports';

/** The service alone, on any kernel: the demo seed builds one on a clock of its own. */
export function evacuationService(k: Kernel, ports: EvacuationPorts): EvacuationService {
  return new EvacuationService(
    k.db,
    new EvacuationRepo(k.db),
    k.journal,
    new ReadAudit(k.audit, k.clock),
    ports,
    k.events,
    k.clock,
  );
}

/**
 * Evacuations and drills (the Designated Evacuation Coordinator's screen), the
 * branches' evacuation plans, the after-action report, and the running-evacuation
 * alert. Every console hears of a change, signed in or not: the banner is everywhere.
 */
export function createEvacuation(
  k: DeskKernel,
  ports: EvacuationPorts,
  alerts: { register(source: AlertSource): void },
) {
  const service = evacuationService(k, ports);
  const reports = new AfterActionReports(service, k.audit, ports, k.clock);
  alerts.register(evacuationAlerts(service));
  k.events.on('evacuation.changed', ({ evacuationId }) => {
    for (const session of k.consoles.all()) session.push('evacuation.changed', { evacuationId });
  });
  k.events.on('evacuationPlan.changed', () => k.consoles.broadcast('evacuationPlans.changed', {}));
  return { service, handlers: evacuationHandlers(service, reports) };
}

export type { EvacuationService } from './evacuation.service';
export type { EvacuationPorts } from './ports';
