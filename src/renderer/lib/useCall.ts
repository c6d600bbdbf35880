import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { call, on } from './api';
import type { CallError, Result } from './api';
import type { EventName, EventPayload, InputOf, MethodName, OutputOf } from '../../shared/contract';

/** Methods that take no input: the ones a screen loads on its own. */
type NoInputMethod = { [M in MethodName]: Record<string, never> extends InputOf<M> ? M : never }[MethodName];

export interface Loaded<T> {
  value: T | undefined;
  error: CallError | undefined;
  loading: boolean;
  reload: () => void;
  /** Replace the value after a change the caller already has the result of. */
  setValue: (value: T) => void;
}

/** Loads a no-input method when mounted and on reload(); keeps the last value while reloading. */
export function useMethod<M extends NoInputMethod>(method: M): Loaded<OutputOf<M>> {
  const [result, setResult] = useState<Result<OutputOf<M>> | undefined>(undefined);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call(method, {} as InputOf<M>).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [method, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const setValue = useCallback((value: OutputOf<M>) => setResult({ ok: true, value }), []);
  return {
    value: result?.ok ? result.value : undefined,
    error: result && !result.ok ? result.error : undefined,
    loading: result === undefined,
    reload,
    setValue,
  };
}

/** Subscribes to a push event for the component's lifetime; the listener may change freely. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => on(event, (payload) => onEvent(payload)), [event]);
}
