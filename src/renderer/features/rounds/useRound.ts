import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../lib/api';
import type { CallError } from '../../lib/api';
import { useEvent } from '../../lib/useEvent';
import type { Round } from '../../../shared/contract';

/** A change announced by main is fetched after this pause, so a burst of them is one reload. */
const RELOAD_AFTER_MS = 150;

/**
 * One round, kept current: loaded on mount and when main says it changed. A round
 * only grows (each change appends to its journal), so a late answer never replaces
 * a newer one.
 */
export function useRound(roundId: string) {
  const [round, setRound] = useState<Round | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [version, setVersion] = useState(0);
  // The journal length this console has: main's own answer to a change usually arrives with it.
  const known = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const accept = useCallback((next: Round) => {
    known.current = Math.max(known.current, next.journal.length);
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
  // Another console's change: reloaded a moment later, unless this console's own answer brought it already.
  useEvent('rounds.changed', (p) => {
    if (p.roundId !== roundId) return;
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      if (p.version === null || p.version > known.current) reload();
    }, RELOAD_AFTER_MS);
  });
  useEffect(() => () => clearTimeout(pending.current), []);
  return { round, error, accept, reload };
}
