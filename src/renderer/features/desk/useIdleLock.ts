import { useEffect, useEffectEvent, useRef } from 'react';
import { call } from '../../lib/api';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const;
/** Main hears "still here" at most this often; it keeps its own idle clock too. */
const REPORT_EVERY_MS = 30_000;
const CHECK_EVERY_MS = 1_000;

/**
 * Locks the console after `idleMinutes` without keyboard or mouse. Timers and
 * Date.now() only, so a test clock can fast-forward it.
 */
export function useIdleLock({
  idleMinutes,
  enabled,
  onLock,
}: {
  idleMinutes: number;
  enabled: boolean;
  onLock: () => Promise<void>;
}): void {
  const lastActivity = useRef(0);
  const lastReport = useRef(0);
  const lock = useEffectEvent(onLock);

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    lastReport.current = Date.now();
    let locking = false;

    function onActivity() {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastReport.current >= REPORT_EVERY_MS) {
        lastReport.current = now;
        void call('auth.activity', {});
      }
    }

    const timer = setInterval(() => {
      if (locking || Date.now() - lastActivity.current < idleMinutes * 60_000) return;
      locking = true;
      // If the lock call fails (main busy, connection back soon) the next tick tries again.
      void lock().finally(() => {
        locking = false;
      });
    }, CHECK_EVERY_MS);

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled, idleMinutes]);
}
