import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { EmptyState } from '../../components/EmptyState';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import type { StaffSummary } from '../../../shared/contract';
import { ClosingPanel } from '../closing/ClosingPanel';
import { RoundsPanel } from '../rounds/RoundsPanel';
import { IncidentsPanel } from '../incidents/IncidentsPanel';
import type { IncidentRequest } from '../incidents/request';
import type { BranchFilter } from './useBranchFilter';
import type { WorkRequest } from './deskActions';

const WORK_TABS = [
  { key: 'incidents', label: 'Incidents' },
  { key: 'bans', label: 'Bans' },
  { key: 'rounds', label: 'Rounds' },
  { key: 'calls', label: 'Calls' },
  { key: 'closing', label: 'Closing' },
] as const;
type WorkTab = (typeof WORK_TABS)[number]['key'];

const EMPTY: Record<Exclude<WorkTab, 'incidents' | 'closing' | 'rounds'>, { title: string; body: string }> = {
  bans: {
    title: 'No bans yet',
    body: 'Active bans and reinstatement meetings will be listed here. The ban list arrives in a later release.',
  },
  calls: {
    title: 'No calls yet',
    body: 'Staff calls for assistance will appear here as they come in. Calls arrive in a later release.',
  },
};

const isWorkTab = (key: string | null): key is WorkTab => WORK_TABS.some((t) => t.key === key);

interface WorkPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  /** From a camera tile or a desk key: shows the Incidents tab and hands it the request. */
  incidentRequest: IncidentRequest | undefined;
  onIncidentRequestHandled: () => void;
  /** An alert or another panel asks for a tab (and a record there). */
  workRequest: WorkRequest | undefined;
}

/** The desk's work: one tab per duty; those not built yet say plainly what they will hold. */
export function WorkPanel({ staff, filter, incidentRequest, onIncidentRequestHandled, workRequest }: WorkPanelProps) {
  const [tab, setTab] = useState<WorkTab>(() => {
    const stored = readStored(STORAGE_KEYS.workTab);
    return isWorkTab(stored) ? stored : 'incidents';
  });
  const [requestSeen, setRequestSeen] = useState<number | undefined>(undefined);
  // The request goes to its panel once: leaving the tab drops it, so coming back does not act on it again.
  const [delivered, setDelivered] = useState<WorkRequest | undefined>(undefined);
  if (workRequest && workRequest.seq !== requestSeen) {
    setRequestSeen(workRequest.seq);
    setDelivered(workRequest);
    writeStored(STORAGE_KEYS.workTab, workRequest.tab);
    setTab(workRequest.tab);
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
    setDelivered(undefined);
  }

  return (
    <Tabs label="Desk work" tabs={WORK_TABS} selected={tab} onSelect={select} className="work-tabs">
      {tab === 'incidents' ? (
        <IncidentsPanel
          staff={staff}
          filter={filter}
          request={incidentRequest}
          onRequestHandled={onIncidentRequestHandled}
        />
      ) : tab === 'closing' ? (
        <ClosingPanel staff={staff} filter={filter} request={delivered?.tab === 'closing' ? delivered : undefined} />
      ) : tab === 'rounds' ? (
        <RoundsPanel staff={staff} filter={filter} request={delivered?.tab === 'rounds' ? delivered : undefined} />
      ) : (
        <EmptyState title={EMPTY[tab].title}>
          <p>{EMPTY[tab].body}</p>
        </EmptyState>
      )}
    </Tabs>
  );
}
