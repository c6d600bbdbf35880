import type { CallListItem } from '../../shared/contract/calls';
import type { ClosingRun } from '../../shared/contract/closing';
import type { EvacuationSummary } from '../../shared/contract/evacuation';
import type { IncidentListItem } from '../../shared/contract/incidents';
import type { ResourceKind } from '../../shared/contract/resources';
import type { RoundSummary } from '../../shared/contract/rounds';
import type { ShiftEntry, ShiftSummary } from '../../shared/contract/shifts';
import { addDays, localDate, sessionOn } from '../../shared/opening-hours';
import type { ActivityPorts } from './ports';

const PAGE = 200;

export interface ReportSpan {
  scope: 'shift' | 'day';
  shiftId: string | null;
  /** null: every branch. */
  branchId: string | null;
  branchName: string;
  timeZone: string;
  /** The local date the report is for. */
  date: string;
  from: string;
  to: string;
}

export interface ClosingResult {
  branchName: string;
  date: string;
  /** The branch's closing time that day, if it was open. */
  closesAt: string | null;
  run: ClosingRun | null;
}

export interface ReportData extends ReportSpan {
  shifts: ShiftSummary[];
  rounds: (RoundSummary & { branchName: string })[];
  missedRounds: { routeName: string; dueAt: string; branchName: string }[];
  skippedCheckpoints: number;
  incidents: IncidentListItem[];
  calls: CallListItem[];
  closings: ClosingResult[];
  evacuations: (EvacuationSummary & { branchName: string })[];
  referrals: { kind: ResourceKind; count: number }[];
  /** Current versions of the span's log entries, oldest first (withdrawn ones left out). */
  entries: ShiftEntry[];
  /** Entries of the span that were later corrected: counted, so the reader knows. */
  corrections: number;
  journal: { entries: number; hash: string } | null;
  /** The log entries shown that name someone: the report's read of them is audited. */
  naming: string[];
}

const within = (iso: string | null, from: string, to: string) => iso !== null && iso >= from && iso < to;

/** Every page of a paged search. */
function all<T>(page: (cursor: string | undefined) => { items: T[]; nextCursor: string | null }): T[] {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * What happened in a span at a branch (or everywhere), read from each duty through its
 * service: who was on, rounds walked and missed, incidents, calls, the closing, any
 * evacuation or drill, referrals, and the shift log with what was passed on.
 */
export function gatherReport(span: ReportSpan, ports: ActivityPorts, staffId: string): ReportData {
  const { from, to, branchId } = span;
  const branches = ports.branches.list().filter((b) => (branchId ? b.id === branchId : !b.retired));
  const name = (id: string) => ports.branches.find(id)?.name ?? '(removed branch)';
  const filter = branchId ? { branchId } : {};

  const incidents = all((cursor) =>
    ports.incidents.search({ text: '', ...filter, from, to, limit: PAGE, ...(cursor ? { cursor } : {}) }, staffId),
  ).reverse();
  const calls = all((cursor) =>
    ports.calls.search({ text: '', ...filter, from, to, limit: PAGE, ...(cursor ? { cursor } : {}) }, staffId),
  ).reverse();

  const rounds: ReportData['rounds'] = [];
  const missedRounds: ReportData['missedRounds'] = [];
  let skippedCheckpoints = 0;
  const closings: ClosingResult[] = [];
  for (const b of branches) {
    const first = localDate(Date.parse(from), b.timeZone);
    const last = localDate(Date.parse(to) - 1, b.timeZone);
    const history = ports.rounds.history(b.id, first, last, null);
    for (const r of history.rounds) if (within(r.startedAt, from, to)) rounds.push({ ...r, branchName: b.name });
    for (const m of history.missed) {
      if (within(m.dueAt, from, to)) missedRounds.push({ routeName: m.routeName, dueAt: m.dueAt, branchName: b.name });
    }
    skippedCheckpoints += history.skipped.filter((s) => within(s.at, from, to)).length;
    const runs = ports.closing.runsBetween(b.id, first, last);
    for (let date = first; date <= last; date = addDays(date, 1)) {
      const session = sessionOn(b.hours, date, b.timeZone);
      const closesAt = session ? new Date(session.closesAt).toISOString() : null;
      const run = runs.filter((r) => r.closingDate === date).at(-1) ?? null;
      // A shift's report speaks of the closing it could see: one that fell in its hours, or was worked in them.
      const seen =
        span.scope === 'day' || within(closesAt, from, to) || (run !== null && within(run.startedAt, from, to));
      if (seen && (run || (closesAt && session))) closings.push({ branchName: b.name, date, closesAt, run });
    }
  }

  const evacuations = ports.evacuation
    .startedBetween(from, to)
    .filter((e) => !branchId || e.branchId === branchId)
    .map((e) => ({ ...e, branchName: name(e.branchId) }));

  const log = ports.entries.between(from, to, branchId);
  const entries = log.entries.filter((e) => e.current && !e.withdrawn).reverse();
  const shown = new Set(entries.map((e) => e.id));

  return {
    ...span,
    shifts: ports.shifts.overlapping(from, to, branchId),
    rounds,
    missedRounds: missedRounds.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    skippedCheckpoints,
    incidents,
    calls,
    closings,
    evacuations,
    referrals: ports.community.kindsBetween(from, to, branchId),
    entries,
    corrections: log.entries.filter((e) => !e.current).length,
    journal: ports.journal.head(),
    naming: log.naming.filter((id) => shown.has(id)),
  };
}
