import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import type { Camera, Draft, Snapshot } from '../../../shared/contract';
import { EMPTY_CONTENT } from './draftContent';

/** How much footage before the button press a camera report points at: what was just seen happening. */
const LOOK_BACK_MS = 2 * 60_000;

/** A new draft from a camera: its branch and zone, its footage from two minutes ago to now, and the snapshot. */
export function startReportFromCamera(camera: Camera, snapshot: Snapshot | null): Promise<Result<Draft>> {
  const now = Date.now();
  return call('incidents.createDraft', {
    content: {
      ...EMPTY_CONTENT,
      branchId: camera.branchId,
      zoneId: camera.zoneId,
      cameras: [
        { cameraId: camera.id, from: new Date(now - LOOK_BACK_MS).toISOString(), to: new Date(now).toISOString() },
      ],
      attachmentIds: snapshot ? [snapshot.id] : [],
    },
  });
}
