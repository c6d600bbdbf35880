import { AppError, invalid } from '../errors';
import type { LinkKind } from '../../shared/contract/shifts';
import { NATURE_WORDS } from '../../shared/call-words';
import { timeFormat } from '../reports/format';
import { zoneOf } from '../desk-time';
import type { ShiftPorts } from './ports';

/**
 * The words an incident or call is linked by ("MAIN-2026-0042", "Call of 19:42:
 * Disturbance in Lobby"); a person's is '' (named when shown, an audited read).
 * Throws VALIDATION, said at the links field, for something not on file.
 */
export function linkLabel(ports: ShiftPorts, kind: LinkKind, id: string): string {
  if (kind === 'person') {
    if (!ports.people.exists(id)) throw invalid('That person is not on file.', { links: 'Unknown person' });
    return '';
  }
  if (kind === 'incident') {
    try {
      return ports.incidents.basis(id).number;
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') {
        throw invalid('Link a filed report: that one was not found.', { links: 'Unknown report' });
      }
      throw e;
    }
  }
  const call = ports.calls.listItem(id);
  if (!call) throw invalid('That call was not found.', { links: 'Unknown call' });
  const when = timeFormat(zoneOf(call.branchId, ports.branches)).when(call.receivedAt);
  return `Call of ${when}: ${NATURE_WORDS[call.nature]}${call.zoneName ? ` in ${call.zoneName}` : ''}`;
}
