import { useEffect, useEffectEvent } from 'react';
import { on } from './api';
import type { EventName, EventPayload } from '../../shared/contract';

/** Subscribes to a push event for the component's lifetime; the listener may change freely. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => on(event, (payload) => onEvent(payload)), [event]);
}
