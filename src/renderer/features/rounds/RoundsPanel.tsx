import { useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { useSubmit } from '../../lib/useSubmit';
import { readStored, writeStored } from '../../lib/storage';
import { useMainNow } from '../../lib/mainClock';
import { isTypingTarget, modalIsOpen } from '../../lib/keys';
import { formatDateTime } from '../../lib/time';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { Branch, RouteStatus, StaffSummary } from '../../../shared/contract';
import type { BranchFilter } from '../desk/useBranchFilter';
import type { WorkRequest } from '../desk/deskActions';
import { BranchScope } from '../duties/BranchScope';
import { hoursWords } from '../duties/words';
import { RoundView } from './RoundView';
import { RoundsHistory } from './RoundsHistory';
import { mostPressing, routeStateWords } from './routeWords';
import '../duties/duties.css';
import './rounds.css';

const BRANCH_KEY = 'vigil.roundsBranch';
const MINUTE = 60_000;

interface RoundsPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  /** From an alert: the route whose round is due or overdue. */
  request: WorkRequest | undefined;
}

/**
 * Rounds: the branch's routes and where each stands now (due, overdue, in progress),
 * R to start the most pressing one, the round being walked, and the history.
 */
export function RoundsPanel({ staff, filter, request }: RoundsPanelProps) {
  const now = useMainNow(15_000);
  const [chosen, setChosen] = useState(() => readStored(BRANCH_KEY) ?? '');
  const openKey = `vigil.roundOpen.${staff.id}`;
  const [open, setOpen] = useState<{ roundId: string; focus: boolean } | null>(() => {
    const id = readStored(openKey);
    return id ? { roundId: id, focus: false } : null;
  });
  useEffect(() => writeStored(openKey, open?.roundId ?? ''), [open, openKey]);
  // Due and overdue move with the clock, not only with records: asked again each minute, while the list shows.
  const overview = useQuery(
    'rounds.overview',
    {},
    {
      refetchOn: ['rounds.changed', 'branches.changed', 'clock.changed'],
      deps: [Math.floor(now.getTime() / MINUTE)],
      enabled: open === null,
    },
  );
  const [handled, setHandled] = useState<number | undefined>(undefined);
  const [focusRoute, setFocusRoute] = useState<string | null>(null);
  const start = useSubmit();
  const startButtons = useRef(new Map<string, HTMLButtonElement>());

  const branches = filter.selected ? [filter.selected] : filter.branches;
  const routeBranch = (routeId: string) =>
    overview.value?.find((b) => b.routes.some((r) => r.routeId === routeId))?.branchId;

  // An alert's request names a route: show its branch with the cursor on its start button.
  // The list comes back first (its routes load), then the request is acted on.
  if (request && request.seq !== handled && open) setOpen(null);
  else if (request && request.seq !== handled && overview.value) {
    setHandled(request.seq);
    const branchId = request.recordId ? routeBranch(request.recordId) : undefined;
    if (branchId) {
      setChosen(branchId);
      setFocusRoute(request.recordId);
    }
  }
  useEffect(() => {
    if (!focusRoute) return;
    const button = startButtons.current.get(focusRoute);
    if (button) {
      button.focus();
      setFocusRoute(null);
    }
  }, [focusRoute, overview.value]);

  const branch: Branch | undefined = branches.find((b) => b.id === chosen) ?? branches[0];
  const routes = overview.value?.find((b) => b.branchId === branch?.id)?.routes ?? [];

  async function begin(route: RouteStatus) {
    const round = await start.run(() => call('rounds.start', { routeId: route.routeId }));
    if (round) setOpen({ roundId: round.id, focus: true });
  }

  // R: start (or resume) the most pressing round of the branch in view.
  const pressing = mostPressing(routes);
  useEffect(() => {
    if (open || !pressing) return;
    function onKey(e: KeyboardEvent) {
      if (e.key.toLowerCase() !== 'r' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target) || modalIsOpen()) return;
      e.preventDefault();
      void begin(pressing!);
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (open) {
    return (
      <RoundView
        key={open.roundId}
        roundId={open.roundId}
        branches={filter.branches}
        autoFocus={open.focus}
        onClose={() => setOpen(null)}
      />
    );
  }
  if (filter.branches.length === 0) {
    return (
      <EmptyState title="No branches yet">
        <p>An administrator adds the library’s branches in Settings → Branches, then their patrol routes.</p>
      </EmptyState>
    );
  }

  return (
    <div className="duty-panel rounds-panel">
      {!filter.selected && (
        <BranchScope
          label="Branch on patrol"
          branches={filter.branches}
          selected={branch?.id}
          onSelect={(id) => {
            writeStored(BRANCH_KEY, id);
            setChosen(id);
          }}
          statusOf={(b) => {
            const list = overview.value?.find((o) => o.branchId === b.id)?.routes ?? [];
            if (list.some((r) => r.state === 'overdue')) return { word: 'Round overdue', tone: 'danger' };
            if (list.some((r) => r.state === 'due')) return { word: 'Round due', tone: 'warn' };
            if (list.some((r) => r.state === 'inProgress')) return { word: 'Round in progress', tone: 'warn' };
            return null;
          }}
        />
      )}
      {branch && (
        <section className="duty-card" aria-labelledby="rounds-branch-title">
          <div className="duty-card-head">
            <div>
              <h3 id="rounds-branch-title">Patrol rounds · {branch.name}</h3>
              <p className="muted">{hoursWords(branch, now)}</p>
            </div>
            {pressing && (
              <p className="keys-line">
                <kbd>R</kbd> {pressing.state === 'inProgress' ? 'resumes' : 'starts'} {pressing.name}
              </p>
            )}
          </div>
          <ErrorNotice error={start.error ?? overview.error} />
          {overview.value && routes.length === 0 && (
            <p className="duty-lead muted">
              No patrol routes at {branch.name} yet: an administrator adds them in Settings → Patrol routes.
            </p>
          )}
          <ul className="route-list">
            {routes.map((r) => {
              const words = routeStateWords(r, branch, now);
              return (
                <li key={r.routeId} className={`route-row tone-border-${words.tone}`}>
                  <div className="route-main">
                    <span className={`status-word tone-${words.tone}`}>{words.word}</span>
                    <span className="route-name">{r.name}</span>
                    <span className="muted">
                      {r.checkpoints} checkpoints · every {r.intervalMinutes} min
                    </span>
                  </div>
                  <p className="route-text">{words.text}</p>
                  <p className="route-text muted">
                    {r.lastRound
                      ? `Last round ${formatDateTime(new Date(r.lastRound.startedAt), { timeZone: branch.timeZone, now })} by ${r.lastRound.by.name}`
                      : 'No round walked yet'}
                    {r.missedToday > 0 && ` · ${r.missedToday} interval${r.missedToday === 1 ? '' : 's'} missed today`}
                  </p>
                  <Button
                    variant={r.state === 'overdue' || r.state === 'due' ? 'primary' : 'secondary'}
                    buttonRef={(el) => {
                      if (el) startButtons.current.set(r.routeId, el);
                      else startButtons.current.delete(r.routeId);
                    }}
                    disabled={start.pending}
                    onClick={() => void begin(r)}
                    aria-keyshortcuts={r === pressing ? 'R' : undefined}
                  >
                    {`${r.state === 'inProgress' ? 'Resume' : 'Start'} round`}
                    <Unseen> ({r.name})</Unseen>
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {branch && (
        <RoundsHistory
          key={branch.id}
          branch={branch}
          staff={staff}
          onOpen={(roundId) => setOpen({ roundId, focus: false })}
        />
      )}
    </div>
  );
}
