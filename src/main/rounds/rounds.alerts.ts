import { timeWords } from '../zoned';
import type { AlertSource } from '../alerts/scheduler';
import type { DeskAlert } from '../../shared/contract/alerts';
import type { RoundsStatus } from './rounds-status';

const clock = (ms: number, timeZone: string) => timeWords(new Date(ms), timeZone);

/**
 * Rounds' desk alerts: a round due while the branch is open, and overdue once the
 * grace has passed, said in words and kept until a round of that route starts.
 * Nothing while the branch is closed or a round is being walked.
 */
export function roundsAlerts(status: RoundsStatus): AlertSource {
  return {
    name: 'rounds',
    alerts(now) {
      const alerts: DeskAlert[] = [];
      for (const r of status.routesNow(now.getTime())) {
        if (!r.session || r.openRoundId) continue;
        const { due, route, branch } = r;
        const work = { tab: 'rounds' as const, recordId: route.routeId };
        if (due.state === 'due') {
          alerts.push({
            id: `round.due:${route.routeId}:${due.dueAt}`,
            kind: 'round.due',
            level: 'warning',
            branchId: branch.id,
            title: `Round due: ${route.name}`,
            detail: `Due ${clock(due.dueAt, branch.timeZone)}; overdue after ${clock(due.dueAt + route.graceMinutes * 60_000, branch.timeZone)}. Press R in the Rounds tab to start it.`,
            since: new Date(due.dueAt).toISOString(),
            work,
          });
        } else if (due.state === 'overdue') {
          const late = Math.floor((now.getTime() - due.dueAt) / 60_000);
          alerts.push({
            id: `round.overdue:${route.routeId}:${due.dueAt}`,
            kind: 'round.overdue',
            level: 'urgent',
            branchId: branch.id,
            title: `Round overdue: ${route.name}, due ${clock(due.dueAt, branch.timeZone)}`,
            detail: `No round started for ${late} minutes past its time (${route.intervalMinutes}-minute interval, ${route.graceMinutes} minutes’ grace). Start one now.`,
            since: new Date(due.overdueSince).toISOString(),
            work,
          });
        }
      }
      return alerts;
    },
  };
}
