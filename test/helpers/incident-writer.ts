/**
 * A separate process writing incidents into a desk's database, for the concurrency
 * and kill -9 tests: `node --import tsx incident-writer.ts <json>`.
 *   mode 'submit': waits until startAt, files `count` reports, prints each number.
 *   mode 'churn':  loops draft → autosave → submit → amend until killed, printing "ready" first.
 */
import { keyFileSecretStore } from '../../src/main/cameras/secrets';
import { systemClock } from '../../src/main/clock';
import { openDatabase } from '../../src/main/db/connection';
import { buildDesk } from '../../src/main/desk';
import { parseContent } from '../../src/main/incidents/incidents.validate';
import { Sessions } from '../../src/main/rpc/sessions';
import { DraftContent } from '../../src/shared/contract/incidents';

interface Args {
  dataDir: string;
  staffId: string;
  branchId: string;
  ruleId: string;
  mode: 'submit' | 'churn';
  count?: number;
  startAt?: number;
}

const args = JSON.parse(process.argv[2]!) as Args;
const db = openDatabase(args.dataDir);
// The whole desk on the same data folder, as a second process would build it; it starts no cameras.
const incidents = buildDesk({
  db,
  dataDir: args.dataDir,
  clock: systemClock,
  log: () => undefined,
  sessions: new Sessions(),
  secrets: keyFileSecretStore(args.dataDir),
  ffmpegPath: null,
}).incidents.service;

const content = (n: number) =>
  DraftContent.parse({
    branchId: args.branchId,
    occurredFrom: new Date(Date.now() - 3_600_000).toISOString(),
    ruleIds: [args.ruleId],
    severity: 1,
    summary: `Writer ${process.pid} report ${n}`,
    narrative: `Marker w${process.pid}n${n} ${'A patron was asked to lower their voice. '.repeat(20)}`,
    actions: 'Reminder.',
    persons: [1, 2].map((i) => ({
      role: 'witness',
      name: `Witness ${i}`,
      sex: 'unknown',
      ageEstimate: '',
      height: '',
      build: '',
      hair: '',
      clothing: '',
      marks: '',
    })),
  });

if (args.mode === 'submit') {
  while (Date.now() < args.startAt!) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  for (let n = 0; n < args.count!; n++) {
    const draft = incidents.createDraft(content(n), args.staffId);
    console.log(incidents.submit(draft.id, args.staffId).number);
  }
} else {
  console.log('ready');
  for (let n = 0; ; n++) {
    const draft = incidents.createDraft(DraftContent.parse({ summary: `typing ${n}` }), args.staffId);
    incidents.saveDraft(draft.id, 1, content(n), args.staffId);
    const { id } = incidents.submit(draft.id, args.staffId);
    const amended = parseContent({ ...content(n), narrative: `Amended w${process.pid}n${n}` }, Date.now());
    incidents.amend(id, 1, 'Correction', amended, args.staffId);
  }
}
db.close();
