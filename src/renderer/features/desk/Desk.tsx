import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../lib/api';
import { isTypingTarget, modalIsOpen } from '../../lib/keys';
import { STORAGE_KEYS, readStored, writeStored } from '../../lib/storage';
import { ErrorNotice } from '../../components/Notice';
import type { DeskAlert, StaffSummary, WorkTabKey } from '../../../shared/contract';
import { useEvent } from '../../lib/useEvent';
import { useQuery } from '../../lib/useQuery';
import { AlertStrip } from './AlertStrip';
import { DeskActionsProvider, type DeskActions, type Spotlight, type WorkRequest } from './deskActions';
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
  // The desk check ("is this person banned?") shows in the work area's place while open; what it covers stays mounted.
  const [checkOpen, setCheckOpen] = useState(false);
  const [checkFocus, setCheckFocus] = useState(0);
  const [checkHost, setCheckHost] = useState<HTMLDivElement | null>(null);
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
    setIncidentRequest({ ...request, seq: Date.now() });
  }, []);
  const openDraft = useCallback((id: string) => askIncidents({ kind: 'draft', id }), [askIncidents]);
  const requestHandled = useCallback(() => setIncidentRequest(undefined), []);

  const openWork = useCallback(
    (tab: WorkTabKey, recordId: string | null = null) => {
      setSettingsOpen(false);
      setCheckOpen(false);
      // A report opens in the Incidents panel, which takes its own requests.
      if (tab === 'incidents' && recordId) askIncidents({ kind: 'report', id: recordId });
      else setWorkRequest({ tab, recordId, seq: Date.now() });
    },
    [askIncidents],
  );
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
  }, [active, settingsOpen, lock, closeSettings, openCheck, alerts.value, openAlert]);

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
          onLock={() => void lock()}
          onSignOut={() => void runSessionCall('auth.signOut')}
        />
        <AlertStrip alerts={alerts.value ?? []} branches={filter.branches} onOpen={openAlert} />
        {actionError && (
          <div className="desk-error">
            <ErrorNotice error={actionError} />
          </div>
        )}
        <main className="desk-body" ref={bodyRef}>
          <CameraArea
            filter={filter}
            staffId={staff.id}
            widthPercent={split}
            spotlight={spotlight}
            onReportStarted={openDraft}
          />
          <Splitter percent={split} onChange={changeSplit} container={bodyRef} />
          <section
            className="work-area"
            aria-label={checkOpen ? 'Desk check' : settingsOpen ? 'Settings' : 'Desk work'}
          >
            <div className="work-area-check" ref={setCheckHost} hidden={!checkOpen} />
            <div className="work-area-content" hidden={checkOpen}>
              {settingsOpen ? (
                <SettingsPanel staff={staff} onClose={closeSettings} />
              ) : (
                <WorkPanel
                  staff={staff}
                  filter={filter}
                  incidentRequest={incidentRequest}
                  onIncidentRequestHandled={requestHandled}
                  workRequest={workRequest}
                  onWorkRequestHandled={workRequestHandled}
                />
              )}
            </div>
          </section>
        </main>
        {active && helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
      </div>
    </DeskActionsProvider>
  );
}
