import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { CallError, Result } from './api';
import { useEvent } from './useEvent';
import type { EventName, EventPayload } from '../../shared/contract';

/** A change announced by main is fetched after this pause, so a burst of them is one reload. */
const RELOAD_AFTER_MS = 150;

/**
 * One record that only grows (every change appends to its journal: a closing run, a
 * round), kept current: loaded on mount and again when main says it changed (another
 * console answered). An answer arriving late never replaces a newer one.
 *
 * `changedVersion` reads main's event: undefined when it is about another record,
 * else the journal length main has now (null: unknown, so reload).
 */
export function useGrowingRecord<T extends { journal: readonly unknown[] }, E extends EventName>(
  id: string,
  load: (id: string) => Promise<Result<T>>,
  event: E,
  changedVersion: (payload: EventPayload<E>) => number | null | undefined,
) {
  const [record, setRecord] = useState<T | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // The journal length this console has: main's own answer to a change usually arrives with it.
  const known = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const loadNow = useEffectEvent(load);

  const accept = useCallback((next: T) => {
    known.current = Math.max(known.current, next.journal.length);
    setRecord((prev) => (!prev || next.journal.length >= prev.journal.length ? next : prev));
  }, []);

  useEffect(() => {
    let live = true;
    void loadNow(id).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(undefined);
        accept(r.value);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [id, version, accept]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Another console's change: reloaded a moment later, unless this console's own answer brought it already.
  useEvent(event, (p) => {
    const v = changedVersion(p);
    if (v === undefined) return;
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      if (v === null || v > known.current) reload();
    }, RELOAD_AFTER_MS);
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  return { record, error, accept, reload };
}
