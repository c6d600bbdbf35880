import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import Hls from 'hls.js';
import { REPLAY_HLS_CONFIG } from './replay-hls-config';
import { markReplay } from './replay-marks';
import { inlinePlaylistLoader } from './replay-playlist-loader';
import { FALLBACK_FRAME_RATE, momentAt, placeOf, type Place, type Speed, type TimedFragment } from './replay-time';

export type ReplayPhase = 'loading' | 'ready' | 'failed';

export interface ReplayPlayerState {
  phase: ReplayPhase;
  playing: boolean;
  speed: Speed;
  /** The wall-clock moment on screen, ms; null before the first frame. */
  frameMs: number | null;
  /** The first picture of the past is on screen. */
  shown: boolean;
  problem: string | null;
}

/** What the player tells the tile, to say in words. */
export type ReplayNotice =
  { kind: 'missing'; fromMs: number; toMs: number } | { kind: 'ended'; ms: number } | { kind: 'codec' };

export interface ReplayPlayer {
  state: ReplayPlayerState;
  /**
   * Plays an opened replay (replay.open's answer) from a wall-clock moment. Called in the
   * answer's own callback, not after a render: the player was made and attached to the
   * video while the question was in flight.
   */
  load(source: ReplaySource): void;
  /** Goes to a wall-clock moment (or the nearest recorded one); returns where it went. */
  seekTo(ms: number): Place | null;
  play(): void;
  pause(): void;
  /** Pauses if playing, plays if paused: as the video is now, not as last reported (a press can come between). */
  toggle(): void;
  setSpeed(speed: Speed): void;
  /** One frame forward or back, pausing first. */
  step(direction: 1 | -1): void;
  /** The moment on screen now (between state updates). */
  frameMs(): number | null;
}

export interface ReplaySource {
  /** The playlist's media path, and its text as replay.open handed it over. */
  playlist: string;
  playlistText: string;
  startMs: number;
  timeline: { frameRate: number | null };
}

const TICK_MS = 200;

const describe = (details: string) =>
  details === Hls.ErrorDetails.MANIFEST_LOAD_ERROR || details === Hls.ErrorDetails.LEVEL_LOAD_ERROR
    ? 'The recording could not be loaded from this desk'
    : 'This screen cannot play the recorded video';

/**
 * Plays a camera's recorded video (replay.open's playlist) in a <video>: starts at a
 * wall-clock moment once the playlist says where that is on the player's timeline,
 * seeks by wall-clock, plays at 0.5–4×, steps frames while paused, and reports the
 * moment on screen from the segments' dates. A segment that is missing or damaged is
 * skipped (the player goes on after it) and said; reaching the end is said too.
 *
 * R → the first frame of the past is the desk's measure (issue 14: p95 ≤ 300 ms), so
 * nothing on that path waits for anything it need not: the player and its MediaSource
 * are made when the tile mounts, in parallel with replay.open; the playlist comes in
 * the answer; the first frame is caught as it is presented, not a frame later.
 */
export function useReplayPlayer(
  videoRef: RefObject<HTMLVideoElement | null>,
  { frameRate, onNotice }: { frameRate: number | null; onNotice: (n: ReplayNotice) => void },
): ReplayPlayer {
  /** The player made ahead, attached and waiting for its playlist. */
  const readyRef = useRef<Hls | null>(null);
  const stopRef = useRef<(() => void) | null>(null);
  const fragments = useRef<TimedFragment[]>([]);
  const noticeRef = useRef(onNotice);
  const [state, setState] = useState<ReplayPlayerState>({
    phase: 'loading',
    playing: false,
    speed: 1,
    frameMs: null,
    shown: false,
    problem: null,
  });

  // Whether this screen plays HLS at all is asked once.
  const [supported] = useState(() => Hls.isSupported());

  useEffect(() => {
    noticeRef.current = onNotice;
  }, [onNotice]);

  /** A player attached to the video, its MediaSource opening while it waits for a playlist. */
  const prepare = useCallback((media: HTMLVideoElement, source?: ReplaySource) => {
    const hls = new Hls({
      ...REPLAY_HLS_CONFIG,
      ...(source ? { pLoader: inlinePlaylistLoader(absolute(source.playlist), source.playlistText) } : {}),
    });
    markReplay('player-created');
    hls.once(Hls.Events.MEDIA_ATTACHED, () => markReplay('media-attached'));
    hls.attachMedia(media);
    return hls;
  }, []);

  // Made at mount, before replay.open answers.
  useEffect(() => {
    const media = videoRef.current;
    if (!media || !supported) return;
    readyRef.current = prepare(media);
    return () => {
      stopRef.current?.();
      stopRef.current = null;
      readyRef.current?.destroy();
      readyRef.current = null;
      media.removeAttribute('src');
      media.load();
    };
  }, [videoRef, supported, prepare]);

  const load = useCallback(
    (source: ReplaySource) => {
      const media = videoRef.current;
      if (!media || !supported) return;
      stopRef.current?.();
      // The player made ahead serves the first load; another (newer video, a new moment) gets a fresh one.
      let hls = readyRef.current;
      readyRef.current = null;
      if (hls) hls.config.pLoader = inlinePlaylistLoader(absolute(source.playlist), source.playlistText);
      else hls = prepare(media, source);
      fragments.current = [];
      setState((s) => ({ ...s, phase: 'loading', shown: false, problem: null, frameMs: null }));
      stopRef.current = play(hls, media, source.startMs, source.timeline.frameRate, {
        fragments,
        notice: (n) => noticeRef.current(n),
        ready: () => setState((s) => ({ ...s, phase: 'ready' })),
        shown: () => setState((s) => (s.shown ? s : { ...s, shown: true })),
        failed: (problem) => setState((s) => ({ ...s, phase: 'failed', problem })),
      });
      hls.loadSource(absolute(source.playlist));
    },
    [videoRef, supported, prepare],
  );

  useEffect(() => {
    const timer = setInterval(() => {
      const video = videoRef.current;
      if (!video) return;
      const frameMs = momentAt(fragments.current, video.currentTime);
      const playing = !video.paused && !video.ended;
      setState((s) => (s.frameMs === frameMs && s.playing === playing ? s : { ...s, frameMs, playing }));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [videoRef]);

  const frameMs = useCallback(() => {
    const video = videoRef.current;
    return video ? momentAt(fragments.current, video.currentTime) : null;
  }, [videoRef]);

  const seekTo = useCallback(
    (ms: number) => {
      const video = videoRef.current;
      const place = placeOf(fragments.current, ms);
      if (!video || !place) return null;
      video.currentTime = place.position;
      setState((s) => ({ ...s, frameMs: place.ms }));
      return place;
    },
    [videoRef],
  );

  const resume = useCallback(() => void videoRef.current?.play().catch(() => undefined), [videoRef]);
  const pause = useCallback(() => videoRef.current?.pause(), [videoRef]);
  const toggle = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused || video.ended) void video.play().catch(() => undefined);
    else video.pause();
    // Said at once, not at the next tick.
    setState((s) => ({ ...s, playing: !video.paused && !video.ended }));
  }, [videoRef]);

  const setSpeed = useCallback(
    (speed: Speed) => {
      if (videoRef.current) videoRef.current.playbackRate = speed;
      setState((s) => ({ ...s, speed }));
    },
    [videoRef],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      const video = videoRef.current;
      if (!video) return;
      video.pause();
      const frame = 1 / (frameRate ?? FALLBACK_FRAME_RATE);
      // Aim at the middle of the frame, so rounding never lands on the same one again.
      const last = fragments.current.at(-1);
      const end = last ? last.start + last.duration : video.duration;
      video.currentTime = Math.min(Math.max(0, video.currentTime + direction * frame), Math.max(0, end - frame / 2));
    },
    [videoRef, frameRate],
  );

  const shownState: ReplayPlayerState = supported
    ? state
    : { ...state, phase: 'failed', problem: 'This screen cannot play HLS video' };
  return { state: shownState, load, seekTo, play: resume, pause, toggle, setSpeed, step, frameMs };
}

const absolute = (path: string) => new URL(path, location.href).href;

interface PlayHooks {
  fragments: { current: TimedFragment[] };
  notice: (n: ReplayNotice) => void;
  ready: () => void;
  shown: () => void;
  failed: (problem: string) => void;
}

/**
 * One playlist in one player, from a wall-clock moment: where the moment is once the
 * playlist is parsed, damaged segments skipped and said, the first frame caught. Returns
 * what stops it (the player itself is destroyed with it).
 */
function play(hls: Hls, media: HTMLVideoElement, startMs: number, frameRate: number | null, on: PlayHooks): () => void {
  let started = false;
  let target: number | null = null;
  let appended = false;
  hls.on(Hls.Events.FRAG_LOADING, () => !appended && markReplay('segment-asked'));
  hls.on(Hls.Events.FRAG_LOADED, () => !appended && markReplay('segment-loaded'));
  hls.on(Hls.Events.FRAG_PARSED, () => !appended && markReplay('segment-parsed'));
  hls.on(Hls.Events.BUFFER_APPENDED, () => {
    if (!appended) markReplay('first-append');
    appended = true;
  });
  hls.on(Hls.Events.LEVEL_LOADED, (_e, { details }) => {
    on.fragments.current = details.fragments.flatMap((f) =>
      f.programDateTime === null ? [] : [{ start: f.start, duration: f.duration, date: f.programDateTime }],
    );
    if (started) return;
    started = true;
    markReplay('playlist-loaded');
    const place = placeOf(on.fragments.current, startMs);
    target = place?.position ?? 0;
    hls.startLoad(target);
    media.currentTime = target;
    void media.play().catch(() => undefined);
    on.ready();
  });
  hls.on(Hls.Events.ERROR, (_e, data) => {
    const frag = data.frag;
    if (
      frag &&
      (data.details === Hls.ErrorDetails.FRAG_LOAD_ERROR || data.details === Hls.ErrorDetails.FRAG_PARSING_ERROR)
    ) {
      // A recorded segment went missing or was damaged on disk: go on after it, and say so.
      const next = on.fragments.current.find((f) => f.start >= frag.start + frag.duration - 0.001);
      const from = frag.programDateTime ?? 0;
      on.notice({ kind: 'missing', fromMs: from, toMs: from + frag.duration * 1000 });
      if (next) {
        target = next.start;
        media.currentTime = next.start;
        hls.startLoad(next.start);
      }
      return;
    }
    if (
      data.details === Hls.ErrorDetails.BUFFER_INCOMPATIBLE_CODECS_ERROR ||
      data.details === Hls.ErrorDetails.BUFFER_ADD_CODEC_ERROR ||
      data.details === Hls.ErrorDetails.MANIFEST_INCOMPATIBLE_CODECS_ERROR
    ) {
      on.notice({ kind: 'codec' });
    }
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
      hls.recoverMediaError();
      return;
    }
    on.failed(describe(data.details));
  });
  const onEnded = () => on.notice({ kind: 'ended', ms: momentAt(on.fragments.current, media.currentTime) ?? 0 });
  media.addEventListener('ended', onEnded);

  // The first picture of the past: the first frame the video presents at (or after) the
  // place asked for, caught by the callback for that very frame. (Asking only after
  // 'seeked' waited for the frame after it: up to a frame interval and more late.)
  let frameCall = 0;
  const onFrame: VideoFrameRequestCallback = (_now, frame) => {
    // The frame showing at the place asked for may start up to a frame interval before it
    // (a third of a second when the rate is unknown: cameras send 5 fps and more). Too tight,
    // and a paused replay would never say its picture is up: no next frame would come.
    const interval = 1 / (frameRate ?? 5);
    if (target !== null && frame.mediaTime >= target - Math.max(0.1, 1.5 * interval)) {
      markReplay('frame-shown');
      on.shown();
    } else frameCall = media.requestVideoFrameCallback(onFrame);
  };
  frameCall = media.requestVideoFrameCallback(onFrame);
  const onSeeked = () => markReplay('seeked');
  media.addEventListener('seeked', onSeeked, { once: true });

  return () => {
    media.removeEventListener('ended', onEnded);
    media.removeEventListener('seeked', onSeeked);
    media.cancelVideoFrameCallback(frameCall);
    hls.destroy();
  };
}
