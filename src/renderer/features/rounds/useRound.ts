import { useCallback, useEffect, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useEvent } from '../../lib/useEvent';
import type { Round } from '../../../shared/contract';

/**
 * One round, kept current: loaded on mount and when main says it changed. A round
 * only grows (each change appends to its journal), so a late answer never replaces
 * a newer one.
 */
export function useRound(roundId: string) {
  const [round, setRound] = useState<Round | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [version, setVersion] = useState(0);

  const accept = useCallback((next: Round) => {
    setRound((prev) => (!prev || next.journal.length >= prev.journal.length ? next : prev));
  }, []);

  useEffect(() => {
    let live = true;
    void call('rounds.get', { roundId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(undefined);
        accept(r.value);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [roundId, version, accept]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  useEvent('rounds.changed', (p) => {
    if (p.roundId === roundId) reload();
  });
  return { round, error, accept, reload };
}
