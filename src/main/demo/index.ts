import type { Desk } from '../desk';
import { seedDemoCalls } from './calls';
import { startDemoCameras } from './demo-cameras';
import { seedDemoBans } from './bans';
import { seedDemoDuties } from './duties';
import { seedDemoIncidents } from './incidents';
import { seedDemoShift } from './shift';
import { seedDemo } from './seed';
import { seedDemoRetention } from './retention';

/**
 * A training desk (`--demo`): on an empty database, three branches, demo staff, a few
 * weeks of reports, persons and bans, staff calls, closings and rounds, the branches'
 * evacuation plans and one past drill, three weeks of shifts with their logs and referrals; then synthetic cameras, when there is an ffmpeg
 * to draw them. `ready` resolves once the seed is in; `close` stops the cameras.
 */
export function startTrainingDesk(desk: Desk, opts: { ffmpegPath: string | null; dataDir: string }) {
  const { log } = desk.kernel;
  let closing = false;
  const ready = seedDemo(desk.staff.service, desk.branches.service).then(
    (seeded) => {
      if (!seeded) return;
      seedDemoIncidents({ kernel: desk.kernel, ports: desk.incidentPorts, people: desk.people.service });
      seedDemoBans({
        kernel: desk.kernel,
        incidentPorts: desk.incidentPorts,
        banPorts: desk.banPorts,
        people: desk.people.service,
        attachments: desk.attachments.service,
        staff: desk.staff.service,
      });
      seedDemoCalls({
        kernel: desk.kernel,
        calls: { branches: desk.branches.service, staff: desk.staff.service, incidents: desk.incidents.service },
        evacuation: { branches: desk.branches.service, staff: desk.staff.service },
      });
      seedDemoDuties({ kernel: desk.kernel, branches: desk.branches.service, staff: desk.staff.service });
      seedDemoShift({ kernel: desk.kernel, shifts: desk.shiftDeps, staff: desk.staff.service });
      seedDemoRetention({
        retention: desk.retention.service,
        incidents: desk.incidents.purge,
        staff: desk.staff.service,
        now: desk.kernel.clock.now(),
      });
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
