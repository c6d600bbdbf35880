import { useState } from 'react';
import { Tabs } from '../../components/Tabs';
import { EmptyState } from '../../components/EmptyState';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';

const WORK_TABS = [
  { key: 'incidents', label: 'Incidents' },
  { key: 'bans', label: 'Bans' },
  { key: 'rounds', label: 'Rounds' },
  { key: 'calls', label: 'Calls' },
  { key: 'closing', label: 'Closing' },
] as const;
type WorkTab = (typeof WORK_TABS)[number]['key'];

const EMPTY: Record<WorkTab, { title: string; body: string }> = {
  incidents: {
    title: 'No incidents yet',
    body: 'Incident reports will be written and listed here. Incident reporting arrives in a later release of Vigil.',
  },
  bans: {
    title: 'No bans yet',
    body: 'Active bans and reinstatement meetings will be listed here. The ban list arrives in a later release.',
  },
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

/** The desk's work: one tab per duty, each for now saying plainly what it will hold. */
export function WorkPanel() {
  const [tab, setTab] = useState<WorkTab>(() => {
    const stored = readStored(STORAGE_KEYS.workTab);
    return isWorkTab(stored) ? stored : 'incidents';
  });

  function select(next: WorkTab) {
    writeStored(STORAGE_KEYS.workTab, next);
    setTab(next);
  }

  const empty = EMPTY[tab];
  return (
    <Tabs label="Desk work" tabs={WORK_TABS} selected={tab} onSelect={select} className="work-tabs">
      <EmptyState title={empty.title}>
        <p>{empty.body}</p>
      </EmptyState>
    </Tabs>
  );
}
