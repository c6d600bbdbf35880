import { ShiftsPurgeRepo } from './shifts.purge.repo';
import type { AlertSource } from '../alerts/scheduler';
import type { DeskKernel, Kernel } from '../kernel';
import type { Role } from '../../shared/roles';
import { EntriesRepo } from './entries.repo';
import { EntriesService } from './entries.service';
import { EntryDraftsRepo } from './entry-drafts.repo';
import { EntryDraftsService } from './entry-drafts.service';
import type { ShiftPorts } from './ports';
import { callbackAlerts } from './shifts.alerts';
import { shiftsHandlers } from './shifts.handlers';
import { ShiftsRepo } from './shifts.repo';
import { ShiftsService } from './shifts.service';
import { ShownAudit } from '../audit/shown-audit';

export type ShiftDeps = ShiftPorts & { roleOf(staffId: string): Role | null };

/** The services alone, on any kernel: the demo seed builds them on a clock of its own. */
export function shiftServices(k: Kernel, deps: ShiftDeps) {
  const repo = new ShiftsRepo(k.db);
  const draftsRepo = new EntryDraftsRepo(k.db);
  const entries = new EntriesService(
    k.db,
    new EntriesRepo(k.db),
    draftsRepo,
    repo,
    k.journal,
    new ShownAudit(k.audit, k.clock),
    deps,
    k.events,
    k.clock,
  );
  const shifts = new ShiftsService(k.db, repo, entries, k.journal, deps, k.events, k.clock);
  const drafts = new EntryDraftsService(k.db, draftsRepo, deps, k.audit, k.clock);
  return { shifts, entries, drafts };
}

/**
 * The shift: who is on the desk and where, the shift log (notes, phone calls and
 * voicemails with their callbacks, notes passed on to the next shift and who read
 * them), the entry each person is writing (kept in main, outside the journal), the
 * callbacks-waiting alert. Consoles hear of every change ('shifts.changed').
 */
export function createShifts(k: DeskKernel, deps: ShiftDeps, alerts: { register(source: AlertSource): void }) {
  const { shifts, entries, drafts } = shiftServices(k, deps);
  alerts.register(callbackAlerts(entries, deps));
  k.events.on('shift.changed', () => k.consoles.broadcast('shifts.changed', {}));
  return {
    shifts,
    entries,
    handlers: shiftsHandlers(shifts, entries, drafts),
    purge: new ShiftsPurgeRepo(k.db),
  };
}

export type { ShiftsService } from './shifts.service';
export type { EntriesService } from './entries.service';
export type { ShiftPorts } from './ports';
