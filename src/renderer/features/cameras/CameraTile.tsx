import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { isTypingTarget } from '../../lib/keys';
import { call, type Result } from '../../lib/api';
import type { Camera, Snapshot } from '../../../shared/contract';
import { STATE_WORD, codecProblem, healthOf, streamFor, tileStatus } from './status';
import { saveSnapshot } from './snapshot';
import { TilePlate } from './TilePlate';
import { useOnScreen } from './useOnScreen';
import { usePlayer } from './usePlayer';

interface CameraTileProps {
  camera: Camera;
  mediaBase: string;
  /** The focused view: full stream, bigger words, "Back to the wall". */
  large?: boolean;
  /** False while the wall is not showing this tile (another camera is focused). */
  active: boolean;
  /**
   * Keep playing while scrolled out of view: the live strip under a replay, whose tiles
   * must be live the moment one looks at them (not restarting from a stop).
   */
  keepPlaying?: boolean;
  /** Show this camera large; absent on the large view itself. */
  onOpen?: () => void;
  onClose?: () => void;
  onSnapshot: (camera: Camera, result: Result<Snapshot>) => void;
  /** Start an incident report from this camera, with the snapshot of the moment (or why there is none). */
  onReport: (camera: Camera, snapshot: Result<Snapshot>) => void;
  /** Open this camera's recorded video in the large tile (R). */
  onReplay: (camera: Camera) => void;
  /** Mark this camera and the moment on screen (B). */
  onBookmark: (camera: Camera, at: string | null) => void;
}

/** One camera: its video, and over it the words that say whether what you see is live. */
export function CameraTile({
  camera,
  mediaBase,
  large = false,
  active,
  keepPlaying = false,
  onOpen,
  onClose,
  onSnapshot,
  onReport,
  onReplay,
  onBookmark,
}: CameraTileProps) {
  const nameId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [saving, setSaving] = useState(false);
  const stream = streamFor(camera, large);
  const health = healthOf(camera, stream);

  // A source that comes back live gets a fresh player: the old one may sit on a dead buffer.
  const liveSince = health?.state === 'live' ? health.since : null;
  const [generation, setGeneration] = useState(liveSince ?? '');
  if (liveSince !== null && liveSince !== generation) setGeneration(liveSince);

  // A codec this screen cannot decode is not loaded at all: the tile says why instead.
  const playable =
    camera.enabled && health?.state !== 'offline' && health?.state !== 'disabled' && codecProblem(health) === null;
  const src = playable ? `${mediaBase}/${camera.id}/${stream}/index.m3u8` : null;
  const onScreen = useOnScreen(rootRef, { evenScrolledAway: keepPlaying });
  const player = usePlayer(videoRef, {
    src,
    active: active && onScreen,
    generation,
    awaitSegment: (msn) => call('cameras.awaitSegment', { cameraId: camera.id, stream, msn }),
  });
  const status = tileStatus(camera, health, player.state);

  async function snapshot() {
    if (saving) return;
    setSaving(true);
    const result = await saveSnapshot(camera, stream, videoRef.current, player.frameTime());
    setSaving(false);
    onSnapshot(camera, result);
  }

  async function report() {
    if (saving) return;
    setSaving(true);
    const result = await saveSnapshot(camera, stream, videoRef.current, player.frameTime());
    setSaving(false);
    onReport(camera, result);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Enter' && e.target === e.currentTarget && onOpen) {
      e.preventDefault();
      onOpen();
    } else if (e.key.toLowerCase() === 's') {
      e.preventDefault();
      void snapshot();
    } else if (e.key.toLowerCase() === 'n') {
      e.preventDefault();
      void report();
    } else if (e.key.toLowerCase() === 'r') {
      e.preventDefault();
      onReplay(camera);
    } else if (e.key.toLowerCase() === 'b') {
      e.preventDefault();
      onBookmark(camera, player.frameTime());
    } else if (e.key === 'Escape' && large && onClose) {
      e.preventDefault();
      onClose();
    }
  }

  // The whole status on hover, for small tiles whose plate has to cut the reason short.
  const summary = [camera.name, STATE_WORD[status.state], status.message].filter(Boolean).join(' — ');
  const classes = ['tile', `tile-${status.state}`, large ? 'tile-large' : ''].filter(Boolean).join(' ');
  return (
    <div
      ref={rootRef}
      data-camera={camera.id}
      role="region"
      aria-labelledby={nameId}
      aria-keyshortcuts={large ? 'N S R B Escape' : 'Enter N S R B'}
      tabIndex={0}
      title={summary}
      className={classes}
      onKeyDown={onKeyDown}
      onDoubleClick={onOpen}
    >
      {/* No autoplay attribute: Chromium pauses a muted autoplay video while it is out of view, on its own
          (the live strip under a replay, below the fold). The player starts and stops it (usePlayer). */}
      <video ref={videoRef} className="tile-video" muted playsInline disablePictureInPicture aria-hidden />
      <TilePlate nameId={nameId} name={camera.name} status={status} />
      <div className="tile-actions">
        <Button
          small
          variant="primary"
          disabled={saving}
          onClick={() => void report()}
          title="Start a report with a snapshot of this moment (N)"
        >
          Report<Unseen> incident from {camera.name}</Unseen>
        </Button>
        <Button small disabled={saving} onClick={() => void snapshot()} title="Save the picture on screen (S)">
          Snapshot<Unseen> of {camera.name}</Unseen>
        </Button>
        <Button small onClick={() => onReplay(camera)} title="Replay the last minutes in the large tile (R)">
          Replay<Unseen> {camera.name}</Unseen>
        </Button>
        <Button small onClick={() => onBookmark(camera, player.frameTime())} title="Mark this moment (B)">
          Bookmark<Unseen> {camera.name}</Unseen>
        </Button>
        {onClose ? (
          <Button small onClick={onClose} title="Back to the wall (Esc)" aria-keyshortcuts="Escape">
            Back to the wall
          </Button>
        ) : (
          <Button small onClick={onOpen} title="Show large on the full stream (Enter, or double-click)">
            Enlarge<Unseen> {camera.name}</Unseen>
          </Button>
        )}
      </div>
    </div>
  );
}
