import type { DeskKernel } from '../kernel';
import type { SettingsService } from '../settings';
import type { AlertSource } from '../alerts/scheduler';
import { verifyInChild } from './child-verify';
import { backupAlerts, journalAlerts } from './maintenance.alerts';
import { maintenanceHandlers } from './maintenance.handlers';
import { MaintenanceService } from './maintenance.service';

const TICK_MS = 60_000;

/**
 * The desk's upkeep (issue 15): the journal walked at each start, daily backups,
 * restores done at the next start. `start()` is called by services.ts for a desk
 * that serves consoles; building it starts nothing.
 */
export function createMaintenance(
  k: DeskKernel,
  ports: { settings: SettingsService; appVersion: string },
  alerts: { register(source: AlertSource): void; scheduler: { refresh(): void } },
) {
  const service = new MaintenanceService({
    db: k.db,
    journal: k.journal,
    audit: k.audit,
    clock: k.clock,
    log: k.log,
    settings: ports.settings,
    dataDir: k.dataDir,
    appVersion: ports.appVersion,
    verify: verifyInChild,
    changed: () => alerts.scheduler.refresh(),
  });
  alerts.register(journalAlerts(service));
  alerts.register(backupAlerts(service));
  let timer: NodeJS.Timeout | undefined;
  return {
    service,
    handlers: maintenanceHandlers(service),
    start() {
      if (service.stopped) return;
      void service.verifyJournal('start');
      timer = setInterval(() => service.tick(), TICK_MS);
      timer.unref();
    },
    close() {
      service.stop();
      if (timer) clearInterval(timer);
    },
  };
}

export { applyPendingRestore } from './pending-restore';
export { setUtilityFork, type UtilityFork } from './child-verify';
export type { MaintenanceService } from './maintenance.service';
