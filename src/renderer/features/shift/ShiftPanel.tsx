import { useState } from 'react';
import { useQuery } from '../../lib/useQuery';
import { useMainNow } from '../../lib/mainClock';
import { readStored, writeStored } from '../../lib/storage';
import { Tabs } from '../../components/Tabs';
import { ErrorNotice } from '../../components/Notice';
import type { StaffSummary } from '../../../shared/contract';
import { localDate } from '../../../shared/opening-hours';
import { ALL_BRANCHES } from '../../../shared/shift-words';
import type { BranchFilter } from '../desk/useBranchFilter';
import type { WorkRequest } from '../desk/deskActions';
import { CallbacksList, PassOnList } from './PassOnList';
import { EntryForm } from './EntryForm';
import { ReferralCard } from './ReferralCard';
import { ReportsCard } from './ReportsCard';
import { ShiftBar } from './ShiftBar';
import { ShiftLog } from './ShiftLog';
import '../duties/duties.css';
import './shift.css';

const VIEWS = [
  { key: 'log', label: 'Log' },
  { key: 'services', label: 'Community services' },
  { key: 'reports', label: 'Reports' },
] as const;
type View = (typeof VIEWS)[number]['key'];
const VIEW_KEY = 'vigil.shiftView';

interface ShiftPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  /** From the desk check: a community service to refer a patron to. */
  request: WorkRequest | undefined;
}

/**
 * The shift: who is on and since when, what the last shift passed on (acknowledged one
 * by one), callbacks waiting, the log, community services with the referral card, and
 * the activity reports emailed to the manager.
 */
export function ShiftPanel({ staff, filter, request }: ShiftPanelProps) {
  const now = useQuery('shifts.now', {}, { refetchOn: ['shifts.changed'] });
  const clock = useMainNow(60_000);
  const [view, setView] = useState<View>(() => {
    const stored = readStored(VIEW_KEY);
    return VIEWS.some((v) => v.key === stored) ? (stored as View) : 'log';
  });
  const [handled, setHandled] = useState<number | undefined>(undefined);
  const [preselect, setPreselect] = useState<string | null>(null);
  const [focusEntry, setFocusEntry] = useState(0);
  if (request && request.seq !== handled) {
    setHandled(request.seq);
    if (request.recordId) {
      setPreselect(request.recordId);
      setView('services');
    } else {
      // Key L: the log, with the cursor in the entry.
      setView('log');
      setFocusEntry(request.seq);
    }
  }
  function select(next: View) {
    writeStored(VIEW_KEY, next);
    setView(next);
  }

  if (!now.value) return <ErrorNotice error={now.error} />;
  const mine = now.value.mine;
  // The log and reports are of the shift's place, else the header's branch, else the first branch.
  const branch = mine ? filter.branches.find((b) => b.id === mine.branchId) : (filter.selected ?? filter.branches[0]);
  const branchId = mine ? mine.branchId : (branch?.id ?? null);
  const branchName = branchId ? (branch?.name ?? '') : ALL_BRANCHES;
  const timeZone = branch?.timeZone ?? filter.branches[0]?.timeZone;
  const today = localDate(clock.getTime(), timeZone ?? 'UTC');
  const lastOfMine = mine ?? (now.value.previous?.staff.id === staff.id ? now.value.previous : null);

  return (
    <div className="duty-panel shift-panel">
      <ShiftBar
        key={mine?.id ?? 'off'}
        now={now.value}
        branches={filter.branches}
        preferred={filter.selected}
        onChanged={now.reload}
      />
      <PassOnList branches={filter.branches} />
      <CallbacksList branches={filter.branches} />
      <Tabs label="Shift work" tabs={VIEWS} selected={view} onSelect={select} className="shift-tabs">
        {view === 'log' && (
          <>
            <EntryForm staffId={staff.id} branchId={branchId} timeZone={timeZone} focusSeq={focusEntry} />
            <ShiftLog branchId={branchId} branchName={branchName} date={today} timeZone={timeZone} />
          </>
        )}
        {view === 'services' && <ReferralCard key={preselect ?? ''} branchId={branchId} preselect={preselect} />}
        {view === 'reports' && (
          <ReportsCard
            branchId={branchId}
            branchName={branchName}
            today={today}
            timeZone={timeZone}
            shiftId={lastOfMine?.id ?? null}
          />
        )}
      </Tabs>
    </div>
  );
}
