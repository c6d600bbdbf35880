import { timeWords } from '../zoned';
import type { AlertSource } from '../alerts/scheduler';
import type { DeskAlert } from '../../shared/contract/alerts';
import type { Branch } from '../../shared/contract/branches';
import { lastSessionStarted } from '../../shared/opening-hours';
import { announcement, reminderDue } from '../../shared/closing-words';
import type { ClosingPorts } from './ports';
import { escalationAt, resolvedAt } from './run-view';
import type { RunsRepo } from './runs.repo';
import type { TemplatesService } from './templates.service';

const MINUTE = 60_000;
/** After closing time the checklist is asked for; past this it is urgent. */
const UNSIGNED_URGENT_AFTER = 30 * MINUTE;
/** How long after closing an unsigned closing is still the desk's business (then the next day's is). */
const UNSIGNED_WATCH = 12 * 60 * MINUTE;
/** Exceptions of runs started this long ago or less are watched for their escalation. */
const EXCEPTION_WATCH = 2 * 24 * 60 * MINUTE;

const clock = (ms: number, timeZone: string) => timeWords(new Date(ms), timeZone);

/**
 * Closing's desk alerts (the strip names the branch beside each title), derived from the opening hours, the policy, the runs and the
 * clock: the announcements before closing (15, 10 and 5 minutes by default), the
 * checklist once closing time comes until someone signs the building clear, and an
 * exception's escalation (police after 45 minutes for an unattended child).
 */
export function closingAlerts(deps: { ports: ClosingPorts; runs: RunsRepo; templates: TemplatesService }): AlertSource {
  return {
    name: 'closing',
    alerts(now) {
      const ms = now.getTime();
      const alerts: DeskAlert[] = [];
      const branches = deps.ports.branches.list().filter((b) => !b.retired);
      for (const branch of branches) alerts.push(...branchAlerts(branch, ms, deps));
      alerts.push(...exceptionAlerts(branches, ms, deps.runs));
      return alerts;
    },
  };
}

function branchAlerts(branch: Branch, ms: number, deps: { runs: RunsRepo; templates: TemplatesService }): DeskAlert[] {
  const session = lastSessionStarted(branch.hours, branch.timeZone, ms, 1);
  if (!session || ms - session.closesAt >= UNSIGNED_WATCH) return [];
  const signed = deps.runs.endedSince(branch.id, new Date(session.opensAt).toISOString());
  if (signed) return [];
  const open = deps.runs.openRun(branch.id);
  // The run to resume; before one is started, the branch whose closing is to start.
  const work = { tab: 'closing' as const, recordId: open?.id ?? branch.id };
  const closes = clock(session.closesAt, branch.timeZone);
  if (ms < session.closesAt) {
    const due = reminderDue(deps.templates.policy(branch.id).reminderMinutes, session.closesAt - ms);
    if (due === undefined) return [];
    return [
      {
        id: `closing.soon:${branch.id}:${session.date}:${due}`,
        kind: 'closing.soon',
        // An announcement to make now: above the day's bookkeeping, under what is going wrong.
        level: 'warning',
        branchId: branch.id,
        title: `Announce: “The library closes in ${due} minutes”`,
        detail: `Closes ${closes}. Say: “${announcement(due)}”`,
        since: new Date(session.closesAt - due * MINUTE).toISOString(),
        work,
      },
    ];
  }
  const late = ms - session.closesAt >= UNSIGNED_URGENT_AFTER;
  const progress = open ? deps.runs.summary(open.id) : undefined;
  return [
    {
      id: `closing.unsigned:${branch.id}:${session.date}`,
      kind: 'closing.unsigned',
      level: late ? 'urgent' : 'warning',
      branchId: branch.id,
      title: late
        ? 'Building clear not signed'
        : open
          ? 'Finish the closing checklist'
          : 'Closing time: start the checklist',
      detail: progress
        ? `Closed ${closes}. ${progress.answered} of ${progress.items} items answered.`
        : `Closed ${closes}. No closing checklist started yet.`,
      since: new Date(late ? session.closesAt + UNSIGNED_URGENT_AFTER : session.closesAt).toISOString(),
      work,
    },
  ];
}

function exceptionAlerts(branches: readonly Branch[], ms: number, runs: RunsRepo): DeskAlert[] {
  const byId = new Map(branches.map((b) => [b.id, b]));
  const alerts: DeskAlert[] = [];
  const exceptions = runs.recentExceptions(new Date(ms - EXCEPTION_WATCH).toISOString());
  const steps = runs.steps(exceptions.map((e) => e.id));
  const runBranch = new Map<string, string>();
  for (const e of exceptions) {
    const own = steps.filter((s) => s.exceptionId === e.id);
    if (resolvedAt(e, own) !== null) continue;
    let branchId = runBranch.get(e.runId);
    if (!branchId) {
      branchId = runs.run(e.runId)?.branchId;
      if (!branchId) continue;
      runBranch.set(e.runId, branchId);
    }
    const branch = byId.get(branchId);
    if (!branch) continue;
    const work = { tab: 'closing' as const, recordId: e.runId };
    const escalate = escalationAt(e, own);
    if (e.kind === 'child' || e.kind === 'refusal') {
      const what = e.kind === 'child' ? 'Unattended child at closing' : 'Patron refusing to leave';
      if (escalate !== null && ms >= escalate) {
        alerts.push({
          id: `closing.escalate:${e.id}`,
          kind: 'closing.escalate',
          level: 'urgent',
          branchId,
          title: `Call the police: ${what.toLowerCase()}`,
          detail: `${e.escalateMinutes} minutes have passed (policy). Record the call in the closing exception.`,
          since: new Date(escalate).toISOString(),
          work,
        });
      } else {
        alerts.push({
          id: `closing.exception:${e.id}`,
          kind: 'closing.exception',
          level: 'warning',
          branchId,
          title: what,
          detail:
            escalate !== null
              ? `Police at ${clock(escalate, branch.timeZone)} by the policy.`
              : 'Police called: record when they arrive.',
          since: e.beganAt,
          work,
        });
      }
    } else if (e.kind === 'reentry') {
      alerts.push({
        id: `closing.reentry:${e.id}`,
        kind: 'closing.reentry',
        level: 'warning',
        branchId,
        title: 'Alarm not re-armed after re-entry',
        detail: e.details.who ? `${e.details.who} came back in${e.details.why ? `: ${e.details.why}` : ''}.` : '',
        since: e.beganAt,
        work,
      });
    }
  }
  return alerts;
}
