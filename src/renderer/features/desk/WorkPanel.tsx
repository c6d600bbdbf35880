import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import { useQuery } from '../../lib/useQuery';
import type { StaffSummary } from '../../../shared/contract';
import { CallsPanel, type CallsRequest } from '../calls/CallsPanel';
import { ClosingPanel } from '../closing/ClosingPanel';
import { RoundsPanel } from '../rounds/RoundsPanel';
import { IncidentsPanel } from '../incidents/IncidentsPanel';
import { BansPanel } from '../bans/BansPanel';
import { ShiftPanel } from '../shift/ShiftPanel';
import type { IncidentRequest } from '../incidents/request';
import type { BranchFilter } from './useBranchFilter';
import type { WorkRequest } from './deskActions';

const WORK_TABS = [
  { key: 'incidents', label: 'Incidents' },
  { key: 'bans', label: 'Bans' },
  { key: 'rounds', label: 'Rounds' },
  { key: 'calls', label: 'Calls' },
  { key: 'closing', label: 'Closing' },
  { key: 'shift', label: 'Shift' },
] as const;
type WorkTab = (typeof WORK_TABS)[number]['key'];

const isWorkTab = (key: string | null): key is WorkTab => WORK_TABS.some((t) => t.key === key);

interface WorkPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  /** From a camera tile or a desk key: shows the Incidents tab and hands it the request. */
  incidentRequest: IncidentRequest | undefined;
  onIncidentRequestHandled: () => void;
  /** An alert or another panel asks for a tab (and a record there). */
  workRequest: WorkRequest | undefined;
  onWorkRequestHandled: () => void;
  /** Key A (the quick call form) or a call to open: shows the Calls tab and hands it the request. */
  callsRequest: CallsRequest | undefined;
  /** False while hidden under the coordinator's screen: its panels' keys stay quiet. */
  keysActive: boolean;
  onStartEvacuation: () => void;
}

/** The desk's work: one tab per duty. */
export function WorkPanel(props: WorkPanelProps) {
  const { staff, filter, incidentRequest, onIncidentRequestHandled, workRequest, onWorkRequestHandled } = props;
  const { callsRequest } = props;
  const [tab, setTab] = useState<WorkTab>(() => {
    const stored = readStored(STORAGE_KEYS.workTab);
    return isWorkTab(stored) ? stored : 'incidents';
  });
  const [requestSeen, setRequestSeen] = useState<number | undefined>(undefined);
  // The Bans panel stays mounted once shown, so a form half filled in there survives a look at another tab.
  const [bansShown, setBansShown] = useState(tab === 'bans');
  const [callsSeen, setCallsSeen] = useState<number | undefined>(undefined);
  // Open calls are counted on the tab whatever tab is showing: they are never out of sight.
  const openCalls = useQuery('calls.open', {}, { refetchOn: ['calls.changed'] });
  // Notes passed on and callbacks waiting are counted on the Shift tab whatever tab is showing.
  const shiftNow = useQuery('shifts.now', {}, { refetchOn: ['shifts.changed'] });
  // Signing in shows what the last shift passed on: the Shift tab comes forward once when there is any to read.
  const [passOnShown, setPassOnShown] = useState(false);
  if (!passOnShown && shiftNow.value) {
    setPassOnShown(true);
    if (shiftNow.value.toAcknowledge > 0 && !workRequest && !callsRequest && !incidentRequest) setTab('shift');
  }
  // The request goes to its panel once: leaving the tab drops it, so coming back does not act on it again.
  const [delivered, setDelivered] = useState<WorkRequest | undefined>(undefined);
  if (workRequest && workRequest.seq !== requestSeen) {
    setRequestSeen(workRequest.seq);
    setDelivered(workRequest);
    writeStored(STORAGE_KEYS.workTab, workRequest.tab);
    setTab(workRequest.tab);
    if (workRequest.tab === 'bans') setBansShown(true);
  }
  if (callsRequest && callsRequest.seq !== callsSeen) {
    setCallsSeen(callsRequest.seq);
    writeStored(STORAGE_KEYS.workTab, 'calls');
    setTab('calls');
  }
  // A request for the Incidents panel brings its tab forward (adjusted while rendering, not in an effect).
  if (incidentRequest && tab !== 'incidents') {
    writeStored(STORAGE_KEYS.workTab, 'incidents');
    setTab('incidents');
    setDelivered(undefined);
  }

  function select(next: WorkTab) {
    writeStored(STORAGE_KEYS.workTab, next);
    setTab(next);
    if (next === 'bans') setBansShown(true);
    setDelivered(undefined);
  }

  const open = openCalls.value?.length ?? 0;
  const toRead = shiftNow.value?.toAcknowledge ?? 0;
  const callbacks = shiftNow.value?.callbacksWaiting ?? 0;
  // One short count, so the tabs keep to one row: notes to read first, then callbacks.
  const shiftWords = toRead ? `${toRead} to read` : callbacks ? `${callbacks} to call back` : '';
  const tabs = WORK_TABS.map((t) =>
    t.key === 'calls' && open > 0
      ? { ...t, label: `Calls (${open} open)` }
      : t.key === 'shift' && shiftWords
        ? { ...t, label: `Shift (${shiftWords})` }
        : t,
  );
  return (
    <Tabs label="Desk work" tabs={tabs} selected={tab} onSelect={select} className="work-tabs">
      {tab === 'incidents' && (
        <IncidentsPanel
          staff={staff}
          filter={filter}
          request={incidentRequest}
          onRequestHandled={onIncidentRequestHandled}
        />
      )}
      {bansShown && (
        <div className="work-tab-holder" hidden={tab !== 'bans'}>
          <BansPanel
            staff={staff}
            filter={filter}
            shown={tab === 'bans'}
            request={workRequest?.tab === 'bans' ? workRequest : undefined}
            onRequestHandled={onWorkRequestHandled}
          />
        </div>
      )}
      {tab === 'calls' && (
        <CallsPanel
          staff={staff}
          filter={filter}
          openCalls={openCalls.value}
          openError={openCalls.error}
          request={callsRequest}
          keysActive={props.keysActive}
          onStartEvacuation={props.onStartEvacuation}
        />
      )}
      {tab === 'closing' && (
        <ClosingPanel staff={staff} filter={filter} request={delivered?.tab === 'closing' ? delivered : undefined} />
      )}
      {tab === 'rounds' && (
        <RoundsPanel staff={staff} filter={filter} request={delivered?.tab === 'rounds' ? delivered : undefined} />
      )}
      {tab === 'shift' && (
        <ShiftPanel staff={staff} filter={filter} request={delivered?.tab === 'shift' ? delivered : undefined} />
      )}
    </Tabs>
  );
}
