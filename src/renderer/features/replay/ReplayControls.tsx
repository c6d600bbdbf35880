import { Button } from '../../components/Button';
import { Unseen } from '../../components/Unseen';
import { lengthWords, SPEEDS, type Speed } from './replay-time';

interface ReplayControlsProps {
  cameraName: string;
  playing: boolean;
  speed: Speed;
  marks: { in: number | null; out: number | null };
  clock: (ms: number) => string;
  busy: boolean;
  ready: boolean;
  onNudge: (seconds: number) => void;
  onPlay: () => void;
  onStep: (direction: 1 | -1) => void;
  onSpeed: (speed: Speed) => void;
  onMark: (which: 'in' | 'out') => void;
  onClearMarks: () => void;
  onAddClip: () => void;
  onBookmark: () => void;
  onSnapshot: () => void;
  onReport: () => void;
  onBackToLive: () => void;
}

/** Replay's buttons, each with its key in its tooltip: moving, speed, the clip, the moment, and back to live. */
export function ReplayControls(p: ReplayControlsProps) {
  const length = p.marks.in !== null && p.marks.out !== null ? p.marks.out - p.marks.in : null;
  return (
    <div className="replay-controls">
      <div className="replay-group" role="group" aria-label="Move">
        <Button small onClick={() => p.onNudge(-10)} disabled={!p.ready} title="Back 10 seconds (←)">
          −10 s<Unseen> back</Unseen>
        </Button>
        <Button small variant="primary" onClick={p.onPlay} disabled={!p.ready} title="Play or pause (Space)">
          {p.playing ? 'Pause' : 'Play'}
        </Button>
        <Button small onClick={() => p.onNudge(10)} disabled={!p.ready} title="Forward 10 seconds (→)">
          +10 s<Unseen> forward</Unseen>
        </Button>
        <Button small onClick={() => p.onStep(-1)} disabled={!p.ready} title="One frame back, paused (,)">
          ◂ Frame<Unseen> back</Unseen>
        </Button>
        <Button small onClick={() => p.onStep(1)} disabled={!p.ready} title="One frame forward, paused (.)">
          Frame ▸<Unseen> forward</Unseen>
        </Button>
      </div>
      <fieldset className="segmented replay-speeds" aria-label="Speed">
        {SPEEDS.map((s) => (
          <label key={s} className="segment" title="Slower ([) or faster (])">
            <input type="radio" name="replay-speed" checked={p.speed === s} onChange={() => p.onSpeed(s)} />
            <span>{s}×</span>
          </label>
        ))}
      </fieldset>
      <div className="replay-group" role="group" aria-label="Clip">
        <Button small onClick={() => p.onMark('in')} disabled={!p.ready} title="The clip starts here (I)">
          Mark in{p.marks.in !== null ? ` ${p.clock(p.marks.in)}` : ''}
        </Button>
        <Button small onClick={() => p.onMark('out')} disabled={!p.ready} title="The clip ends here (O)">
          Mark out{p.marks.out !== null ? ` ${p.clock(p.marks.out)}` : ''}
        </Button>
        {length !== null && length > 0 && <span className="replay-length">{lengthWords(length)}</span>}
        <Button
          small
          variant="primary"
          onClick={p.onAddClip}
          disabled={!p.ready || p.busy || p.marks.in === null}
          title="Cut the clip from in to out and attach it to the report (C)"
        >
          {p.busy ? 'Cutting…' : 'Add clip to report'}
        </Button>
        {(p.marks.in !== null || p.marks.out !== null) && (
          <Button small variant="quiet" onClick={p.onClearMarks}>
            Clear in and out
          </Button>
        )}
      </div>
      <div className="replay-group" role="group" aria-label="This moment">
        <Button small onClick={p.onBookmark} disabled={!p.ready} title="Mark this moment, with an optional note (B)">
          Bookmark<Unseen> this moment of {p.cameraName}</Unseen>
        </Button>
        <Button small onClick={p.onSnapshot} disabled={!p.ready || p.busy} title="Save the picture on screen (S)">
          Snapshot<Unseen> of this moment of {p.cameraName}</Unseen>
        </Button>
        <Button small onClick={p.onReport} disabled={!p.ready || p.busy} title="Start a report from this moment (N)">
          Report<Unseen> incident at this moment</Unseen>
        </Button>
      </div>
      <Button
        small
        variant="primary"
        className="replay-live"
        onClick={p.onBackToLive}
        title="Back to the live picture (L or Esc)"
      >
        Back to live
      </Button>
    </div>
  );
}
