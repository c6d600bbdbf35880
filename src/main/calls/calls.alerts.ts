import type { DeskAlert } from '../../shared/contract/alerts';
import { NATURE_WORDS } from '../../shared/call-words';
import type { AlertSource } from '../alerts/scheduler';
import type { CallsService } from './calls.service';
import type { CallPorts } from './ports';

const MINUTE = 60_000;

/**
 * Open calls that need the desk now: an urgent call nobody is responding to after
 * the configured minutes (urgent), and any call still open past its limit (warning).
 * Derived from the call rows and the clock; nothing is stored.
 */
export function callAlerts(calls: CallsService, ports: Pick<CallPorts, 'branches'>): AlertSource {
  return {
    name: 'calls',
    alerts(now: Date): DeskAlert[] {
      const rules = calls.alertSettings();
      const out: DeskAlert[] = [];
      for (const c of calls.openRows()) {
        const waited = now.getTime() - Date.parse(c.received_at);
        const zone = c.zone_id ? ports.branches.zoneOf(c.zone_id)?.name : undefined;
        const what = `${NATURE_WORDS[c.nature].toLowerCase()}${zone ? ` in ${zone}` : ''}`;
        const work = { tab: 'calls' as const, recordId: c.id };
        if (c.priority === 'urgent' && c.status === 'received' && waited >= rules.urgentUnansweredMinutes * MINUTE) {
          out.push({
            id: `call.unanswered:${c.id}`,
            kind: 'call.unanswered',
            level: 'urgent',
            branchId: c.branch_id,
            title: `Urgent call, nobody responding: ${what}`,
            detail: `Called by ${c.caller_name} (${c.channel})${c.detail ? `: ${c.detail}` : ''}`,
            since: c.received_at,
            work,
          });
        } else if (waited >= rules.openTooLongMinutes * MINUTE) {
          out.push({
            id: `call.open:${c.id}`,
            kind: 'call.openTooLong',
            level: 'warning',
            branchId: c.branch_id,
            title: `Call still open: ${what}`,
            detail: c.responder_names ? `Responding: ${c.responder_names}` : 'Nobody is responding yet',
            since: c.received_at,
            work,
          });
        }
      }
      return out;
    },
  };
}
