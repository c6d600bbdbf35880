import type { Desk } from '../desk';
import { startDemoCameras } from './demo-cameras';
import { seedDemoDuties } from './duties';
import { seedDemoIncidents } from './incidents';
import { seedDemo } from './seed';

/**
 * A training desk (`--demo`): on an empty database, three branches, demo staff and
 * a few weeks of reports, closings and rounds; then synthetic cameras, when there is an
 * ffmpeg to draw them.
 * `ready` resolves once the seed is in; `close` stops the cameras.
 */
export function startTrainingDesk(desk: Desk, opts: { ffmpegPath: string | null; dataDir: string }) {
  const { log } = desk.kernel;
  let closing = false;
  const ready = seedDemo(desk.staff.service, desk.branches.service).then(
    (seeded) => {
      if (!seeded) return;
      seedDemoIncidents({ kernel: desk.kernel, ports: desk.incidentPorts, people: desk.people.service });
      seedDemoDuties({ kernel: desk.kernel, branches: desk.branches.service, staff: desk.staff.service });
    },
    (e: unknown) => log('demo seed failed', e),
  );
  const { ffmpegPath } = opts;
  const cameras = ffmpegPath
    ? ready
        .then(() =>
          closing
            ? null
            : startDemoCameras({
                dataDir: opts.dataDir,
                ffmpegPath,
                branches: desk.branches.service.list(),
                cameras: desk.cameras.service,
                log,
              }),
        )
        .catch((e: unknown) => {
          log('demo cameras failed', e);
          return null;
        })
    : Promise.resolve(null);
  return {
    ready,
    close: async () => {
      closing = true;
      await (await cameras)?.close();
    },
  };
}
