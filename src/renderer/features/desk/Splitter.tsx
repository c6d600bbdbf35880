import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

const SPLIT_MIN = 25;
const SPLIT_MAX = 70;
export const SPLIT_DEFAULT = 48;
const STEP = 5;

export const clampSplit = (percent: number): number => Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, Math.round(percent)));

interface SplitterProps {
  /** Width of the camera area, in percent of the desk body. */
  percent: number;
  onChange: (percent: number) => void;
  /** The element whose width the percent is of. */
  container: React.RefObject<HTMLElement | null>;
}

/** The handle between the camera area and the work panel: drag it, or focus it and use the arrows. */
export function Splitter({ percent, onChange, container }: SplitterProps) {
  const dragging = useRef(false);

  function percentAt(clientX: number): number | undefined {
    const rect = container.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return undefined;
    return clampSplit(((clientX - rect.left) / rect.width) * 100);
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    dragging.current = true;
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!dragging.current) return;
    const next = percentAt(e.clientX);
    if (next !== undefined && next !== percent) onChange(next);
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    dragging.current = false;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    let next: number;
    if (e.key === 'ArrowLeft') next = percent - STEP;
    else if (e.key === 'ArrowRight') next = percent + STEP;
    else if (e.key === 'Home') next = SPLIT_MIN;
    else if (e.key === 'End') next = SPLIT_MAX;
    else return;
    e.preventDefault();
    onChange(clampSplit(next));
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize camera area"
      aria-valuenow={percent}
      aria-valuemin={SPLIT_MIN}
      aria-valuemax={SPLIT_MAX}
      aria-valuetext={`Camera area ${percent}% of the width`}
      tabIndex={0}
      className="splitter"
      title="Drag, or use the Left and Right arrow keys, to resize the camera area"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    >
      <span className="splitter-grip" aria-hidden="true" />
    </div>
  );
}
