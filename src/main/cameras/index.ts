import type { DeskKernel } from '../kernel';
import type { BranchesService } from '../branches/branches.service';
import { camerasHandlers } from './cameras.handlers';
import { CamerasRepo } from './cameras.repo';
import { CamerasService } from './cameras.service';
import type { SecretStore } from './secrets';
import { CameraSupervision } from './supervision';

export interface CamerasOptions {
  /** Encrypts camera passwords at rest. */
  secrets: SecretStore;
  /** The ffmpeg that remuxes RTSP cameras, or null when there is none. */
  ffmpegPath: string | null;
}

/**
 * The camera registry and its supervision: one supervisor per enabled stream, kept
 * in step with the registry through 'cameras.changed' and 'camera.removed'.
 */
export function createCameras(k: DeskKernel, ports: { branches: BranchesService }, opts: CamerasOptions) {
  // Set by close(): health pushes read staff roles from the database, which is then gone.
  let closing = false;
  const supervision = new CameraSupervision({
    dataDir: k.dataDir,
    ffmpegPath: opts.ffmpegPath,
    onHealth: (h) => {
      if (!closing) k.consoles.broadcast('camera.health', h);
    },
    log: k.log,
  });
  const service = new CamerasService(
    k.db,
    new CamerasRepo(k.db),
    k.journal,
    ports.branches,
    opts.secrets,
    (cameraId) => supervision.health(cameraId),
    k.events,
    k.clock,
  );
  const resync = () => {
    supervision.sync(service.sources());
    k.consoles.broadcast('cameras.changed', {});
  };
  k.events.on('cameras.changed', resync);
  k.events.on('camera.removed', resync);

  return {
    service,
    supervision,
    handlers: camerasHandlers(service, supervision),
    /** Starts supervising every enabled camera (a desk that serves consoles does; a tool on the same data does not). */
    start: () => supervision.sync(service.sources()),
    /** Stops every supervisor; resolves once each ffmpeg has exited. */
    close: () => {
      closing = true;
      return supervision.close();
    },
  };
}

export type { CamerasService } from './cameras.service';
