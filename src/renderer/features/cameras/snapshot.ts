import { call } from '../../lib/api';
import type { Result } from '../../lib/api';
import type { Camera, Snapshot, StreamName } from '../../../shared/contract';

/** The frame on screen as PNG base64, at the video's own size (not the tile's). */
function captureFrame(video: HTMLVideoElement): string | null {
  const { videoWidth: width, videoHeight: height } = video;
  if (width === 0 || height === 0) return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(video, 0, 0, width, height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

export async function saveSnapshot(
  camera: Camera,
  stream: StreamName,
  video: HTMLVideoElement | null,
  frameTime: string | null,
): Promise<Result<Snapshot>> {
  const png = video ? captureFrame(video) : null;
  if (!png) {
    return {
      ok: false,
      error: { code: 'UNAVAILABLE', message: `There is no picture from ${camera.name} to save yet.` },
    };
  }
  return call('snapshots.save', { cameraId: camera.id, stream, png, frameTime });
}
