import type { DeskAlert } from '../../shared/contract/alerts';
import { ENTRY_KIND_WORDS } from '../../shared/shift-words';
import type { AlertSource } from '../alerts/scheduler';
import { clockIn, zoneOf } from '../desk-time';
import type { EntriesService } from './entries.service';
import type { ShiftPorts } from './ports';

/** A callback not made after this long is a notice on the strip. */
export const CALLBACK_ALERT_MINUTES = 30;
/** Older than this, a waiting callback stays in the Callbacks list but leaves the strip: it is not news. */
const CALLBACK_ALERT_HOURS = 48;

/**
 * Callbacks the desk said it would make and has not: one notice each, from half an hour
 * after the message. The title names no caller (the strip is read across the room);
 * the number and the name are in the shift log.
 */
export function callbackAlerts(entries: EntriesService, ports: Pick<ShiftPorts, 'branches'>): AlertSource {
  return {
    name: 'shift callbacks',
    alerts(now: Date): DeskAlert[] {
      const out: DeskAlert[] = [];
      for (const e of entries.callbackRows()) {
        const waited = now.getTime() - Date.parse(e.at);
        if (waited < CALLBACK_ALERT_MINUTES * 60_000 || waited > CALLBACK_ALERT_HOURS * 3_600_000) continue;
        const where = e.branchId ? (ports.branches.find(e.branchId)?.name ?? 'a branch') : 'the desk';
        out.push({
          id: `shift.callback:${e.chainId}`,
          kind: 'shift.callback',
          level: 'notice',
          branchId: e.branchId,
          title: `Callback waiting: ${ENTRY_KIND_WORDS[e.kind].toLowerCase()} at ${where}`,
          detail: `Since ${clockIn(e.at, zoneOf(e.branchId, ports.branches))}; the number is in the shift log`,
          since: e.at,
          work: { tab: 'shift', recordId: e.chainId },
        });
      }
      return out;
    },
  };
}
