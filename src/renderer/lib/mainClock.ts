import { useEffect, useState } from 'react';
import { on } from './api';

/**
 * Main's clock as the screens read it: the page's clock plus the difference main
 * reported (system.info's `now`, and 'clock.changed' when the web shell's test clock
 * moves). At a real desk the two clocks are the same machine's and the offset ~0.
 */
let offsetMs = 0;
const listeners = new Set<() => void>();

export function setMainTime(iso: string): void {
  offsetMs = Date.parse(iso) - Date.now();
  for (const l of listeners) l();
}

/** Main's time now. */
export const mainNow = (): Date => new Date(Date.now() + offsetMs);

/** Follows 'clock.changed' for the page's life (called once, at start). */
export function followMainClock(): () => void {
  return on('clock.changed', ({ now }) => setMainTime(now));
}

/** Main's time, re-rendering every `everyMs` and at once when the test clock moves. */
export function useMainNow(everyMs = 1_000): Date {
  const [now, setNow] = useState(mainNow);
  useEffect(() => {
    const tick = () => setNow(mainNow());
    listeners.add(tick);
    const timer = setInterval(tick, everyMs);
    return () => {
      listeners.delete(tick);
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
