import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useEvent } from '../../lib/useEvent';
import type { ClosingRun } from '../../../shared/contract';

/** A change announced by main is fetched after this pause, so a burst of them is one reload. */
const RELOAD_AFTER_MS = 150;

/**
 * One run, kept current: loaded on mount and again when main says it changed (another
 * console answered). A run only grows (every change appends to its journal), so an
 * answer arriving late never replaces a newer one.
 */
export function useRun(runId: string) {
  const [run, setRun] = useState<ClosingRun | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // The journal length this console has: main's own answer to a change usually arrives with it.
  const known = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const accept = useCallback((next: ClosingRun) => {
    known.current = Math.max(known.current, next.journal.length);
    setRun((prev) => (!prev || next.journal.length >= prev.journal.length ? next : prev));
  }, []);

  useEffect(() => {
    let live = true;
    void call('closing.get', { runId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(undefined);
        accept(r.value);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [runId, version, accept]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Another console's change: reloaded a moment later, unless this console's own answer brought it already.
  useEvent('closing.changed', (p) => {
    if (p.runId !== runId) return;
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      if (p.version === null || p.version > known.current) reload();
    }, RELOAD_AFTER_MS);
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  return { run, error, accept, reload };
}
