import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import Hls, { PlaylistLevelType } from 'hls.js';
import type { ErrorData } from 'hls.js';
import type { AwaitSegment } from './blocking-playlist-loader';
import { liveHlsConfig } from './hls-config';
import { LiveEdge } from './live-edge';

/**
 * idle: nothing to play; paused: hidden, not loading; starting: loading, no frame yet;
 * playing: the picture moved within the last 3 s; stuck: it has not; failed: recovery gave up for now.
 */
export type PlayerPhase = 'idle' | 'paused' | 'starting' | 'playing' | 'stuck' | 'failed';

export interface PlayerState {
  phase: PlayerPhase;
  /** Seconds between the frame on screen (EXT-X-PROGRAM-DATE-TIME) and now. */
  latencySeconds: number | null;
  problem: string | null;
}

export interface Player {
  state: PlayerState;
  /** The displayed frame's wall-clock time, when the stream carries it. */
  frameTime: () => string | null;
}

const TICK_MS = 1_000;
const KEEP_UP_MS = 1_000;
const STUCK_AFTER_MS = 3_000;
/** A first frame takes a playlist, a segment and a decode; longer than this is not "starting" any more. */
const FIRST_FRAME_MS = 10_000;
const backoffMs = (attempt: number) => Math.min(8_000, 500 * 2 ** Math.min(attempt, 4));

interface Tracking {
  startedAt: number;
  lastProgressAt: number | null;
  lastTime: number;
  fatalCount: number;
  problem: string | null;
  /** True between a destroyed instance and its replacement. */
  rebuilding: boolean;
}

const freshTracking = (): Tracking => ({
  startedAt: Date.now(),
  lastProgressAt: null,
  lastTime: -1,
  fatalCount: 0,
  problem: null,
  rebuilding: false,
});

function describe(data: ErrorData): string {
  const code = data.response?.code ? ` (HTTP ${data.response.code})` : '';
  if (data.type === Hls.ErrorTypes.NETWORK_ERROR) return `This console cannot load the video${code}`;
  if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return 'This console cannot decode the video';
  return `The player stopped (${data.details})`;
}

/** Media buffered past `time` in the range that contains it. */
function bufferedAhead(video: HTMLVideoElement, time: number): number {
  const b = video.buffered;
  for (let i = 0; i < b.length; i++) if (b.start(i) <= time + 0.05 && time < b.end(i)) return b.end(i) - time;
  return 0;
}

/** Jumps the picture forward to the tile's target delay behind live, when it is further back (see LiveEdge). */
function keepUp(hls: Hls, video: HTMLVideoElement, edge: LiveEdge): void {
  const date = hls.playingDate;
  if (!date || video.paused || video.seeking || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
  const by = edge.jump((Date.now() - date.getTime()) / 1000, bufferedAhead(video, video.currentTime));
  if (by > 0) video.currentTime += by;
}

/**
 * Plays a live HLS source in a <video> with hls.js and heals it without a page
 * reload: network errors restart loading after a backoff, media errors go
 * through recoverMediaError (then one audio codec swap), anything else rebuilds
 * the instance. Inactive (hidden) players stop loading and pause.
 * `generation` changes when the source came back: the old instance is dropped for a fresh one.
 */
export function usePlayer(
  videoRef: RefObject<HTMLVideoElement | null>,
  {
    src,
    active,
    generation,
    awaitSegment,
  }: {
    src: string | null;
    active: boolean;
    generation: string;
    /** Main's blocking playlist reload for this stream (cameras.awaitSegment). */
    awaitSegment: AwaitSegment;
  },
): Player {
  const hlsRef = useRef<Hls | null>(null);
  // One LiveEdge per player for its whole life (not a new one built on every render).
  const [edge] = useState(() => new LiveEdge());
  const awaitRef = useRef(awaitSegment);
  const activeRef = useRef(active);
  const track = useRef<Tracking>(freshTracking());
  const [state, setState] = useState<PlayerState>({ phase: 'idle', latencySeconds: null, problem: null });

  useEffect(() => {
    awaitRef.current = awaitSegment;
  }, [awaitSegment]);

  // Declared before the instance effect, so a new instance starts with the current visibility.
  useEffect(() => {
    activeRef.current = active;
    const hls = hlsRef.current;
    const video = videoRef.current;
    if (!hls || !video) return;
    if (active) {
      track.current = freshTracking();
      edge.reset();
      hls.startLoad(-1);
      // Back to the live edge: what was buffered before hiding is old news.
      if (hls.liveSyncPosition !== null) video.currentTime = hls.liveSyncPosition;
      void video.play().catch(() => undefined);
    } else {
      hls.stopLoad();
      video.pause();
    }
  }, [active, videoRef, edge]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !src || !Hls.isSupported()) return;
    const media = video;
    const source = src;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let lastMediaErrorAt = 0;
    let swappedCodec = false;
    track.current = freshTracking();
    edge.reset();
    const loaderWait: AwaitSegment = (msn) => awaitRef.current(msn);

    function create(): void {
      const hls = new Hls({ ...liveHlsConfig(loaderWait), autoStartLoad: activeRef.current });
      hlsRef.current = hls;
      hls.on(Hls.Events.FRAG_BUFFERED, (_event, { frag }) => {
        if (frag.type !== PlaylistLevelType.MAIN || frag.programDateTime === null) return;
        edge.arrived((Date.now() - frag.programDateTime) / 1000 - frag.duration, frag.duration);
        keepUp(hls, media, edge);
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        const t = track.current;
        t.fatalCount += 1;
        t.problem = describe(data);
        clearTimeout(retryTimer);
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
          retryTimer = setTimeout(() => {
            if (activeRef.current) hls.startLoad(-1);
          }, backoffMs(t.fatalCount));
        } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
          const now = Date.now();
          if (now - lastMediaErrorAt < 3_000 && !swappedCodec) {
            swappedCodec = true;
            hls.swapAudioCodec();
          }
          lastMediaErrorAt = now;
          hls.recoverMediaError();
        } else {
          hls.destroy();
          hlsRef.current = null;
          t.rebuilding = true;
          retryTimer = setTimeout(create, backoffMs(t.fatalCount));
        }
      });
      hls.attachMedia(media);
      hls.loadSource(source);
      // Plays as soon as there is something to play (the video has no autoplay attribute: see CameraTile).
      if (activeRef.current) void media.play().catch(() => undefined);
      track.current.rebuilding = false;
    }

    create();
    return () => {
      clearTimeout(retryTimer);
      hlsRef.current?.destroy();
      hlsRef.current = null;
      media.removeAttribute('src');
      media.load();
    };
  }, [videoRef, src, generation, edge]);

  useEffect(() => {
    const timer = setInterval(() => {
      const video = videoRef.current;
      const hls = hlsRef.current;
      const t = track.current;
      const now = Date.now();
      let phase: PlayerPhase;
      if (!src) phase = 'idle';
      else if (!Hls.isSupported()) {
        phase = 'failed';
        t.problem = 'This console cannot play HLS video';
      } else if (!activeRef.current) phase = 'paused';
      else {
        if (video && video.currentTime !== t.lastTime && !video.paused) {
          if (t.lastTime >= 0) {
            t.lastProgressAt = now;
            t.fatalCount = 0;
            t.problem = null;
          }
          t.lastTime = video.currentTime;
        }
        if (t.problem && (t.rebuilding || t.fatalCount >= 2)) phase = 'failed';
        else if (t.lastProgressAt === null) phase = now - t.startedAt > FIRST_FRAME_MS ? 'stuck' : 'starting';
        else phase = now - t.lastProgressAt > STUCK_AFTER_MS ? 'stuck' : 'playing';
      }
      const date = phase === 'playing' ? hls?.playingDate : null;
      const latency = date ? Math.round((now - date.getTime()) / 100) / 10 : null;
      const problem = phase === 'failed' ? t.problem : null;
      setState((s) =>
        s.phase === phase && s.latencySeconds === latency && s.problem === problem
          ? s
          : { phase, latencySeconds: latency, problem },
      );
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [videoRef, src]);

  // Between segments too: a stall puts the picture behind without any segment arriving.
  useEffect(() => {
    const timer = setInterval(() => {
      const hls = hlsRef.current;
      const video = videoRef.current;
      if (hls && video && activeRef.current) keepUp(hls, video, edge);
    }, KEEP_UP_MS);
    return () => clearInterval(timer);
  }, [videoRef, edge]);

  const frameTime = useCallback(() => hlsRef.current?.playingDate?.toISOString() ?? null, []);
  return { state, frameTime };
}
