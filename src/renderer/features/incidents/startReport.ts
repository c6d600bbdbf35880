import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import { mainNow } from '../../lib/mainClock';
import type { Camera, Draft, Snapshot } from '../../../shared/contract';
import { EMPTY_CONTENT } from './draftContent';

/** How much footage before the moment a camera report points at: what was just seen happening. */
const LOOK_BACK_MS = 2 * 60_000;

/**
 * A new draft from a camera: its branch and zone, Started at the moment of the picture
 * (the snapshot's frame, a bookmark's or replay's moment, else now), the footage
 * around it, and the snapshot attached. The officer types only what happened.
 */
export function startReportFromCamera(
  camera: Camera,
  snapshot: Snapshot | null,
  moment?: string,
): Promise<Result<Draft>> {
  const now = mainNow().getTime();
  const at = Date.parse(moment ?? snapshot?.frameTime ?? snapshot?.takenAt ?? new Date(now).toISOString());
  return call('incidents.createDraft', {
    content: {
      ...EMPTY_CONTENT,
      branchId: camera.branchId,
      zoneId: camera.zoneId,
      occurredFrom: new Date(at).toISOString(),
      cameras: [
        {
          cameraId: camera.id,
          from: new Date(at - LOOK_BACK_MS).toISOString(),
          to: new Date(Math.min(now, at + LOOK_BACK_MS)).toISOString(),
        },
      ],
      attachmentIds: snapshot ? [snapshot.id] : [],
    },
  });
}
