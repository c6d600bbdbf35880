import { useQuery } from '../../lib/useQuery';
import { Button } from '../../components/Button';
import type { Branch } from '../../../shared/contract';
import { NATURE_WORDS } from '../../../shared/call-words';
import { useDeskActions } from '../desk/deskActions';
import { whenAt } from './time';

/** On a report started from a staff call: which call, and the way back to it. */
export function CallOrigin({ incidentId, branches }: { incidentId: string; branches: readonly Branch[] }) {
  const origin = useQuery('calls.forIncident', { incidentId }, { refetchOn: ['calls.changed'] });
  const { openWork } = useDeskActions();
  const c = origin.value;
  if (!c) return null;
  const tz = branches.find((b) => b.id === c.branchId)?.timeZone;
  return (
    <p className="call-origin">
      Started from a staff call: {NATURE_WORDS[c.nature]}
      {c.zoneName ? ` · ${c.zoneName}` : ''}, received {whenAt(c.receivedAt, tz)}.{' '}
      <Button small variant="quiet" onClick={() => openWork('calls', c.id)}>
        Open the call
      </Button>
    </p>
  );
}
