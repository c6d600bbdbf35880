import { useEffect, useMemo, useRef, useState } from 'react';
import type { CallError, Result } from '../../lib/api';
import { useQuery } from '../../lib/useQuery';
import { formatClockSeconds } from '../../lib/time';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { Branch, Camera, Snapshot } from '../../../shared/contract';
import { CameraPicker } from './CameraPicker';
import { CameraTile } from './CameraTile';
import { SnapshotTray } from './SnapshotTray';
import { startReportFromCamera } from '../incidents/startReport';
import { WallGrid } from './WallGrid';
import { WallToolbar } from './WallToolbar';
import { LAYOUT_CHOICES, useArrangement } from './useArrangement';
import type { Spotlight } from '../desk/deskActions';
import './cameras.css';
import './tile.css';

interface CameraWallProps {
  cameras: readonly Camera[];
  mediaBase: string;
  branches: readonly Branch[];
  /** The header's branch filter: undefined for all branches. */
  branch: Branch | undefined;
  staffId: string;
  /** A work panel asks for a zone's camera large (a checklist item, a checkpoint, a call). */
  spotlight?: Spotlight | undefined;
  /** A draft was started from a camera: the work panel opens it. */
  onReportStarted: (draftId: string) => void;
}

/** Layout, views, the slots or one camera large, and the shift's snapshots. */
export function CameraWall({
  cameras,
  mediaBase,
  branches,
  branch,
  staffId,
  spotlight,
  onReportStarted,
}: CameraWallProps) {
  const views = useQuery('views.list', {}, { refetchOn: ['cameras.changed'] });
  const { arrangement, setLayout, place, showView, showAutomatic } = useArrangement(staffId);
  const [focused, setFocused] = useState<string | null>(null);
  // Shown large for a work panel: the keyboard stays where the person is typing.
  const [quietFocus, setQuietFocus] = useState(false);
  const [spotlightSeen, setSpotlightSeen] = useState<number | undefined>(undefined);
  if (spotlight && spotlight.seq !== spotlightSeen) {
    setSpotlightSeen(spotlight.seq);
    const inZone = cameras.find((c) => c.enabled && c.zoneId === spotlight.zoneId);
    if (inZone) {
      setQuietFocus(true);
      setFocused(inZone.id);
    }
  }
  const [picked, setPicked] = useState<string | null>(null);
  const [arranging, setArranging] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [error, setError] = useState<CallError | string | undefined>(undefined);
  const rootRef = useRef<HTMLDivElement>(null);

  const byId = useMemo(() => new Map(cameras.map((c) => [c.id, c])), [cameras]);
  const filtered = useMemo(() => cameras.filter((c) => !branch || c.branchId === branch.id), [cameras, branch]);
  const shown = useMemo(() => new Set(filtered.map((c) => c.id)), [filtered]);
  const branchOf = useMemo(() => new Map(branches.map((b) => [b.id, b])), [branches]);
  const columns = LAYOUT_CHOICES.find((c) => c.layout === arrangement.layout)?.columns ?? 2;

  // The automatic wall: the filtered branch's working cameras, in the order main lists them.
  const slots = useMemo(() => {
    if (arrangement.slots) return arrangement.slots;
    const auto = filtered.filter((c) => c.enabled).map((c) => c.id);
    return Array.from({ length: arrangement.layout }, (_, i) => auto[i] ?? null);
  }, [arrangement, filtered]);
  const hiddenCount = arrangement.slots ? 0 : Math.max(0, filtered.filter((c) => c.enabled).length - slots.length);

  const focusedCamera = focused ? byId.get(focused) : undefined;

  function say(message: string) {
    setError(undefined);
    setStatus(message);
  }

  function whereOf(camera: Camera): string {
    const b = branchOf.get(camera.branchId);
    const zone = b?.zones.find((z) => z.id === camera.zoneId);
    return [zone?.name, b?.code].filter(Boolean).join(' · ');
  }

  function onSnapshot(camera: Camera, result: Result<Snapshot>) {
    if (!result.ok) return setError(result.error);
    const s = result.value;
    const time = formatClockSeconds(new Date(s.frameTime ?? s.takenAt), branchOf.get(camera.branchId)?.timeZone);
    say(`Snapshot saved — ${camera.name} ${time}`);
  }

  async function onReport(camera: Camera, snapshot: Result<Snapshot>) {
    const draft = await startReportFromCamera(camera, snapshot.ok ? snapshot.value : null);
    if (!draft.ok) return setError(draft.error);
    // The report opens either way: a missing picture must not slow down writing it.
    if (snapshot.ok) say(`Report started from ${camera.name}, snapshot attached`);
    else setError(`Report started from ${camera.name} without a snapshot: ${snapshot.error.message}`);
    onReportStarted(draft.value.id);
  }

  function open(cameraId: string) {
    setPicked(null);
    setQuietFocus(false);
    setFocused(cameraId);
  }

  function close() {
    const back = focused;
    setFocused(null);
    // Back to the tile that was opened, once the grid is showing again.
    requestAnimationFrame(() =>
      rootRef.current?.querySelector<HTMLElement>(`.wall-grid [data-camera="${CSS.escape(back ?? '')}"]`)?.focus(),
    );
  }

  useEffect(() => {
    if (focused && !quietFocus) rootRef.current?.querySelector<HTMLElement>('.wall-focused [role="region"]')?.focus();
  }, [focused, quietFocus]);

  return (
    <div
      className="wall"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        if (picked) {
          e.preventDefault();
          setPicked(null);
        } else if (focused) {
          e.preventDefault();
          close();
        }
      }}
    >
      <WallToolbar
        arrangement={arrangement}
        slots={slots}
        views={views.value ?? []}
        arranging={arranging}
        onArranging={(next) => {
          setArranging(next);
          if (!next) setPicked(null);
        }}
        onLayout={setLayout}
        onShowView={showView}
        onAutomatic={showAutomatic}
        onViewsChanged={(message) => {
          views.reload();
          say(message);
        }}
        onViewDeleted={(message) => {
          views.reload();
          say(message);
        }}
        onError={setError}
      />
      {arranging && <CameraPicker cameras={filtered} picked={picked} onPick={setPicked} whereOf={whereOf} />}
      <StatusNotice message={status} />
      <ErrorNotice error={error ?? views.error} />
      {hiddenCount > 0 && !focusedCamera && (
        <p className="wall-more muted">
          {hiddenCount} more {hiddenCount === 1 ? 'camera does' : 'cameras do'} not fit this layout. Choose a larger
          layout or a view.
        </p>
      )}
      {focusedCamera && (
        <div className="wall-stage">
          <div className="wall-focused">
            <CameraTile
              key={focusedCamera.id}
              camera={focusedCamera}
              mediaBase={mediaBase}
              large
              active
              onClose={close}
              onSnapshot={onSnapshot}
              onReport={(c, s) => void onReport(c, s)}
            />
          </div>
        </div>
      )}
      <WallGrid
        columns={columns}
        slots={slots}
        cameras={byId}
        shown={shown}
        mediaBase={mediaBase}
        active={!focusedCamera}
        picking={picked !== null}
        onPlace={(slot, id) => place(slot, id, slots)}
        onPlacePicked={(slot) => {
          if (picked) place(slot, picked, slots);
          setPicked(null);
        }}
        onOpen={open}
        onSnapshot={onSnapshot}
        onReport={(c, s) => void onReport(c, s)}
      />
      <SnapshotTray timeZoneOf={(id) => branchOf.get(byId.get(id)?.branchId ?? '')?.timeZone} />
    </div>
  );
}
