import { ClosingPurgeRepo } from './closing.purge.repo';
import type { AlertSource } from '../alerts/scheduler';
import type { DeskKernel, Kernel } from '../kernel';
import { closingAlerts } from './closing.alerts';
import { closingHandlers } from './closing.handlers';
import { ClosingReports } from './closing-reports';
import { ClosingService } from './closing.service';
import type { ClosingPorts } from './ports';
import { RunsRepo } from './runs.repo';
import { TemplatesRepo } from './templates.repo';
import { TemplatesService } from './templates.service';

/** The services alone, on any kernel: the demo seed builds them on a clock of its own. */
export function closingServices(k: Kernel, ports: ClosingPorts) {
  const runs = new RunsRepo(k.db);
  const templates = new TemplatesService(k.db, new TemplatesRepo(k.db), k.journal, k.events, ports, k.clock);
  const service = new ClosingService(k.db, runs, templates, k.journal, k.audit, k.events, ports, k.clock);
  return { runs, templates, service };
}

/**
 * Closing checklists: templates per branch (versioned), runs worked item by item with
 * their exceptions, the building-clear sign-off, reminders and escalations as desk
 * alerts, and the closing report PDF. Consoles hear of every change ('closing.changed').
 */
export function createClosing(k: DeskKernel, ports: ClosingPorts, alerts: { register(source: AlertSource): void }) {
  const { runs, templates, service } = closingServices(k, ports);
  const reports = new ClosingReports(service, k.audit, ports, k.clock);
  alerts.register(closingAlerts({ ports, runs, templates }));
  k.events.on('closing.changed', (p) => k.consoles.broadcast('closing.changed', p));
  return {
    service,
    templates,
    handlers: closingHandlers(service, templates, reports),
    purge: new ClosingPurgeRepo(k.db),
  };
}

export type { ClosingService } from './closing.service';
export type { TemplatesService } from './templates.service';
