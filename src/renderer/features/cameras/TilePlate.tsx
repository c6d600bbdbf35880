import { useEffect, useState } from 'react';
import { STATE_WORD, formatSecondsAgo } from './status';
import type { TileStatus } from './status';

/** Re-renders once a second while `on`, for counters that must keep moving. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

/**
 * The words over the video: camera name, state (word first, colour second),
 * the reason, and either how far behind live or how long since the last frame.
 */
export function TilePlate({ nameId, name, status }: { nameId: string; name: string; status: TileStatus }) {
  const live = status.state === 'live';
  const counting = !live && status.state !== 'disabled' && status.state !== 'unplayable';
  const now = useNow(counting);
  const since = status.lastFrameAt ? (now - Date.parse(status.lastFrameAt)) / 1000 : null;

  return (
    <div className="tile-plate">
      <span id={nameId} className="tile-name">
        {name}
      </span>
      <span className={`tile-state state-${status.state}`}>
        <span className="state-dot" aria-hidden="true" />
        {STATE_WORD[status.state]}
      </span>
      {live && status.latencySeconds !== null && (
        <span className="tile-fact" title="How far the picture is behind real time">
          {status.latencySeconds.toFixed(1)} s behind
        </span>
      )}
      {status.message && <span className="tile-reason">{status.message}</span>}
      {counting && (
        <span className="tile-fact">
          {since === null ? 'No frame received yet' : `${formatSecondsAgo(since)} since last frame`}
        </span>
      )}
    </div>
  );
}
