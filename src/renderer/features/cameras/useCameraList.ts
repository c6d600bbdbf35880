import { useCallback, useMemo, useState } from 'react';
import { useEvent } from '../../lib/useEvent';
import { useQuery } from '../../lib/useQuery';
import type { CallError } from '../../lib/api';
import type { Camera, StreamHealth } from '../../../shared/contract';
import { newerHealth } from './status';

const healthKey = (h: StreamHealth) => `${h.cameraId}/${h.stream}`;

/** Each camera with the newest health known for its streams, whether it came with the list or as an event. */
function withLatestHealth(cameras: readonly Camera[], pushed: ReadonlyMap<string, StreamHealth>): Camera[] {
  if (pushed.size === 0) return [...cameras];
  return cameras.map((camera) => {
    const health = camera.health.map((h) => newerHealth(h, pushed.get(healthKey(h)) ?? h));
    for (const h of pushed.values()) {
      if (h.cameraId === camera.id && !health.some((known) => known.stream === h.stream)) health.push(h);
    }
    return { ...camera, health };
  });
}

export interface CameraList {
  cameras: Camera[] | undefined;
  mediaBase: string;
  error: CallError | undefined;
  reload: () => void;
}

/** cameras.list kept current: reloaded on 'cameras.changed', health patched in from 'camera.health'. */
export function useCameraList(): CameraList {
  const list = useQuery('cameras.list', {}, { refetchOn: ['cameras.changed'] });
  const [pushed, setPushed] = useState<ReadonlyMap<string, StreamHealth>>(() => new Map());
  const onHealth = useCallback(
    (h: StreamHealth) => setPushed((m) => new Map(m).set(healthKey(h), newerHealth(m.get(healthKey(h)), h))),
    [],
  );
  useEvent('camera.health', onHealth);
  const cameras = useMemo(() => list.value && withLatestHealth(list.value.cameras, pushed), [list.value, pushed]);
  return { cameras, mediaBase: list.value?.mediaBase ?? '', error: list.error, reload: list.reload };
}
