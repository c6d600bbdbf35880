import {
  ESCALATION,
  RESOLVING_STEPS,
  type ClosingException,
  type ClosingRun,
  type RunSummary,
  type TemplateItem,
} from '../../shared/contract/closing';
import type { Branch } from '../../shared/contract/branches';
import { sessionOn } from '../../shared/opening-hours';
import type { ClosingPorts } from './ports';
import type { AnswerRow, ExceptionRow, RunRow, RunSummaryRow, StepRow } from './runs.repo';

const MINUTE = 60_000;

/** When an exception's escalation falls due, or null once it no longer applies (resolved, or already done). */
export function escalationAt(e: ExceptionRow, steps: readonly StepRow[]): number | null {
  const rule = ESCALATION[e.kind];
  if (!rule || e.escalateMinutes === null) return null;
  if (resolvedAt(e, steps) !== null || steps.some((s) => s.step === rule.step)) return null;
  const from = rule.from ? (steps.find((s) => s.step === rule.from)?.at ?? e.beganAt) : e.beganAt;
  return Date.parse(from) + e.escalateMinutes * MINUTE;
}

/** The time of the step that ended the exception, or null while it is open. */
export function resolvedAt(e: ExceptionRow, steps: readonly StepRow[]): string | null {
  const resolving = steps.filter((s) => RESOLVING_STEPS[e.kind].includes(s.step)).map((s) => s.at);
  return resolving.length ? resolving.sort()[0]! : null;
}

/** Builds the contract's views of runs, naming staff and zones through the ports. */
export class RunViews {
  constructor(private readonly ports: ClosingPorts) {}

  run(
    r: RunRow,
    parts: {
      branch: Branch;
      items: TemplateItem[];
      version: number;
      answers: AnswerRow[];
      exceptions: ExceptionRow[];
      steps: StepRow[];
    },
  ): ClosingRun {
    const { branch } = parts;
    const staffIds = [
      r.startedBy,
      ...(r.endedBy ? [r.endedBy] : []),
      ...parts.answers.map((a) => a.by),
      ...parts.exceptions.map((e) => e.openedBy),
      ...parts.steps.map((s) => s.by),
    ];
    const names = this.ports.staff.names(staffIds);
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
    const zoneName = (id: string | null) =>
      id ? (branch.zones.find((z) => z.id === id)?.name ?? '(removed zone)') : null;
    const session = sessionOn(branch.hours, r.closingDate, branch.timeZone);
    return {
      id: r.id,
      branchId: r.branchId,
      branchName: branch.name,
      timeZone: branch.timeZone,
      closingDate: r.closingDate,
      closesAt: session ? new Date(session.closesAt).toISOString() : null,
      status: r.status,
      startedAt: r.startedAt,
      startedBy: who(r.startedBy),
      endedAt: r.endedAt,
      endedBy: r.endedBy ? who(r.endedBy) : null,
      endNote: r.endNote,
      template: { versionId: r.templateVersionId, version: parts.version },
      items: parts.items.map((item) => ({ ...item, zoneName: zoneName(item.zoneId) })),
      answers: parts.answers.map(({ by, ...a }) => ({ ...a, by: who(by) })),
      exceptions: parts.exceptions.map((e): ClosingException => {
        const steps = parts.steps.filter((s) => s.exceptionId === e.id);
        const escalate = escalationAt(e, steps);
        return {
          id: e.id,
          kind: e.kind,
          zoneId: e.zoneId,
          zoneName: zoneName(e.zoneId),
          beganAt: e.beganAt,
          openedAt: e.openedAt,
          openedBy: who(e.openedBy),
          details: e.details,
          escalateMinutes: e.escalateMinutes,
          escalateAt: escalate === null ? null : new Date(escalate).toISOString(),
          steps: steps.map((s) => ({ step: s.step, at: s.at, recordedAt: s.recordedAt, by: who(s.by), note: s.note })),
          resolvedAt: resolvedAt(e, steps),
          incidentId: e.incidentId,
        };
      }),
      journal: this.ports.journal.refsFor(r.id),
    };
  }

  summaries(rows: readonly RunSummaryRow[]): RunSummary[] {
    const names = this.ports.staff.names(
      rows.flatMap((r) => [r.startedBy, ...(r.endedBy ? [r.endedBy] : []), ...r.answerers]),
    );
    const who = (id: string) => ({ id, name: names.get(id) ?? '(unknown)' });
    return rows.map((r) => ({
      id: r.id,
      branchId: r.branchId,
      closingDate: r.closingDate,
      status: r.status,
      startedAt: r.startedAt,
      startedBy: who(r.startedBy),
      endedAt: r.endedAt,
      endedBy: r.endedBy ? who(r.endedBy) : null,
      items: r.items,
      answered: r.answered,
      failed: r.failed,
      exceptions: r.exceptionKinds.length,
      exceptionKinds: [...new Set(r.exceptionKinds)],
      byCamera: r.byCamera,
      answeredBy: r.answerers.map((id) => names.get(id) ?? '(unknown)'),
    }));
  }
}
