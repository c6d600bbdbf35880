import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { Journal } from '../db/journal';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';

const WRITER = join(__dirname, '../../../test/helpers/incident-writer.ts');

let t: IncidentDesk;
beforeAll(async () => {
  t = await incidentDesk();
});
afterAll(() => t.close());

function writer(args: object) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err };
}

const base = () => ({ dataDir: t.desk.dataDir, staffId: t.ids.officer, branchId: t.branch.id, ruleId: t.rules[0]!.id });

describe('separate processes on one database', () => {
  it('numbers concurrent submits 1..N with no gap and no duplicate', async () => {
    const PROCESSES = 4;
    const EACH = 15;
    const startAt = Date.now() + 2500; // every process loaded before the first submit
    const writers = Array.from({ length: PROCESSES }, () =>
      writer({ ...base(), mode: 'submit', count: EACH, startAt }),
    );
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect(codes, writers.map((w) => w.err()).join('\n')).toEqual(Array(PROCESSES).fill(0));
    const numbers = writers.flatMap((w) => w.out().trim().split('\n'));
    const seqs = numbers.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: PROCESSES * EACH }, (_, i) => i + 1));
    expect(await t.admin.must('journal.verify', {})).toMatchObject({ ok: true });
  });

  it('leaves a whole record or an intact draft when killed with SIGKILL at any moment', async () => {
    for (let round = 0; round < 5; round++) {
      const w = writer({ ...base(), mode: 'churn' });
      await new Promise<void>((resolve) => w.child.stdout.on('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 400));
      w.child.kill('SIGKILL');
      await w.exited;
    }
    const db = openDatabase(t.desk.dataDir);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(new Journal(db, 'check').verify()).toMatchObject({ ok: true });
      const incidents = db
        .prepare<[], { id: string; n: number }>(
          'SELECT i.id, v.version AS n FROM incidents i JOIN incident_versions v ON v.vid = i.current_version',
        )
        .all();
      expect(incidents.length).toBeGreaterThan(60); // the 60 from the test above, and what the killed writers filed
      for (const i of incidents) {
        const versions = db.prepare('SELECT vid FROM incident_versions WHERE incident_id = ?').all(i.id);
        expect(versions).toHaveLength(i.n);
        for (const { vid } of versions as { vid: number }[]) {
          expect(db.prepare('SELECT count(*) AS c FROM incident_persons WHERE vid = ?').get(vid)).toEqual({ c: 2 });
          expect(db.prepare('SELECT count(*) AS c FROM incident_rules WHERE vid = ?').get(vid)).toEqual({ c: 1 });
        }
        const kinds = db
          .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ? ORDER BY seq')
          .all(i.id)
          .map((j) => j.kind);
        expect(kinds).toEqual(['incident.submitted', ...Array(i.n - 1).fill('incident.amended')]);
        expect(db.prepare('SELECT 1 FROM incident_drafts WHERE id = ?').get(i.id)).toBeUndefined();
      }
      // Whatever was mid-typing is still a readable draft.
      for (const d of db.prepare<[], { content: string }>('SELECT content FROM incident_drafts').all()) {
        expect(() => JSON.parse(d.content) as unknown).not.toThrow();
      }
      // The full-text index holds exactly the current versions.
      const indexed = db
        .prepare("SELECT count(*) AS c FROM incident_fts WHERE incident_fts MATCH 'amended OR marker'")
        .get();
      expect(indexed).toEqual({ c: incidents.length });
    } finally {
      db.close();
    }
  });
});
