import { ActivityPurgeRepo } from './activity.purge.repo';
import type { DeskKernel, Kernel } from '../kernel';
import { activityHandlers } from './activity.handlers';
import { ActivityRepo } from './activity.repo';
import { ActivityService } from './activity.service';
import type { ActivityPorts } from './ports';

/** The service alone, on any kernel. */
export function activityService(k: Kernel, ports: ActivityPorts): ActivityService {
  return new ActivityService(k.db, new ActivityRepo(k.db), k.journal, k.audit, ports, k.events, k.clock, k.log);
}

/**
 * The daily activity report: a shift's or a day's work at a branch as a PDF made in
 * main, kept with every try at emailing it to the manager, and sent by itself at a
 * shift's end when an administrator asked for that.
 */
export function createActivity(k: DeskKernel, ports: ActivityPorts) {
  const service = activityService(k, ports);
  k.events.on('activity.changed', ({ reportId }) => k.consoles.broadcast('activity.changed', { reportId }));
  k.events.on('shift.ended', ({ shiftId }) => void service.sendAtShiftEnd(shiftId));
  return { service, handlers: activityHandlers(service), purge: new ActivityPurgeRepo(k.db) };
}

export type { ActivityService } from './activity.service';
export type { ActivityPorts } from './ports';
