import { useEffect, useMemo, useRef, useState } from 'react';
import { call, type CallError, type Result } from '../../lib/api';
import { mainNow } from '../../lib/mainClock';
import { useQuery } from '../../lib/useQuery';
import { formatClockSeconds } from '../../lib/time';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import type { Bookmark, Branch, Camera, Clip, Snapshot } from '../../../shared/contract';
import { CameraPicker } from './CameraPicker';
import { CameraTile } from './CameraTile';
import { SnapshotTray } from './SnapshotTray';
import { startReportFromCamera } from '../incidents/startReport';
import { BookmarkTray } from '../replay/BookmarkTray';
import { ReplayTile } from '../replay/ReplayTile';
import { WallGrid } from './WallGrid';
import { WallToolbar } from './WallToolbar';
import { LAYOUT_CHOICES, useArrangement } from './useArrangement';
import { useDeskActions, type ReplayRequest, type Spotlight } from '../desk/deskActions';
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
  /** A report asks for a camera's recording at a moment. */
  replayRequest?: ReplayRequest | undefined;
  /** A draft was started from a camera: the work panel opens it. */
  onReportStarted: (draftId: string) => void;
}

/** A camera replayed in the large tile: where it starts, and whether R was pressed on the large live view. */
interface Replaying {
  cameraId: string;
  at?: string;
  seq: number;
  fromLarge: boolean;
  /** Said when replay opens (why it starts where it does). */
  note?: string | null;
  /** Where the keyboard goes back to afterwards, when replay was asked for outside the wall (a report). */
  returnTo?: HTMLElement | null;
}

/** Layout, views, the slots or one camera large, and the shift's snapshots. */
export function CameraWall({
  cameras,
  mediaBase,
  branches,
  branch,
  staffId,
  spotlight,
  replayRequest,
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
  const [replay, setReplay] = useState<Replaying | null>(null);
  const [replaySeen, setReplaySeen] = useState<number | undefined>(undefined);
  if (replayRequest && replayRequest.seq !== replaySeen) {
    setReplaySeen(replayRequest.seq);
    if (cameras.some((c) => c.id === replayRequest.cameraId)) {
      setReplay({
        cameraId: replayRequest.cameraId,
        at: replayRequest.at,
        seq: replayRequest.seq,
        // Back to live returns to the wall as it was: with a camera large, that one.
        fromLarge: focused !== null,
        note: replayRequest.note,
        returnTo: replayRequest.returnTo,
      });
    }
  }
  const [picked, setPicked] = useState<string | null>(null);
  const [arranging, setArranging] = useState(false);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [error, setError] = useState<CallError | string | undefined>(undefined);
  const [noteFor, setNoteFor] = useState<{ id: string; seq: number } | undefined>(undefined);
  // Where the keyboard was when B was pressed: it goes back there once the note is done.
  const noteReturn = useRef<HTMLElement | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const desk = useDeskActions();

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
  const replayCamera = replay ? byId.get(replay.cameraId) : undefined;
  const timeZoneOf = (cameraId: string) => branchOf.get(byId.get(cameraId)?.branchId ?? '')?.timeZone;

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

  async function onReport(camera: Camera, snapshot: Result<Snapshot> | null, moment?: string) {
    const draft = await startReportFromCamera(camera, snapshot?.ok ? snapshot.value : null, moment);
    if (!draft.ok) return setError(draft.error);
    // The report opens either way: a missing picture must not slow down writing it.
    if (!snapshot || snapshot.ok) {
      say(`Report started from ${camera.name}${snapshot ? ', snapshot attached' : ''}`);
    } else setError(`Report started from ${camera.name} without a snapshot: ${snapshot.error.message}`);
    onReportStarted(draft.value.id);
  }

  function openReplay(camera: Camera, at?: string) {
    setPicked(null);
    setReplay({ cameraId: camera.id, at, seq: Date.now(), fromLarge: focused === camera.id });
  }

  function backToLive() {
    const was = replay;
    setReplay(null);
    if (!was) return;
    if (!was.fromLarge) setFocused(null);
    // The keyboard goes back to where replay was asked for: a report's Replay button, or
    // the camera's live tile (the large one, or its tile on the wall).
    requestAnimationFrame(() => {
      if (was.returnTo?.isConnected) return was.returnTo.focus();
      const where = was.fromLarge ? '.wall-focused' : '.wall-grid';
      rootRef.current?.querySelector<HTMLElement>(`${where} [data-camera="${CSS.escape(was.cameraId)}"]`)?.focus();
    });
  }

  async function bookmark(camera: Camera, at: string | null) {
    const moment = at ?? mainNow().toISOString();
    noteReturn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const r = await call('bookmarks.add', { cameraId: camera.id, at: moment });
    if (!r.ok) return setError(r.error);
    say(
      `Bookmarked ${camera.name} ${formatClockSeconds(new Date(moment), timeZoneOf(camera.id))}: type a note, or press Esc`,
    );
    setNoteFor({ id: r.value.id, seq: Date.now() });
  }

  function replayBookmark(b: Bookmark) {
    const camera = byId.get(b.cameraId);
    if (camera) openReplay(camera, b.at);
    else setError(`${b.cameraName} is no longer on the wall.`);
  }

  function reportBookmark(b: Bookmark) {
    const camera = byId.get(b.cameraId);
    if (camera) void onReport(camera, null, b.at);
    else setError(`${b.cameraName} is no longer on the wall.`);
  }

  function onClip(camera: Camera, clip: Clip) {
    desk.addClipToReport(camera, clip);
  }

  function open(cameraId: string) {
    setPicked(null);
    setQuietFocus(false);
    setReplay(null);
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
    if (focused && !quietFocus && !replay) {
      rootRef.current?.querySelector<HTMLElement>('.wall-focused [role="region"]')?.focus();
    }
  }, [focused, quietFocus, replay]);

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
      {hiddenCount > 0 && !focusedCamera && !replay && (
        <p className="wall-more muted">
          {hiddenCount} more {hiddenCount === 1 ? 'camera does' : 'cameras do'} not fit this layout. Choose a larger
          layout or a view.
        </p>
      )}
      {replay && replayCamera && (
        <div className="wall-stage replay-stage">
          <ReplayTile
            key={replayCamera.id}
            camera={replayCamera}
            timeZone={timeZoneOf(replayCamera.id)}
            start={{ at: replay.at, seq: replay.seq, note: replay.note ?? null }}
            onBackToLive={backToLive}
            onBookmark={(c, at) => void bookmark(c, at)}
            onSnapshot={onSnapshot}
            onReport={(c, s, at) => void onReport(c, s, at)}
            onClip={onClip}
          />
        </div>
      )}
      {focusedCamera && !replay && (
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
              onReplay={(c) => openReplay(c)}
              onBookmark={(c, at) => void bookmark(c, at)}
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
        active={!focusedCamera || replay !== null}
        strip={replay !== null}
        picking={picked !== null}
        onPlace={(slot, id) => place(slot, id, slots)}
        onPlacePicked={(slot) => {
          if (picked) place(slot, picked, slots);
          setPicked(null);
        }}
        onOpen={open}
        onSnapshot={onSnapshot}
        onReport={(c, s) => void onReport(c, s)}
        onReplay={(c) => openReplay(c)}
        onBookmark={(c, at) => void bookmark(c, at)}
      />
      <div className="wall-trays">
        <SnapshotTray timeZoneOf={timeZoneOf} />
        <BookmarkTray
          timeZoneOf={timeZoneOf}
          noteFor={noteFor}
          onReplay={replayBookmark}
          onReport={reportBookmark}
          onNoteDone={() => noteReturn.current?.focus()}
        />
      </div>
    </div>
  );
}
