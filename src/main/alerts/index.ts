import type { DeskKernel } from '../kernel';
import type { HandlerTable } from '../rpc/handler';
import { AlertScheduler } from './scheduler';

/** How often alerts are recomputed without any event: a minute boundary is never missed by more. */
const TICK_MS = 15_000;

/**
 * Desk alerts: domains register their sources (`alerts.register`); the scheduler
 * recomputes every TICK_MS and after every domain event, and pushes each console
 * its own list ('alerts.changed') when it changed.
 */
export function createAlerts(k: DeskKernel) {
  const scheduler = new AlertScheduler(k.clock, k.log, () => {
    for (const { session, role } of k.consoles.signedIn()) {
      session.push('alerts.changed', { alerts: scheduler.list(role) });
    }
  });
  k.events.onAny(() => scheduler.refresh());
  const timer = setInterval(() => scheduler.refresh(), TICK_MS);
  timer.unref();
  const handlers: HandlerTable<'alerts.list'> = {
    'alerts.list': (_input, ctx) => {
      // The alerts now, not as of the last tick: a console that asks (one starting up) gets the current list.
      scheduler.refresh();
      const role = k.consoles.roleOf(ctx.staffId);
      return role ? scheduler.list(role) : [];
    },
  };
  return {
    scheduler,
    handlers,
    register: scheduler.register.bind(scheduler),
    close: () => clearInterval(timer),
  };
}
