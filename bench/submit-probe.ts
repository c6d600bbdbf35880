import { keyFileSecretStore } from '../src/main/cameras/secrets';
import { systemClock } from '../src/main/clock';
import type { Db } from '../src/main/db/connection';
import { buildDesk } from '../src/main/desk';
import { Sessions } from '../src/main/rpc/sessions';
import { DraftContent } from '../src/shared/contract/incidents';

/**
 * The desk's own work while a long task (a backup, a purge) runs on the cached archive:
 * one report drafted and submitted through the real service, timed from submit. Also
 * returns the desk it built, for the task under test.
 */
export function submitProbe(db: Db, dataDir: string) {
  const staffId = db.prepare<[], { id: string }>("SELECT id FROM staff WHERE role = 'officer' LIMIT 1").get()!.id;
  const branchId = db.prepare<[], { id: string }>('SELECT id FROM branches LIMIT 1').get()!.id;
  const ruleId = db.prepare<[], { id: string }>('SELECT id FROM guideline_rules LIMIT 1').get()!.id;
  const desk = buildDesk({
    db,
    dataDir,
    clock: systemClock,
    log: () => undefined,
    sessions: new Sessions(),
    secrets: keyFileSecretStore(dataDir),
    ffmpegPath: null,
  });
  const content = DraftContent.parse({
    branchId,
    occurredFrom: new Date(Date.now() - 3_600_000).toISOString(),
    ruleIds: [ruleId],
    severity: 2,
    summary: 'Patron shouted at the desk and left when asked',
    narrative: 'A patron shouted at the desk about a fine. '.repeat(30),
    actions: 'Asked the patron to leave for the day.',
    persons: [{ role: 'subject', name: 'unknown', sex: 'male', clothing: 'red parka' }],
  });
  const incidents = desk.incidents.service;
  const submitOnce = () => {
    const draft = incidents.createDraft(content, staffId);
    const t0 = performance.now();
    incidents.submit(draft.id, staffId);
    return performance.now() - t0;
  };
  /** The idle baseline: n submits, 20 ms apart. */
  const idle = async (n = 200) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      samples.push(submitOnce());
      await new Promise((r) => setTimeout(r, 20));
    }
    return samples;
  };
  return { desk, staffId, submitOnce, idle };
}
