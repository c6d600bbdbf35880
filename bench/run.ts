import { benchBans } from './bans';
import { benchCalls } from './calls';
import { benchCameraCycles } from './camera-cycles';
import { benchClosing } from './closing';
import { benchFoundation } from './foundation';
import { benchIncidents } from './incidents';
import { benchIncidentsOpen } from './incidents-open';
import { benchReplay } from './replay';
import { benchRetention } from './retention';
import { benchBackup, benchJournal } from './maintenance';
import { benchWall } from './wall';

/** `npm run bench`: every benchmark, each printing its figures beside a same-run baseline. */
const benches: Record<string, () => Promise<void>> = {
  foundation: benchFoundation,
  wall: benchWall,
  'camera-cycles': benchCameraCycles,
  incidents: benchIncidents,
  'incidents-open': benchIncidentsOpen,
  bans: benchBans,
  calls: benchCalls,
  closing: benchClosing,
  replay: benchReplay,
  'maintenance-journal': benchJournal,
  'maintenance-backup': benchBackup,
  retention: benchRetention,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
