import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { readStored, writeStored } from '../../lib/storage';
import { useMainNow } from '../../lib/mainClock';
import { formatClock } from '../../lib/time';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import type { Branch, BranchClosing, StaffSummary } from '../../../shared/contract';
import type { BranchFilter } from '../desk/useBranchFilter';
import type { WorkRequest } from '../desk/deskActions';
import { BranchScope } from '../duties/BranchScope';
import { hoursWords } from '../duties/words';
import { localDate, sessionAt } from '../../../shared/opening-hours';
import { Announcement } from './Announcement';
import { ClosingHistory } from './ClosingHistory';
import { RunView } from './RunView';
import '../duties/duties.css';
import './closing.css';

const BRANCH_KEY = 'vigil.closingBranch';

type Open = { runId: string; focus: boolean } | null;

interface ClosingPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  /** From an alert: the run to open, or the branch whose closing is to start. */
  request: WorkRequest | undefined;
}

/**
 * Closing: for the branch in view, the checklist to start or resume, and the history
 * of its closings. A run opens beside nothing else: the checklist is the work.
 */
export function ClosingPanel({ staff, filter, request }: ClosingPanelProps) {
  const [chosen, setChosen] = useState(() => readStored(BRANCH_KEY) ?? '');
  // The run open here, per person: coming back from the Incidents tab (or a restart) finds it again.
  const openKey = `vigil.closingOpen.${staff.id}`;
  const [open, setOpen] = useState<Open>(() => {
    const id = readStored(openKey);
    return id ? { runId: id, focus: false } : null;
  });
  useEffect(() => writeStored(openKey, open?.runId ?? ''), [open, openKey]);
  // Read only while the branch view shows: a run being answered does not need it after every item.
  const overview = useQuery(
    'closing.overview',
    {},
    {
      refetchOn: ['closing.changed', 'branches.changed'],
      enabled: open === null,
    },
  );
  const [handled, setHandled] = useState<number | undefined>(undefined);
  const [focusStart, setFocusStart] = useState<number | undefined>(undefined);
  const startRef = useRef<HTMLButtonElement>(null);
  const start = useSubmit();
  const now = useMainNow(30_000);

  // An alert's request: a run opens at its first unanswered item; a branch is shown ready to start.
  if (request && request.seq !== handled) {
    setHandled(request.seq);
    const id = request.recordId;
    if (id && filter.branches.some((b) => b.id === id)) {
      setChosen(id);
      setOpen(null);
      setFocusStart(request.seq);
    } else if (id) setOpen({ runId: id, focus: true });
  }

  // Sent here by an alert to start a closing: Enter starts it.
  useEffect(() => {
    if (focusStart !== undefined) startRef.current?.focus();
  }, [focusStart]);

  const branches = filter.selected ? [filter.selected] : filter.branches;
  const branch: Branch | undefined = branches.find((b) => b.id === chosen) ?? branches[0];
  const state: BranchClosing | undefined = overview.value?.find((o) => o.branchId === branch?.id);

  function choose(id: string) {
    writeStored(BRANCH_KEY, id);
    setChosen(id);
    setOpen(null);
  }

  async function begin() {
    if (!branch) return;
    const run = await start.run(() => call('closing.start', { branchId: branch.id }));
    if (run) setOpen({ runId: run.id, focus: true });
  }

  if (open) {
    return (
      <RunView
        key={open.runId}
        runId={open.runId}
        branches={filter.branches}
        autoFocus={open.focus}
        onClose={() => setOpen(null)}
      />
    );
  }

  if (filter.branches.length === 0) {
    return (
      <EmptyState title="No branches yet">
        <p>An administrator adds the library’s branches in Settings → Branches; their closings are kept here.</p>
      </EmptyState>
    );
  }

  const run = state?.openRun;
  const session = branch ? sessionAt(branch.hours, branch.timeZone, now.getTime()) : null;
  return (
    <div className="duty-panel closing-panel">
      {!filter.selected && (
        <BranchScope
          label="Branch to close"
          branches={filter.branches}
          selected={branch?.id}
          onSelect={choose}
          statusOf={(b) => {
            const s = overview.value?.find((o) => o.branchId === b.id);
            if (s?.openRun) return { word: `Checklist ${s.openRun.answered} of ${s.openRun.items}`, tone: 'warn' };
            if (
              s?.lastRun?.status === 'signed' &&
              s.lastRun.endedAt &&
              now.getTime() - Date.parse(s.lastRun.endedAt) < 12 * 3_600_000
            ) {
              return { word: `Signed ${formatClock(new Date(s.lastRun.endedAt), b.timeZone)}`, tone: 'ok' };
            }
            return null;
          }}
        />
      )}
      {branch && (
        <section className="duty-card" aria-labelledby="closing-branch-title">
          <div className="duty-card-head">
            <div>
              <h3 id="closing-branch-title">Closing · {branch.name}</h3>
              <p className="muted">
                {hoursWords(branch, now)}
                {state &&
                  ` · ${state.itemCount} items on the checklist${state.templateSaved ? '' : ' (the library’s default)'}`}
              </p>
            </div>
            <Button
              variant={
                run || !state?.lastRun || state.lastRun.closingDate !== localDate(now.getTime(), branch.timeZone)
                  ? 'primary'
                  : 'secondary'
              }
              buttonRef={startRef}
              onClick={() => void begin()}
              disabled={start.pending}
              aria-describedby="closing-start-words"
            >
              {run ? 'Resume closing checklist' : 'Start closing checklist'}
            </Button>
          </div>
          <p id="closing-start-words" className="duty-lead">
            {run
              ? `Unfinished: started ${formatClock(new Date(run.startedAt), branch.timeZone)} by ${run.startedBy.name}, ${run.answered} of ${run.items} answered. Every answer so far is kept.`
              : 'The checklist opens on its first item: Space or Enter checks it, Y and N answer, digits count. Each zone’s camera comes up as you reach it.'}
          </p>
          {state && session && (
            <Announcement
              closesAt={session.closesAt}
              timeZone={branch.timeZone}
              reminderMinutes={state.policy.reminderMinutes}
            />
          )}
          <ErrorNotice error={start.error ?? overview.error} />
        </section>
      )}
      {branch && (
        <ClosingHistory key={branch.id} branch={branch} onOpen={(runId) => setOpen({ runId, focus: false })} />
      )}
    </div>
  );
}
