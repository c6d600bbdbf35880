import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useEvent } from '../../lib/useEvent';
import type { ClosingRun } from '../../../shared/contract';

/**
 * One run, kept current: loaded on mount and again when main says it changed (another
 * console answered). A run only grows (every change appends to its journal), so an
 * answer arriving late never replaces a newer one.
 */
export function useRun(runId: string) {
  const [run, setRun] = useState<ClosingRun | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [version, setVersion] = useState(0);

  const accept = useCallback((next: ClosingRun) => {
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
  useEvent('closing.changed', (p) => {
    if (p.runId === runId) reload();
  });
  return { run, error, accept, reload };
}
