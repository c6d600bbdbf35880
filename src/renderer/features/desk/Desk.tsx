import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { isTypingTarget, modalIsOpen } from '../../lib/keys';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import { ErrorNotice } from '../../components/Notice';
import type { DeskAlert, StaffSummary, WorkTabKey } from '../../../shared/contract';
import { useEvent } from '../../lib/useEvent';
import { useQuery } from '../../lib/useQuery';
import { AlertStrip } from './AlertStrip';
import {
  DeskActionsProvider,
  type DeskActions,
  type ReplayRequest,
  type Spotlight,
  type WorkRequest,
} from './deskActions';
import { useSession } from '../../app/session';
import { SettingsPanel } from '../settings/SettingsPanel';
import { DeskHeader } from './DeskHeader';
import { CameraArea } from './CameraArea';
import { WorkPanel } from './WorkPanel';
import { KeyboardHelp } from './KeyboardHelp';
import { SPLIT_DEFAULT, Splitter, clampSplit } from './Splitter';
import { useBranchFilter } from './useBranchFilter';
import { useIdleLock } from './useIdleLock';
import type { IncidentAsk, IncidentRequest } from '../incidents/request';
import { DeskCheck } from '../deskcheck/DeskCheck';
import type { CallsRequest } from '../calls/CallsPanel';
import { CoordinatorScreen } from '../evacuation/CoordinatorScreen';
import { EvacuationBanner } from '../evacuation/EvacuationBanner';
import { StartEvacuationDialog } from '../evacuation/StartEvacuationDialog';
import './desk.css';

interface DeskProps {
  staff: StaffSummary;
  idleMinutes: number;
  /** False while locked: the desk stays mounted (forms keep what was typed) but hidden and inert. */
  active: boolean;
}

function storedSplit(): number {
  const n = Number(readStored(STORAGE_KEYS.split));
  return Number.isFinite(n) && n > 0 ? clampSplit(n) : SPLIT_DEFAULT;
}

/** The signed-in console: header, camera area, splitter, and the work panel (or Settings in its place). */
export function Desk({ staff, idleMinutes, active }: DeskProps) {
  const { setSession } = useSession();
  const filter = useBranchFilter();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [split, setSplit] = useState(storedSplit);
  const [actionError, setActionError] = useState<string | undefined>(undefined);
  const [incidentRequest, setIncidentRequest] = useState<IncidentRequest | undefined>(undefined);
  const [workRequest, setWorkRequest] = useState<WorkRequest | undefined>(undefined);
  const [spotlight, setSpotlight] = useState<Spotlight | undefined>(undefined);
  const [replayRequest, setReplayRequest] = useState<ReplayRequest | undefined>(undefined);
  // The desk check ("is this person banned?") shows in the work area's place while open; what it covers stays mounted.
  const [checkOpen, setCheckOpen] = useState(false);
  const [checkFocus, setCheckFocus] = useState(0);
  const [checkHost, setCheckHost] = useState<HTMLDivElement | null>(null);
  const [callsRequest, setCallsRequest] = useState<CallsRequest | undefined>(undefined);
  const [startingEvacuation, setStartingEvacuation] = useState(false);
  // The evacuation on the coordinator's screen (kept after its all clear until closed), and whether
  // the coordinator stepped away to other desk work; a newly running evacuation comes on screen at once.
  const [evacuationShown, setEvacuationShown] = useState<string | null>(null);
  const [deskWork, setDeskWork] = useState(false);
  const [runningSeen, setRunningSeen] = useState('');
  const running = useQuery('evacuations.running', {}, { refetchOn: ['evacuation.changed'] });
  const runningNow = useMemo(() => running.value ?? [], [running.value]);
  const runningKey = runningNow.map((e) => e.id).join(' ');
  if (runningKey !== runningSeen) {
    const fresh = runningNow.find((e) => !runningSeen.split(' ').includes(e.id));
    setRunningSeen(runningKey);
    if (fresh) {
      setEvacuationShown(fresh.id);
      setDeskWork(false);
      setSettingsOpen(false);
      setCheckOpen(false);
    }
  }
  const coordinatorId = deskWork ? null : evacuationShown;
  const alerts = useQuery('alerts.list', {});
  useEvent('alerts.changed', ({ alerts: next }) => alerts.setValue(next));
  const bodyRef = useRef<HTMLElement>(null);
  const settingsButtonRef = useRef<HTMLButtonElement>(null);

  const runSessionCall = useCallback(
    async (method: 'auth.lock' | 'auth.signOut') => {
      const result = await call(method, {});
      if (result.ok) {
        setActionError(undefined);
        setSession(result.value);
      } else setActionError(result.error.message);
    },
    [setSession],
  );
  const lock = useCallback(() => runSessionCall('auth.lock'), [runSessionCall]);

  useIdleLock({ idleMinutes, enabled: active, onLock: lock });

  /** Shows the Incidents panel (closing Settings) and asks it to do something. */
  const askIncidents = useCallback((request: IncidentAsk) => {
    setSettingsOpen(false);
    setDeskWork(true);
    setIncidentRequest({ ...request, seq: Date.now() });
  }, []);
  const openDraft = useCallback((id: string) => askIncidents({ kind: 'draft', id }), [askIncidents]);
  const requestHandled = useCallback(() => setIncidentRequest(undefined), []);

  const openWork = useCallback(
    (tab: WorkTabKey, recordId: string | null = null) => {
      setSettingsOpen(false);
      setCheckOpen(false);
      if (tab === 'calls' && recordId && runningNow.some((e) => e.id === recordId)) {
        setEvacuationShown(recordId);
        setDeskWork(false);
        return;
      }
      setDeskWork(true);
      // A report opens in the Incidents panel, which takes its own requests.
      if (tab === 'incidents' && recordId) askIncidents({ kind: 'report', id: recordId });
      else setWorkRequest({ tab, recordId, seq: Date.now() });
      if (tab === 'calls' && recordId) setCallsRequest({ kind: 'open', id: recordId, seq: Date.now() });
    },
    [runningNow, askIncidents],
  );
  const newCall = useCallback(() => {
    setSettingsOpen(false);
    setCheckOpen(false);
    setDeskWork(true);
    setCallsRequest({ kind: 'new', seq: Date.now() });
  }, []);
  const showCoordinator = useCallback((id: string) => {
    setSettingsOpen(false);
    setCheckOpen(false);
    setEvacuationShown(id);
    setDeskWork(false);
  }, []);
  const openAlert = useCallback((alert: DeskAlert) => openWork(alert.work.tab, alert.work.recordId), [openWork]);
  const workRequestHandled = useCallback(() => setWorkRequest(undefined), []);
  const openCheck = useCallback(() => {
    setCheckOpen(true);
    setCheckFocus(Date.now());
  }, []);
  const deskActions = useMemo<DeskActions>(
    () => ({
      showZone: (zoneId) => setSpotlight({ zoneId, seq: Date.now() }),
      openWork,
      openDraft: (id) => {
        setCheckOpen(false);
        openDraft(id);
      },
      openPerson: (id) => {
        setSettingsOpen(false);
        setCheckOpen(false);
        setWorkRequest({ tab: 'bans', recordId: id, kind: 'person', seq: Date.now() });
      },
      newPerson: (text) => {
        setSettingsOpen(false);
        setCheckOpen(false);
        setWorkRequest({ tab: 'bans', recordId: null, kind: 'newPerson', text, seq: Date.now() });
      },
      searchReports: (text) => {
        setCheckOpen(false);
        askIncidents({ kind: 'search', text });
      },
      addClipToReport: (camera, clip) => {
        setCheckOpen(false);
        askIncidents({
          kind: 'clip',
          clip,
          camera: { id: camera.id, branchId: camera.branchId, zoneId: camera.zoneId },
        });
      },
      replayAt: (request) => setReplayRequest({ ...request, seq: Date.now() }),
    }),
    [openWork, openDraft, askIncidents],
  );

  const closeSettings = useCallback(() => {
    setSettingsOpen(false);
    settingsButtonRef.current?.focus();
  }, []);

  useEffect(() => {
    if (!active) return;
    function onKeyDown(e: KeyboardEvent) {
      // Ctrl+L locks even from inside a field: stepping away should never wait for a blur.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lock();
        return;
      }
      // / or Ctrl+K: the desk check (persons, bans and reports), unless typing (Ctrl+K in a field is the field's own business).
      const searchKey = e.key === '/' || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k');
      if (searchKey && !e.defaultPrevented && !modalIsOpen() && !isTypingTarget(e.target)) {
        e.preventDefault();
        openCheck();
        return;
      }
      // A: a staff call for assistance, from anywhere on the desk.
      const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.defaultPrevented;
      if (e.key.toLowerCase() === 'a' && plain && !modalIsOpen() && !isTypingTarget(e.target)) {
        e.preventDefault();
        newCall();
        return;
      }
      // L: write in the shift log, from anywhere on the desk.
      if (e.key.toLowerCase() === 'l' && plain && !modalIsOpen() && !isTypingTarget(e.target)) {
        e.preventDefault();
        openWork('shift');
        return;
      }
      // G: go to the most urgent alert's work.
      const first = alerts.value?.[0];
      if (e.key.toLowerCase() === 'g' && !e.ctrlKey && !e.metaKey && !e.altKey && first) {
        if (!e.defaultPrevented && !modalIsOpen() && !isTypingTarget(e.target)) {
          e.preventDefault();
          openAlert(first);
          return;
        }
      }
      if (e.key === 'Escape' && !e.defaultPrevented && !modalIsOpen() && settingsOpen) {
        e.preventDefault();
        closeSettings();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [active, settingsOpen, lock, closeSettings, openCheck, alerts.value, openAlert, newCall, openWork]);

  // While the coordinator's screen shows a running evacuation, the wall shows that branch's cameras.
  const evacuating = runningNow.find((e) => e.id === coordinatorId);
  const evacuatingBranch = evacuating ? filter.branches.find((b) => b.id === evacuating.branchId) : undefined;
  const cameraFilter = evacuatingBranch
    ? { ...filter, value: evacuatingBranch.id, selected: evacuatingBranch }
    : filter;

  function changeSplit(percent: number) {
    writeStored(STORAGE_KEYS.split, String(percent));
    setSplit(percent);
  }

  return (
    <DeskActionsProvider value={deskActions}>
      <div className="desk" hidden={!active} inert={!active}>
        <DeskHeader
          staff={staff}
          filter={filter}
          settingsOpen={settingsOpen}
          settingsButtonRef={settingsButtonRef}
          onToggleSettings={() => {
            setCheckOpen(false);
            if (settingsOpen) closeSettings();
            else setSettingsOpen(true);
          }}
          search={
            <DeskCheck
              staff={staff}
              filter={filter}
              open={checkOpen}
              focusRequest={checkFocus}
              host={checkHost}
              onOpen={() => setCheckOpen(true)}
              onClose={() => setCheckOpen(false)}
            />
          }
          onKeyboardHelp={() => setHelpOpen(true)}
          onStartEvacuation={() => setStartingEvacuation(true)}
          onLock={() => void lock()}
          onSignOut={() => void runSessionCall('auth.signOut')}
        />
        <EvacuationBanner running={runningNow} onOpen={showCoordinator} shownId={settingsOpen ? null : coordinatorId} />
        <AlertStrip alerts={alerts.value ?? []} branches={filter.branches} onOpen={openAlert} />
        {actionError && (
          <div className="desk-error">
            <ErrorNotice error={actionError} />
          </div>
        )}
        <main className="desk-body" ref={bodyRef}>
          <CameraArea
            filter={cameraFilter}
            staffId={staff.id}
            widthPercent={split}
            spotlight={spotlight}
            replayRequest={replayRequest}
            onReportStarted={openDraft}
          />
          <Splitter percent={split} onChange={changeSplit} container={bodyRef} />
          <section
            className="work-area"
            aria-label={checkOpen ? 'Desk check' : settingsOpen ? 'Settings' : 'Desk work'}
          >
            <div className="work-area-check" ref={setCheckHost} hidden={!checkOpen} />
            <div className="work-area-content" hidden={checkOpen}>
              {settingsOpen && <SettingsPanel staff={staff} onClose={closeSettings} />}
              {!settingsOpen && coordinatorId && (
                <CoordinatorScreen
                  key={coordinatorId}
                  id={coordinatorId}
                  onDeskWork={() => setDeskWork(true)}
                  onClose={() => setEvacuationShown(null)}
                />
              )}
              {/* Under the coordinator's screen the desk work stays as it was (a form half typed is kept), hidden. */}
              {!settingsOpen && (
                <div className="work-hold" hidden={coordinatorId !== null}>
                  <WorkPanel
                    staff={staff}
                    filter={filter}
                    incidentRequest={incidentRequest}
                    onIncidentRequestHandled={requestHandled}
                    workRequest={workRequest}
                    onWorkRequestHandled={workRequestHandled}
                    callsRequest={callsRequest}
                    keysActive={active && coordinatorId === null && !checkOpen}
                    onStartEvacuation={() => setStartingEvacuation(true)}
                  />
                </div>
              )}
            </div>
          </section>
        </main>
        {active && helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
        {active && startingEvacuation && (
          <StartEvacuationDialog
            branches={filter.branches}
            defaultBranchId={filter.selected?.id ?? (filter.branches.length === 1 ? filter.branches[0]!.id : '')}
            onStarted={(started) => {
              setStartingEvacuation(false);
              running.reload();
              showCoordinator(started.id);
            }}
            onClose={() => setStartingEvacuation(false)}
          />
        )}
      </div>
    </DeskActionsProvider>
  );
}
