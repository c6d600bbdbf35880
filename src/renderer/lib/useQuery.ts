import { useCallback, useEffect, useState } from 'react';
import { call, on } from './api';
import type { CallError, Result } from './api';
import type { EventName, InputOf, MethodName, OutputOf } from '../../shared/contract';

export interface QueryOptions {
  /** Push events after which the answer may be out of date: each one loads again. */
  refetchOn?: readonly EventName[];
  /** False holds off loading, keeping the last answer (a search with nothing typed yet). Default true. */
  enabled?: boolean;
  /** Values the answer depends on besides the input (a record's version): a change loads again. */
  deps?: readonly unknown[];
}

export interface Query<T> {
  /** The last answer's value; undefined before the first answer and after a failed one. */
  value: T | undefined;
  /** The last answer's refusal; undefined once an answer succeeds. */
  error: CallError | undefined;
  /** True until the first answer: nothing to show yet. Loading again keeps the last answer and this false. */
  loading: boolean;
  /** Loads again with the same input. */
  reload: () => void;
  /** Replaces the value after a change the caller already has the result of. */
  setValue: (value: T) => void;
}

/**
 * Calls a contract method when mounted, and again when the input (compared by value,
 * so an inline object is not a new input on every render), `deps` or `reload()` ask,
 * or when an event named in `refetchOn` arrives. The last answer stays while the next
 * one loads; an answer for an older input, or one arriving after unmount, is dropped.
 */
export function useQuery<M extends MethodName>(
  method: M,
  input: InputOf<M>,
  options: QueryOptions = {},
): Query<OutputOf<M>> {
  const { refetchOn = [], enabled = true, deps = [] } = options;
  const [result, setResult] = useState<Result<OutputOf<M>> | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const inputKey = JSON.stringify(input);
  const depsKey = JSON.stringify(deps);
  const eventsKey = refetchOn.join(' ');

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    void call(method, JSON.parse(inputKey) as InputOf<M>).then((r) => {
      if (current) setResult(r);
    });
    return () => {
      current = false;
    };
  }, [method, inputKey, depsKey, version, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    if (!eventsKey) return;
    const unsubscribes = (eventsKey.split(' ') as EventName[]).map((event) => on(event, reload));
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [eventsKey, reload]);

  const setValue = useCallback((value: OutputOf<M>) => setResult({ ok: true, value }), []);
  return {
    value: result?.ok ? result.value : undefined,
    error: result && !result.ok ? result.error : undefined,
    loading: result === undefined,
    reload,
    setValue,
  };
}
