import type { Branch, RouteStatus } from '../../../shared/contract';
import { formatClock } from '../../lib/time';
import { durationWords } from '../duties/words';

export type Tone = 'ok' | 'warn' | 'danger' | 'muted';

/** A route's state now in words, first, and its tone: "Overdue: was due 19:30, 22 min late". */
export function routeStateWords(r: RouteStatus, branch: Branch, now: Date): { word: string; text: string; tone: Tone } {
  const clock = (iso: string) => formatClock(new Date(iso), branch.timeZone);
  const since = (iso: string) => durationWords(now.getTime() - Date.parse(iso));
  switch (r.state) {
    case 'closed':
      return { word: 'Closed', text: 'The branch is closed: no rounds are due.', tone: 'muted' };
    case 'done':
      return { word: 'Done for today', text: 'No more rounds are due before closing.', tone: 'muted' };
    case 'inProgress':
      return {
        word: 'In progress',
        text: r.openRound
          ? `${r.openRound.done} of ${r.openRound.total} checkpoints · ${r.openRound.startedBy.name} since ${clock(r.openRound.startedAt)}`
          : 'A round is being walked.',
        tone: 'warn',
      };
    case 'waiting':
      return {
        word: 'On schedule',
        text: `Next round due ${clock(r.dueAt!)}, in ${durationWords(Date.parse(r.dueAt!) - now.getTime())}`,
        tone: 'ok',
      };
    case 'due':
      return {
        word: 'Due now',
        text: `Due since ${clock(r.dueAt!)} (${since(r.dueAt!)}); overdue after ${r.graceMinutes} min`,
        tone: 'warn',
      };
    case 'overdue':
      return {
        word: 'Overdue',
        text: `Was due ${clock(r.dueAt!)}: ${since(r.dueAt!)} late. Start a round now.`,
        tone: 'danger',
      };
  }
}

/** Which route R starts: the most pressing one. */
export function mostPressing(routes: readonly RouteStatus[]): RouteStatus | undefined {
  const rank = { overdue: 0, due: 1, inProgress: 2, waiting: 3, done: 4, closed: 5 } as const;
  // The same state: the one due first is the more pressing.
  return [...routes].sort((a, b) => rank[a.state] - rank[b.state] || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''))[0];
}
