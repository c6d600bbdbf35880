import type { Branch } from '../../shared/contract/branches';
import { NATURE_WORDS } from '../../shared/call-words';
import { ENTRY_KIND_WORDS } from '../../shared/shift-words';
import { lastSessionStarted } from '../../shared/opening-hours';
import { clockIn, zoneOf } from '../desk-time';
import type { EntriesService } from './entries.service';
import type { ShiftPorts } from './ports';
import type { ShiftRow } from './shifts.repo';

/** A closing that ended this long ago is another shift's business. */
const CLOSING_LOOKBACK_MS = 12 * 3_600_000;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * What is still open where a shift was worked, said plainly as it ends: calls not
 * cleared, a closing nobody signed, callbacks not made. Words only: nothing here
 * stops the shift from ending.
 */
export function endWarnings(shift: ShiftRow, entries: EntriesService, ports: ShiftPorts, now: number): string[] {
  const inScope = (branchId: string | null) =>
    shift.branchId === null || branchId === null || branchId === shift.branchId;
  const branches = ports.branches.list().filter((b) => !b.retired && inScope(b.id));
  const name = (id: string) => ports.branches.find(id)?.name ?? 'a branch';
  const out: string[] = [];

  const calls = ports.calls.openItems().filter((c) => inScope(c.branchId));
  if (calls.length > 0) {
    const list = calls
      .map((c) => {
        const where = c.zoneName ? ` in ${c.zoneName}` : '';
        const zone = zoneOf(c.branchId, ports.branches);
        return `${NATURE_WORDS[c.nature]}${where} at ${name(c.branchId)} since ${clockIn(c.receivedAt, zone)}`;
      })
      .join('; ');
    out.push(
      `${calls.length} ${plural(calls.length, 'call is', 'calls are')} still open: ${list}. ` +
        `${plural(calls.length, 'It stays', 'They stay')} on the Calls tab for the next person.`,
    );
  }

  const closings = new Map(ports.closing.overview().map((c) => [c.branchId, c]));
  for (const b of branches) {
    const problem = closingProblem(b, closings.get(b.id), now);
    if (problem) out.push(problem);
  }

  const waiting = entries.callbackRows().filter((e) => inScope(e.branchId));
  if (waiting.length > 0) {
    const list = waiting
      .map((e) => `${ENTRY_KIND_WORDS[e.kind].toLowerCase()} of ${clockIn(e.at, zoneOf(e.branchId, ports.branches))}`)
      .join(', ');
    out.push(
      `${waiting.length} ${plural(waiting.length, 'callback is', 'callbacks are')} still to be made (${list}). ` +
        `${plural(waiting.length, 'It stays', 'They stay')} in the Callbacks list.`,
    );
  }
  return out;
}

function closingProblem(
  b: Branch,
  closing:
    { openRun: { closingDate: string } | null; lastRun: { closingDate: string; status: string } | null } | undefined,
  now: number,
): string | null {
  const session = lastSessionStarted(b.hours, b.timeZone, now, 1);
  if (!session || session.closesAt > now || now - session.closesAt > CLOSING_LOOKBACK_MS) return null;
  const closedAt = clockIn(new Date(session.closesAt).toISOString(), b.timeZone);
  if (closing?.lastRun?.closingDate === session.date && closing.lastRun.status === 'signed') return null;
  if (closing?.openRun?.closingDate === session.date) {
    return `The closing checklist at ${b.name} (closed at ${closedAt}) is started but the building clear is not signed.`;
  }
  if (closing?.lastRun?.closingDate === session.date && closing.lastRun.status === 'abandoned') {
    return `The closing at ${b.name} (closed at ${closedAt}) was set aside unsigned.`;
  }
  return `Nobody has signed the building clear at ${b.name} tonight (closed at ${closedAt}).`;
}
