import { useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { formatClockSeconds } from '../../lib/time';
import type { Bookmark } from '../../../shared/contract';
import { agoWords } from './replay-time';

export interface Span {
  from: number;
  to: number;
}

interface TimelineProps {
  cameraName: string;
  /** The buffer's oldest and newest moments, ms. */
  from: number;
  to: number;
  covered: readonly (Span & { receipt: boolean })[];
  gaps: readonly Span[];
  bookmarks: readonly Bookmark[];
  frameMs: number | null;
  inMs: number | null;
  outMs: number | null;
  timeZone: string | undefined;
  now: number;
  onSeek: (ms: number) => void;
}

/** Where a moment is along the bar, and how wide a stretch is, as CSS percentages. */
const pct = (ms: number, from: number, to: number) => `${(100 * (ms - from)) / Math.max(1, to - from)}%`;
const widthOf = (a: number, b: number, from: number, to: number) => `${(100 * (b - a)) / Math.max(1, to - from)}%`;
/** Seeking while dragging, at most this often: each seek restarts the player's loading. */
const SCRUB_EVERY_MS = 150;

/**
 * The camera's buffer as a bar: recorded video, gaps hatched and labelled, bookmarks
 * as flags, the clip's in and out, and the picture's place. Click or drag to go
 * there; it is a slider for the keyboard (Home and End, ← → by 10 s on the tile).
 */
export function Timeline(p: TimelineProps) {
  const barRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  const dragging = useRef<{ lastSeek: number } | null>(null);
  const { from, to, timeZone } = p;
  const clock = (ms: number) => formatClockSeconds(new Date(ms), timeZone);

  const msAt = (clientX: number) => {
    const rect = barRef.current!.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (clientX - rect.left) / Math.max(1, rect.width)));
    return from + f * (to - from);
  };

  function down(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    dragging.current = { lastSeek: Date.now() };
    p.onSeek(msAt(e.clientX));
  }

  function move(e: PointerEvent<HTMLDivElement>) {
    const ms = msAt(e.clientX);
    setHover(ms);
    const drag = dragging.current;
    if (drag && Date.now() - drag.lastSeek >= SCRUB_EVERY_MS) {
      drag.lastSeek = Date.now();
      p.onSeek(ms);
    }
  }

  function up(e: PointerEvent<HTMLDivElement>) {
    if (!dragging.current) return;
    dragging.current = null;
    p.onSeek(msAt(e.clientX));
  }

  // Home and End are the slider's; every other key (← → by 10 s) goes on to the tile.
  function key(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    p.onSeek(e.key === 'Home' ? from : to);
  }

  const frame = p.frameMs;
  const valueText = frame === null ? 'No picture yet' : `${clock(frame)}, ${agoWords(p.now - frame)}`;
  const selection = p.inMs !== null ? { from: p.inMs, to: p.outMs ?? frame ?? p.inMs } : null;

  return (
    <div className="timeline">
      <div
        ref={barRef}
        className="timeline-bar"
        role="slider"
        tabIndex={0}
        aria-label={`Replay timeline of ${p.cameraName}`}
        aria-valuemin={from}
        aria-valuemax={to}
        aria-valuenow={frame ?? from}
        aria-valuetext={valueText}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={() => setHover(null)}
        onKeyDown={key}
      >
        {p.covered.map((s) => (
          <span
            key={s.from}
            className={`timeline-video${s.receipt ? ' is-receipt' : ''}`}
            style={{ left: pct(s.from, from, to), width: widthOf(s.from, s.to, from, to) }}
          />
        ))}
        {p.gaps.map((g) => (
          <span
            key={`gap-${g.from}`}
            className="timeline-gap"
            title={`No video from ${clock(g.from)} to ${clock(g.to)}`}
            style={{ left: pct(g.from, from, to), width: widthOf(g.from, g.to, from, to) }}
          />
        ))}
        {selection && (
          <span
            className="timeline-clip"
            style={{
              left: pct(Math.min(selection.from, selection.to), from, to),
              width: widthOf(Math.min(selection.from, selection.to), Math.max(selection.from, selection.to), from, to),
            }}
          />
        )}
        {p.bookmarks.map((b) => (
          <span
            key={b.id}
            className="timeline-bookmark"
            title={`Bookmark ${clock(Date.parse(b.at))}${b.note ? `: ${b.note}` : ''}`}
            style={{ left: pct(Date.parse(b.at), from, to) }}
          />
        ))}
        {frame !== null && <span className="timeline-head" style={{ left: pct(frame, from, to) }} />}
        {hover !== null && (
          <span className="timeline-hover" style={{ left: pct(hover, from, to) }}>
            {clock(hover)}
          </span>
        )}
      </div>
      <div className="timeline-legend">
        <span>
          <time dateTime={new Date(from).toISOString()}>{clock(from)}</time> oldest kept
        </span>
        {p.gaps.length > 0 && (
          <span className="legend-gap">
            <span className="legend-swatch" aria-hidden="true" /> no video ({p.gaps.length}{' '}
            {p.gaps.length === 1 ? 'gap' : 'gaps'})
          </span>
        )}
        {p.bookmarks.length > 0 && (
          <span className="legend-bookmark">
            <span className="legend-flag" aria-hidden="true" /> {p.bookmarks.length}{' '}
            {p.bookmarks.length === 1 ? 'bookmark' : 'bookmarks'}
          </span>
        )}
        <span>
          newest <time dateTime={new Date(to).toISOString()}>{clock(to)}</time>
        </span>
      </div>
    </div>
  );
}
