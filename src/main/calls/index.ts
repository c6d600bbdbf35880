import { CallsPurgeRepo } from './calls.purge.repo';
import type { AlertSource } from '../alerts/scheduler';
import type { DeskKernel, Kernel } from '../kernel';
import { callAlerts } from './calls.alerts';
import { callsHandlers } from './calls.handlers';
import { CallsRepo } from './calls.repo';
import { CallFiguresRepo } from './calls.figures.repo';
import { CallsService } from './calls.service';
import type { CallPorts } from './ports';
import { ReadAudit } from './read-audit';

/** The service alone, on any kernel: the demo seed builds one on a clock of its own. */
export function callsService(k: Kernel, ports: CallPorts): CallsService {
  return new CallsService(
    k.db,
    new CallsRepo(k.db),
    new CallFiguresRepo(k.db),
    k.journal,
    k.audit,
    new ReadAudit(k.audit, k.clock),
    ports,
    k.events,
    k.clock,
  );
}

/**
 * Staff calls for assistance: the dispatch log, its steps and corrections, outside
 * help, reports started from a call, response-time figures and the open-call alerts.
 */
export function createCalls(k: DeskKernel, ports: CallPorts, alerts: { register(source: AlertSource): void }) {
  const service = callsService(k, ports);
  alerts.register(callAlerts(service, ports));
  k.events.on('call.changed', ({ callId }) => k.consoles.broadcast('calls.changed', { callId }));
  k.events.on('incident.submitted', ({ incidentId, number }) => service.incidentFiled(incidentId, number));
  return { service, handlers: callsHandlers(service), purge: new CallsPurgeRepo(k.db) };
}

export type { CallsService } from './calls.service';
export type { CallPorts } from './ports';
