import { startTransition, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { call, type Result } from '../../lib/api';
import { isTypingTarget } from '../../lib/keys';
import { useQuery } from '../../lib/useQuery';
import { formatClockSeconds, formatDay } from '../../lib/time';
import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import type { Camera, Clip, OutputOf, Snapshot } from '../../../shared/contract';
import { saveSnapshot } from '../cameras/snapshot';
import { ReplayControls } from './ReplayControls';
import { Timeline } from './Timeline';
import { agoWords, gapCrossed, lengthWords, nextSpeed } from './replay-time';
import { markReplay } from './replay-marks';
import { useReplayPlayer, type ReplayNotice } from './useReplayPlayer';
import './replay.css';

type Opened = OutputOf<'replay.open'>;

export interface ReplayTileProps {
  camera: Camera;
  timeZone: string | undefined;
  /** Where to start: a moment (a bookmark, a report), or 30 s back from the newest; `seq` reopens; `note` is said on opening. */
  start: { at?: string; seq: number; note?: string | null };
  onBackToLive: () => void;
  onBookmark: (camera: Camera, at: string) => void;
  onSnapshot: (camera: Camera, result: Result<Snapshot>) => void;
  /** Start a report from the moment on screen, with its snapshot. */
  onReport: (camera: Camera, snapshot: Result<Snapshot>, at: string) => void;
  /** A clip was cut: the desk attaches it to the report being written, or a new one. */
  onClip: (camera: Camera, clip: Clip, note: string | null) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Opens replay of a camera at a moment (an audited read in main): what to play, or why not in words. */
async function openReplay(
  cameraId: string,
  at?: number,
): Promise<{ opened: Opened & { startMs: number } } | { refusal: string }> {
  const r = await call('replay.open', { cameraId, ...(at === undefined ? {} : { at: iso(at) }) });
  return r.ok ? { opened: { ...r.value, startMs: Date.parse(r.value.startAt) } } : { refusal: r.error.message };
}

/** Re-renders every second, for "1 min 12 s ago" (media time is real time). */
function useRealNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * A camera's recorded video in the large tile, never mistakable for live: REPLAY
 * in words and colour with the wall-clock time shown, a timeline of what is kept
 * (gaps and bookmarks drawn), scrubbing, ±10 s, 0.5–4×, frame steps, in and out
 * for a clip, and Back to live. Opening it is an audited read (replay.open).
 */
export function ReplayTile({
  camera,
  timeZone,
  start,
  onBackToLive,
  onBookmark,
  onSnapshot,
  onReport,
  onClip,
}: ReplayTileProps) {
  const nameId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [opened, setOpened] = useState<(Opened & { startMs: number }) | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [marks, setMarks] = useState<{ in: number | null; out: number | null }>({ in: null, out: null });
  const [busy, setBusy] = useState(false);
  const now = useRealNow();
  const clock = useCallback((ms: number) => formatClockSeconds(new Date(ms), timeZone), [timeZone]);

  // Only the newest question's answer plays (a report's Replay may overtake the look for newer video).
  const latest = useRef(0);
  // What plays an opened replay is defined with the player, below; the question goes first.
  const showRef = useRef<(o: Opened & { startMs: number }) => void>(() => undefined);

  // replay.open is asked before the player is made (the player's effects come after this one).
  useEffect(() => {
    let current = true;
    const asked = ++latest.current;
    markReplay('open-asked');
    void openReplay(camera.id, start.at === undefined ? undefined : Date.parse(start.at)).then((r) => {
      if (!current || asked !== latest.current) return;
      markReplay('open-answered');
      if ('refusal' in r) setRefusal(r.refusal);
      else {
        setRefusal(null);
        showRef.current(r.opened);
        setNotice(start.note ?? null);
      }
    });
    return () => {
      current = false;
    };
    // The note belongs to the request (seq): it is said once, when that request opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera.id, start.at, start.seq]);

  const onNotice = useCallback(
    (n: ReplayNotice) => {
      if (n.kind === 'missing') {
        setNotice(
          `A piece of the recording is missing or damaged (${clock(n.fromMs)}–${clock(n.toMs)}); replay went on after it.`,
        );
      } else if (n.kind === 'codec') {
        setNotice('This screen cannot play this camera’s video format. Replay needs H.264 video.');
      } else {
        // The end of what was recorded when replay opened: look again for newer video.
        const asked = ++latest.current;
        void openReplay(camera.id, n.ms).then((r) => {
          if (asked !== latest.current) return;
          setRefusal('refusal' in r ? r.refusal : null);
          const o = 'opened' in r ? r.opened : null;
          if (o && opened && Date.parse(o.timeline.to) > Date.parse(opened.timeline.to) + 500) showRef.current(o);
          else setNotice('This is the newest recorded moment. Press L, or Back to live, for the live picture.');
        });
      }
    },
    [clock, camera.id, opened],
  );

  const player = useReplayPlayer(videoRef, { frameRate: opened?.timeline.frameRate ?? null, onNotice });
  const { load } = player;
  /**
   * Plays an opened replay: the player first, in the answer's own callback; the timeline
   * and controls render after, as a transition that yields to the player's own work
   * (the first segment arrives while they render).
   */
  const show = useCallback(
    (o: Opened & { startMs: number }) => {
      load(o);
      startTransition(() => setOpened(o));
    },
    [load],
  );
  useEffect(() => {
    showRef.current = show;
  }, [show]);

  const frame = player.state.frameMs;
  const timeline = opened?.timeline;
  // Bookmarks made while replaying (B here, or on another desk) join the timeline at once.
  // Asked once the first picture is up: the timeline starts with the bookmarks replay.open gave.
  const marked = useQuery('bookmarks.list', {}, { refetchOn: ['bookmarks.changed'], enabled: player.state.shown });
  const bookmarks = marked.value
    ? marked.value.filter(
        (b) =>
          b.cameraId === camera.id &&
          timeline !== undefined &&
          Date.parse(timeline.from) <= Date.parse(b.at) &&
          Date.parse(b.at) <= Date.parse(timeline.to),
      )
    : (timeline?.bookmarks ?? []);
  const gaps = (timeline?.gaps ?? []).map((g) => ({ from: Date.parse(g.from), to: Date.parse(g.to) }));

  // Said when the picture jumps over a gap while playing.
  const last = useRef<number | null>(null);
  useEffect(() => {
    const before = last.current;
    last.current = frame;
    if (before === null || frame === null || frame <= before) return;
    const gap = gapCrossed(gaps, before, frame);
    if (gap)
      setNotice(`No video from ${clock(gap.from)} to ${clock(gap.to)} (a gap); replay went on at ${clock(gap.to)}.`);
    // gaps only changes with the timeline; frame is what moves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frame, clock]);

  function go(ms: number) {
    const place = player.seekTo(ms);
    if (!place) return;
    last.current = place.ms;
    if (place.moved && timeline) {
      const gap = gaps.find((g) => g.from <= ms && ms < g.to);
      setNotice(
        gap
          ? `No video at ${clock(ms)} (a gap); showing ${clock(place.ms)}, where the video resumes.`
          : ms < Date.parse(timeline.from)
            ? `Nothing older is kept; showing the oldest recorded moment, ${clock(place.ms)}.`
            : `That is past the newest recorded moment; showing ${clock(place.ms)}.`,
      );
    } else setNotice(null);
  }

  const momentNow = () => player.frameMs() ?? frame;

  function mark(which: 'in' | 'out') {
    const ms = momentNow();
    if (ms === null) return;
    setMarks((m) => ({ ...m, [which]: ms }));
    setNotice(`${which === 'in' ? 'In' : 'Out'} point ${clock(ms)}.`);
  }

  async function addClip() {
    if (busy) return;
    const out = marks.out ?? momentNow();
    if (marks.in === null || out === null) {
      setNotice('Mark the in point first (I), then the out point (O).');
      return;
    }
    setBusy(true);
    setNotice(`Cutting the clip ${clock(marks.in)}–${clock(out)}…`);
    const r = await call('replay.cutClip', { cameraId: camera.id, from: iso(marks.in), to: iso(out) });
    setBusy(false);
    if (!r.ok) {
      setNotice(r.error.message);
      return;
    }
    const c = r.value.clip;
    setNotice(
      `Clip ${clock(Date.parse(c.frameTime!))}–${clock(Date.parse(c.clip!.to))} (${lengthWords(c.clip!.durationMs)}) added to the report.` +
        (r.value.note ? ` ${r.value.note}` : ''),
    );
    setMarks({ in: null, out: null });
    onClip(camera, c, r.value.note);
  }

  async function snapshot(then?: (s: Result<Snapshot>, at: string) => void) {
    const ms = momentNow();
    if (busy || ms === null) return;
    setBusy(true);
    const result = await saveSnapshot(camera, 'main', videoRef.current, iso(ms));
    setBusy(false);
    if (then) then(result, iso(ms));
    else onSnapshot(camera, result);
  }

  function bookmark() {
    const ms = momentNow();
    if (ms !== null) onBookmark(camera, iso(ms));
  }

  function nudge(seconds: number) {
    const ms = momentNow();
    if (ms !== null) go(ms + seconds * 1000);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (isTypingTarget(e.target) || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => nudge(-10),
      ArrowRight: () => nudge(10),
      ' ': () => player.toggle(),
      k: () => player.toggle(),
      ',': () => player.step(-1),
      '.': () => player.step(1),
      '[': () => player.setSpeed(nextSpeed(player.state.speed, -1)),
      ']': () => player.setSpeed(nextSpeed(player.state.speed, 1)),
      i: () => mark('in'),
      o: () => mark('out'),
      c: () => void addClip(),
      b: bookmark,
      s: () => void snapshot(),
      n: () => void snapshot((s, at) => onReport(camera, s, at)),
      l: onBackToLive,
      Escape: onBackToLive,
    };
    // Space and Enter on a button are the button's own.
    if ((k === ' ' || k === 'Enter') && e.target instanceof HTMLButtonElement) return;
    const action = actions[k];
    if (!action) return;
    e.preventDefault();
    action();
  }

  // The keyboard comes here when replay opens, and again when it is asked for anew (a report's Replay).
  useEffect(() => rootRef.current?.focus(), [start.seq]);

  const ago = frame === null ? null : agoWords(now - frame);
  const receipt = timeline?.covered.some(
    (c) => c.timeSource === 'receipt' && frame !== null && Date.parse(c.from) <= frame && frame <= Date.parse(c.to),
  );
  return (
    <div
      ref={rootRef}
      className="replay"
      role="region"
      aria-labelledby={nameId}
      aria-keyshortcuts="Space ArrowLeft ArrowRight , . [ ] I O C B S N L Escape"
      tabIndex={0}
      data-camera={camera.id}
      data-shown={player.state.shown ? 'true' : undefined}
      onKeyDown={onKeyDown}
    >
      {/* Above the picture, not over it: REPLAY, the camera and the moment shown, in words and colour. */}
      <div className="replay-banner">
        <span className="replay-word" id={nameId}>
          REPLAY<Unseen> of {camera.name}</Unseen>
        </span>
        <span className="replay-camera" aria-hidden="true">
          {camera.name}
        </span>
        {frame !== null && (
          <span className="replay-when">
            <time dateTime={iso(frame)}>{clock(frame)}</time> {formatDay(new Date(frame), timeZone)}
            {receipt && <span className="replay-receipt"> (time received)</span>}
          </span>
        )}
        {ago && <span className="replay-ago">{ago}</span>}
        <span className="replay-speed">{player.state.playing ? `Playing ${player.state.speed}×` : 'Paused'}</span>
      </div>
      <div className="replay-screen">
        <video ref={videoRef} className="replay-video" muted playsInline disablePictureInPicture aria-hidden />
        {/* On the picture itself only a small tag: whoever looks at the image alone still reads REPLAY. */}
        <span className="replay-tag" aria-hidden="true">
          REPLAY
        </span>
        {refusal && (
          <div className="replay-refusal" role="alert">
            <p>{refusal}</p>
            <Button onClick={onBackToLive}>
              Back to live<Unseen> {camera.name}</Unseen>
            </Button>
          </div>
        )}
        {!refusal && player.state.phase === 'failed' && (
          <div className="replay-refusal" role="alert">
            <p>{player.state.problem}</p>
          </div>
        )}
        {!refusal && !player.state.shown && player.state.phase !== 'failed' && (
          <p className="replay-loading">Opening the recording…</p>
        )}
      </div>
      {timeline && (
        <Timeline
          cameraName={camera.name}
          from={Date.parse(timeline.from)}
          to={Date.parse(timeline.to)}
          covered={timeline.covered.map((c) => ({
            from: Date.parse(c.from),
            to: Date.parse(c.to),
            receipt: c.timeSource === 'receipt',
          }))}
          gaps={gaps}
          bookmarks={bookmarks}
          frameMs={frame}
          inMs={marks.in}
          outMs={marks.out}
          timeZone={timeZone}
          now={now}
          onSeek={go}
        />
      )}
      <ReplayControls
        cameraName={camera.name}
        playing={player.state.playing}
        speed={player.state.speed}
        marks={marks}
        clock={clock}
        busy={busy}
        ready={player.state.phase === 'ready'}
        onNudge={nudge}
        onPlay={() => player.toggle()}
        onStep={player.step}
        onSpeed={player.setSpeed}
        onMark={mark}
        onClearMarks={() => setMarks({ in: null, out: null })}
        onAddClip={() => void addClip()}
        onBookmark={bookmark}
        onSnapshot={() => void snapshot()}
        onReport={() => void snapshot((s, at) => onReport(camera, s, at))}
        onBackToLive={onBackToLive}
      />
      <p className="replay-notice" role="status">
        {notice}
      </p>
    </div>
  );
}
