// The state colours, for every place that shows a state word: tiles, the camera list, Settings.
import './states.css';
import type { Camera, HealthState, StreamHealth, StreamName } from '../../../shared/contract';
import type { PlayerState } from './usePlayer';

/** What a tile says: main's states, and one of the screen's own (it cannot play what the camera sends). */
export type TileState = HealthState | 'unplayable';

/** The state words of DESIGN.md §8: the word first, its colour (in states.css) second. */
export const STATE_WORD: Record<TileState, string> = {
  live: 'Live',
  connecting: 'Connecting',
  stalled: 'Stalled',
  offline: 'Offline',
  disabled: 'Disabled',
  unplayable: 'Cannot play',
};

let hevc: boolean | undefined;
/** Whether this screen can play H.265 (HEVC): hls.js hands the browser hvc1 video, which few screens decode. */
function canPlayHevc(): boolean {
  hevc ??=
    typeof MediaSource !== 'undefined' &&
    (MediaSource.isTypeSupported('video/mp4; codecs="hvc1.1.6.L93.B0"') ||
      MediaSource.isTypeSupported('video/mp4; codecs="hev1.1.6.L93.B0"'));
  return hevc;
}

/** Why this screen cannot show a stream's codec, and what to do about it; null when it can. */
export function codecProblem(health: StreamHealth | undefined): string | null {
  if (health?.codec === 'h265' && !canPlayHevc()) {
    return 'This camera sends H.265 (HEVC) video, which this screen cannot play. Ask an administrator to set the camera or its recorder to send H.264, or to add its H.264 grid stream.';
  }
  if (health?.codec === 'other') {
    return 'This camera sends video in a format this screen cannot play. Ask an administrator to set it to send H.264.';
  }
  return null;
}

/** The stream a view plays: a tile takes the low-resolution grid stream when the camera has one. */
export function streamFor(camera: Camera, large: boolean): StreamName {
  return !large && camera.hasGrid ? 'grid' : 'main';
}

export function healthOf(camera: Camera, stream: StreamName): StreamHealth | undefined {
  return camera.health.find((h) => h.stream === stream);
}

/** What a tile says: main's verdict on the source, corrected by what this page actually manages to play. */
export interface TileStatus {
  state: TileState;
  message: string | null;
  /** When the last frame arrived, for "12 s since last frame"; shown only when not live. */
  lastFrameAt: string | null;
  /** Seconds behind live, shown only when live. */
  latencySeconds: number | null;
}

export function tileStatus(camera: Camera, health: StreamHealth | undefined, player: PlayerState): TileStatus {
  const lastFrameAt = health?.lastSegmentAt ?? null;
  const base = { lastFrameAt, latencySeconds: null };
  if (!camera.enabled || health?.state === 'disabled') {
    return { ...base, state: 'disabled', message: 'Turned off in Settings → Cameras' };
  }
  if (!health) return { ...base, state: 'connecting', message: 'Waiting for the first report from the camera' };
  if (health.state !== 'live') return { ...base, state: health.state, message: health.message };
  // The camera sends video, but not in a form this screen can show: said as such, not as a dead camera.
  const codec = codecProblem(health);
  if (codec) return { ...base, state: 'unplayable', message: codec };
  // Main sees new segments, but a page that cannot play them must not show a frozen picture as Live.
  switch (player.phase) {
    case 'failed':
      return { ...base, state: 'offline', message: player.problem ?? 'This console cannot play the video' };
    case 'stuck':
      return { ...base, state: 'stalled', message: 'No new video' };
    case 'starting':
    case 'idle':
      return { ...base, state: 'connecting', message: 'Starting the video' };
    case 'paused':
    case 'playing':
      return { ...base, state: 'live', message: null, latencySeconds: player.latencySeconds };
  }
}

/** Newer of two reports on the same stream: events and list loads can arrive in either order. */
export function newerHealth(a: StreamHealth | undefined, b: StreamHealth): StreamHealth {
  if (!a) return b;
  const stamp = (h: StreamHealth) => Math.max(Date.parse(h.since), h.lastSegmentAt ? Date.parse(h.lastSegmentAt) : 0);
  return stamp(b) >= stamp(a) ? b : a;
}

/** "4 s", "2 min 5 s", "3 h 10 min": how long ago, read at a glance. */
export function formatSecondsAgo(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
