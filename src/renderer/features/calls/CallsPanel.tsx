import { useEffect, useRef, useState } from 'react';
import { isTypingTarget, modalIsOpen } from '../../lib/keys';
import { readStored, writeStored } from '../../lib/storage';
import { useQuery } from '../../lib/useQuery';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { Unseen } from '../../components/Unseen';
import type { CallError } from '../../lib/api';
import type { CallListItem, StaffSummary } from '../../../shared/contract';
import { useDeskActions } from '../desk/deskActions';
import { ALL_BRANCHES, type BranchFilter } from '../desk/useBranchFilter';
import { EvacuationHistory } from '../evacuation/EvacuationHistory';
import { CallDetail, type CallDetailHandle, type StepKey } from './CallDetail';
import { CallHistory } from './CallHistory';
import { OpenCallsList, openCallOrder, type OpenCallsHandle } from './OpenCallsList';
import { QuickCallForm } from './QuickCallForm';
import { ResponseFigures } from './ResponseFigures';
import { useCallStaff } from './useCallStaff';
import { clockAt } from './time';
import './calls.css';

/** What the desk asks of the Calls panel: the quick form (key A), or a call (from an alert). */
export type CallsRequest = ({ kind: 'new' } | { kind: 'open'; id: string }) & { seq: number };

const VIEWS = [
  { key: 'open', label: 'Open calls' },
  { key: 'history', label: 'History' },
  { key: 'figures', label: 'Response times' },
  { key: 'evacuations', label: 'Evacuations and drills' },
] as const;
type View = (typeof VIEWS)[number]['key'];
const viewKey = 'vigil.callsView';
const isView = (v: string | null): v is View => VIEWS.some((x) => x.key === v);

interface CallsPanelProps {
  staff: StaffSummary;
  filter: BranchFilter;
  openCalls: readonly CallListItem[] | undefined;
  openError: CallError | undefined;
  request: CallsRequest | undefined;
  /** False while the panel is hidden (under the coordinator's screen): R, O and C do nothing. */
  keysActive: boolean;
  onStartEvacuation: () => void;
}

/**
 * The dispatch log: the quick form, the open calls always on top with their time
 * ticking, the selected call below with its one-key steps (R, O, C); then the history,
 * the response-time figures, and past evacuations and drills.
 */
export function CallsPanel(props: CallsPanelProps) {
  const { staff, filter, openCalls, openError, request, keysActive, onStartEvacuation } = props;
  const [view, setView] = useState<View>(() => {
    const v = readStored(viewKey);
    return isView(v) ? v : 'open';
  });
  const [formOpen, setFormOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState<string | null>(null);
  const [said, setSaid] = useState<{ id: string; text: string } | undefined>(undefined);
  const [seen, setSeen] = useState<number | undefined>(undefined);
  const alertSettings = useQuery('calls.alertSettings', {});
  const people = useCallStaff();
  const { showZone } = useDeskActions();
  const listRef = useRef<OpenCallsHandle>(null);
  /** A call just logged or asked for: the list takes the keyboard once the call is in it. */
  const focusWhenListed = useRef<string | null>(null);
  const detailRef = useRef<CallDetailHandle>(null);
  const newCallRef = useRef<HTMLButtonElement>(null);

  const calls = openCallOrder(openCalls ?? []);
  const headerBranch = filter.value === ALL_BRANCHES ? '' : filter.value;
  const defaultBranch = headerBranch || (filter.branches.length === 1 ? filter.branches[0]!.id : '');
  // The selected call stays below once cleared (to report it, or correct it) until another is chosen.
  const selected = calls.find((c) => c.id === selectedId) ?? null;

  function show(next: View) {
    writeStored(viewKey, next);
    setView(next);
    setHistoryOpen(null);
  }

  function select(id: string) {
    if (view !== 'open') show('open');
    setSelectedId(id);
    const zoneId = calls.find((c) => c.id === id)?.zoneId;
    if (zoneId) showZone(zoneId);
  }

  // The desk's requests, handled once each (adjusted while rendering, so nothing flashes).
  if (request && request.seq !== seen) {
    setSeen(request.seq);
    if (request.kind === 'new') setFormOpen(true);
    else if (calls.some((c) => c.id === request.id)) {
      setView('open');
      setSelectedId(request.id);
    } else {
      setView('history');
      setHistoryOpen(request.id);
    }
  }
  useEffect(() => {
    if (request?.kind !== 'open') return;
    const zoneId = calls.find((c) => c.id === request.id)?.zoneId;
    if (zoneId) showZone(zoneId);
    focusWhenListed.current = request.id;
    // Once per request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request?.seq]);

  const listedKey = calls.map((c) => c.id).join(' ');
  useEffect(() => {
    const id = focusWhenListed.current;
    if (!id || !listedKey.includes(id)) return;
    focusWhenListed.current = null;
    listRef.current?.focus();
  }, [listedKey, selectedId]);

  // R, O and C step the call shown below, wherever the keyboard is on the desk (never while typing).
  useEffect(() => {
    if (!keysActive) return;
    function onKeyDown(e: globalThis.KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || modalIsOpen()) return;
      const key = e.key.toUpperCase();
      if ((key !== 'R' && key !== 'O' && key !== 'C') || !detailRef.current) return;
      e.preventDefault();
      detailRef.current.step(key as StepKey);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [keysActive]);

  const detailId = view === 'open' ? selectedId : view === 'history' ? historyOpen : null;
  return (
    <div className="calls">
      <div className="calls-toolbar">
        <Button
          variant="primary"
          buttonRef={newCallRef}
          onClick={() => setFormOpen(true)}
          aria-keyshortcuts="A"
          title="A, from anywhere on the desk"
        >
          New call <kbd>A</kbd>
        </Button>
        <nav className="calls-views" aria-label="Calls views">
          {VIEWS.map((v) => (
            <Button key={v.key} small variant="quiet" aria-pressed={view === v.key} onClick={() => show(v.key)}>
              {v.label}
            </Button>
          ))}
        </nav>
        <Button variant="danger" className="start-evacuation" onClick={onStartEvacuation}>
          Start evacuation…
        </Button>
      </div>
      {formOpen && (
        <QuickCallForm
          staffId={staff.id}
          branches={filter.branches}
          defaultBranchId={defaultBranch}
          staff={people}
          onSaved={(saved) => {
            setFormOpen(false);
            show('open');
            setSelectedId(saved.id);
            if (saved.zoneId) showZone(saved.zoneId);
            const tz = filter.branches.find((b) => b.id === saved.branchId)?.timeZone;
            setSaid({
              id: saved.id,
              text: `Call logged at ${clockAt(saved.receivedAt, tz)}. Press R to send someone.`,
            });
            focusWhenListed.current = saved.id;
          }}
          onClose={() => {
            setFormOpen(false);
            requestAnimationFrame(() => newCallRef.current?.focus());
          }}
        />
      )}
      {/* Said until someone is sent: after that the call's own steps say what happened. */}
      <StatusNotice
        message={said && selected?.id === said.id && selected.status === 'received' ? said.text : undefined}
      />
      <ErrorNotice error={openError} />
      <section className="open-calls-pane" aria-labelledby="open-calls-title">
        <h3 id="open-calls-title" className="calls-heading">
          {calls.length === 0 ? 'No open calls' : `${calls.length} open ${calls.length === 1 ? 'call' : 'calls'}`}
          {calls.length > 0 && <Unseen> (Up and Down choose a call; R, O and C step it)</Unseen>}
        </h3>
        {calls.length > 0 && (
          <OpenCallsList
            ref={listRef}
            calls={calls}
            branches={filter.branches}
            selectedId={selected?.id ?? null}
            urgentAfterMinutes={alertSettings.value?.urgentUnansweredMinutes ?? 2}
            onSelect={select}
            onEnter={() =>
              document.querySelector<HTMLElement>('.calls .call-detail .call-actions button:not(:disabled)')?.focus()
            }
          />
        )}
      </section>
      {view === 'open' && !selectedId && calls.length > 0 && (
        <p className="muted">Choose a call above to see its steps, or press Down in the list.</p>
      )}
      {view === 'open' && calls.length === 0 && !formOpen && !selectedId && (
        <EmptyState title="All calls are cleared">
          <p>Press A from anywhere on the desk to log a staff call for assistance.</p>
        </EmptyState>
      )}
      {view === 'open' && selectedId && !selected && (
        <Button small variant="quiet" className="detail-close" onClick={() => setSelectedId(null)}>
          Close<span className="visually-hidden"> the cleared call</span>
        </Button>
      )}
      {view === 'history' && historyOpen && (
        <Button small variant="quiet" className="detail-close" onClick={() => setHistoryOpen(null)}>
          Back to the history
        </Button>
      )}
      {detailId && (
        <CallDetail
          key={detailId}
          ref={detailRef}
          id={detailId}
          staff={staff}
          branches={filter.branches}
          people={people}
        />
      )}
      {view === 'history' && !historyOpen && (
        <CallHistory branches={filter.branches} headerBranchId={headerBranch} onOpen={setHistoryOpen} />
      )}
      {view === 'figures' && <ResponseFigures branches={filter.branches} headerBranchId={headerBranch} />}
      {view === 'evacuations' && <EvacuationHistory branches={filter.branches} headerBranchId={headerBranch} />}
    </div>
  );
}
