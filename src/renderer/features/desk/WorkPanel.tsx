import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { EmptyState } from '../../components/EmptyState';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import type { StaffSummary } from '../../../shared/contract';
import { IncidentsPanel } from '../incidents/IncidentsPanel';
import { BansPanel } from '../bans/BansPanel';
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

const EMPTY: Record<Exclude<WorkTab, 'incidents' | 'bans'>, { title: string; body: string }> = {
  rounds: {
    title: 'No rounds yet',
    body: 'Patrol rounds and their checkpoints will be tracked here. Rounds arrive in a later release.',
  },
  calls: {
    title: 'No calls yet',
    body: 'Staff calls for assistance will appear here as they come in. Calls arrive in a later release.',
  },
  closing: {
    title: 'No closing checklist yet',
    body: 'The building-clear checklist for closing will be here. It arrives in a later release.',
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
  onWorkRequestHandled: () => void;
}

/** The desk's work: one tab per duty; those not built yet say plainly what they will hold. */
export function WorkPanel(props: WorkPanelProps) {
  const { staff, filter, incidentRequest, onIncidentRequestHandled, workRequest, onWorkRequestHandled } = props;
  const [tab, setTab] = useState<WorkTab>(() => {
    const stored = readStored(STORAGE_KEYS.workTab);
    return isWorkTab(stored) ? stored : 'incidents';
  });
  const [requestSeen, setRequestSeen] = useState<number | undefined>(undefined);
  // The Bans panel stays mounted once shown, so a form half filled in there survives a look at another tab.
  const [bansShown, setBansShown] = useState(tab === 'bans');
  if (workRequest && workRequest.seq !== requestSeen) {
    setRequestSeen(workRequest.seq);
    writeStored(STORAGE_KEYS.workTab, workRequest.tab);
    setTab(workRequest.tab);
    if (workRequest.tab === 'bans') setBansShown(true);
  }
  // A request for the Incidents panel brings its tab forward (adjusted while rendering, not in an effect).
  if (incidentRequest && tab !== 'incidents') {
    writeStored(STORAGE_KEYS.workTab, 'incidents');
    setTab('incidents');
  }

  function select(next: WorkTab) {
    writeStored(STORAGE_KEYS.workTab, next);
    setTab(next);
    if (next === 'bans') setBansShown(true);
  }

  return (
    <Tabs label="Desk work" tabs={WORK_TABS} selected={tab} onSelect={select} className="work-tabs">
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
      {tab !== 'incidents' && tab !== 'bans' && (
        <EmptyState title={EMPTY[tab].title}>
          <p>{EMPTY[tab].body}</p>
        </EmptyState>
      )}
    </Tabs>
  );
}
