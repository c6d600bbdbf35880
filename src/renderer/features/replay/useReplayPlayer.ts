import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import Hls from 'hls.js';
import { REPLAY_HLS_CONFIG } from './replay-hls-config';
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
  /** Goes to a wall-clock moment (or the nearest recorded one); returns where it went. */
  seekTo(ms: number): Place | null;
  play(): void;
  pause(): void;
  setSpeed(speed: Speed): void;
  /** One frame forward or back, pausing first. */
  step(direction: 1 | -1): void;
  /** The moment on screen now (between state updates). */
  frameMs(): number | null;
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
 */
export function useReplayPlayer(
  videoRef: RefObject<HTMLVideoElement | null>,
  {
    playlist,
    startMs,
    frameRate,
    onNotice,
  }: { playlist: string | null; startMs: number; frameRate: number | null; onNotice: (n: ReplayNotice) => void },
): ReplayPlayer {
  const hlsRef = useRef<Hls | null>(null);
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

  // Whether this screen plays HLS at all is asked once; a new playlist starts from nothing shown.
  const [supported] = useState(() => Hls.isSupported());
  const [playlistShown, setPlaylistShown] = useState(playlist);
  if (playlist !== playlistShown) {
    setPlaylistShown(playlist);
    setState((s) => ({ ...s, phase: 'loading', shown: false, problem: null, frameMs: null }));
  }

  useEffect(() => {
    noticeRef.current = onNotice;
  }, [onNotice]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !playlist || !supported) return;
    const media = video;
    const hls = new Hls({ ...REPLAY_HLS_CONFIG });
    hlsRef.current = hls;
    fragments.current = [];
    let started = false;

    hls.on(Hls.Events.LEVEL_LOADED, (_e, { details }) => {
      fragments.current = details.fragments.flatMap((f) =>
        f.programDateTime === null ? [] : [{ start: f.start, duration: f.duration, date: f.programDateTime }],
      );
      if (started) return;
      started = true;
      const place = placeOf(fragments.current, startMs);
      hls.startLoad(place?.position ?? 0);
      media.currentTime = place?.position ?? 0;
      void media.play().catch(() => undefined);
      setState((s) => ({ ...s, phase: 'ready' }));
    });
    hls.on(Hls.Events.ERROR, (_e, data) => {
      const frag = data.frag;
      if (
        frag &&
        (data.details === Hls.ErrorDetails.FRAG_LOAD_ERROR || data.details === Hls.ErrorDetails.FRAG_PARSING_ERROR)
      ) {
        // A recorded segment went missing or was damaged on disk: go on after it, and say so.
        const next = fragments.current.find((f) => f.start >= frag.start + frag.duration - 0.001);
        const from = frag.programDateTime ?? 0;
        noticeRef.current({ kind: 'missing', fromMs: from, toMs: from + frag.duration * 1000 });
        if (next) {
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
        noticeRef.current({ kind: 'codec' });
      }
      if (!data.fatal) return;
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
        return;
      }
      setState((s) => ({ ...s, phase: 'failed', problem: describe(data.details) }));
    });
    const onEnded = () => noticeRef.current({ kind: 'ended', ms: momentAt(fragments.current, media.currentTime) ?? 0 });
    media.addEventListener('ended', onEnded);
    // The first picture of the past: when the video has really presented a frame at the place asked for.
    const onFrame = () => setState((s) => (s.shown ? s : { ...s, shown: true }));
    const watchFirstFrame = () => media.requestVideoFrameCallback(onFrame);
    media.addEventListener('seeked', watchFirstFrame, { once: true });
    media.addEventListener('loadeddata', watchFirstFrame, { once: true });

    hls.attachMedia(media);
    hls.loadSource(playlist);
    return () => {
      media.removeEventListener('ended', onEnded);
      hls.destroy();
      hlsRef.current = null;
      media.removeAttribute('src');
      media.load();
    };
    // startMs is read when the playlist loads: a new start comes with a new playlist.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [videoRef, playlist, supported]);

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

  const play = useCallback(() => void videoRef.current?.play().catch(() => undefined), [videoRef]);
  const pause = useCallback(() => videoRef.current?.pause(), [videoRef]);

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
  return { state: shownState, seekTo, play, pause, setSpeed, step, frameMs };
}
