import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyFileSecretStore } from '../cameras/secrets';
import { openDatabase } from '../db/connection';
import { buildDesk } from '../desk';
import { Sessions } from '../rpc/sessions';
import { tempDir } from '../../../test/helpers/temp-dir';
import { ManualClock } from '../clock';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { encodePng } from '../../../test/helpers/png';
import type { TestConsole } from '../../../test/helpers/services';

/**
 * Retention, end to end through the services on a real SQLite file: a purge removes
 * what is past its time for real (rows, the full-text index, files, journal payloads,
 * audit details that named it), keeps what a legal hold or a kept record needs, and
 * leaves the journal verifying. Then every byte of the data folder (database, WAL,
 * attachments) is searched for the purged person's name and picture's hash.
 */
const YEAR = 365 * 86_400_000;
const NAME = 'Zebulon Quartermaine';
const HELD_NAME = 'Philippa Heldsworth';

let clock: ManualClock;
let t: IncidentDesk;
beforeEach(async () => {
  clock = new ManualClock(Date.parse('2022-03-01T18:00:00Z'));
  t = await incidentDesk({ clock });
});
afterEach(async () => {
  await t.close();
});

/** Moves main's clock; the consoles count as just used, so none is locked for being idle. */
function advance(ms: number) {
  clock.advance(ms);
  for (const c of [t.admin, t.officer, t.other, t.supervisor]) c.session.lastActivity = clock.ms();
}

async function personWithPhoto(c: TestConsole, name: string, seed: number) {
  const person = await c.must('persons.add', {
    name,
    sex: 'male',
    ageEstimate: '30s',
    height: '',
    build: '',
    hair: '',
    marks: '',
  });
  const png = encodePng(16, 16, (x, y) => [(x * seed) % 256, (y * 7 + seed) % 256, seed % 256]);
  const photo = await c.must('attachments.addImage', { dataBase64: png.toString('base64') });
  await c.must('persons.addPhoto', { personId: person.id, attachmentId: photo.id });
  return { person, photo };
}

const subject = (personId: string, name: string) => ({
  role: 'subject' as const,
  personId,
  name,
  sex: 'male' as const,
  ageEstimate: '30s',
  height: '',
  build: '',
  hair: '',
  clothing: 'green coat',
  marks: '',
});

/** Every file under the folder, recursively, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, bytes: readFileSync(path) }];
  });
}

function foundIn(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  for (const f of filesUnder(dir)) {
    for (const n of needles) {
      // UTF-8 and UTF-16 (SQLite may keep text either way), and the name's case as typed.
      for (const enc of ['utf8', 'utf16le'] as const) {
        if (f.bytes.includes(Buffer.from(n, enc))) hits.push(`${n} in ${f.path} (${enc})`);
      }
    }
  }
  return hits;
}

describe('retention purge', () => {
  it('removes what is past its time for real, keeps what a hold keeps, and the journal still verifies', async () => {
    const { admin, officer, supervisor } = t;
    const gone = await personWithPhoto(officer, NAME, 3);
    const kept = await personWithPhoto(officer, HELD_NAME, 5);
    const at = clock.now();
    const occurred = { occurredFrom: new Date(at.getTime() - 30 * 60_000).toISOString(), occurredTo: null };
    const old = await t.file(officer, {
      ...occurred,
      summary: 'Shouting in the lobby',
      narrative: `${NAME} shouted at staff and left when asked.`,
      persons: [subject(gone.person.id, NAME)],
    });
    const heldIncident = await t.file(officer, {
      ...occurred,
      summary: 'Damage to a study room door',
      narrative: `${HELD_NAME} kicked the door of study room 2.`,
      persons: [subject(kept.person.id, HELD_NAME)],
    });
    // Reads that leave the name in the audit log: opening the record and searching for it,
    // and an export whose Disclose step names the person.
    await officer.must('persons.get', { id: gone.person.id });
    await officer.must('persons.search', { text: NAME });
    await officer.must('incidents.exportPdf', {
      id: old.id,
      disclose: {
        basis: 'written-consent',
        recipient: `${NAME}, in person`,
        purpose: `${NAME} asked for a copy of the report about him`,
      },
    });

    const hold = await supervisor.must('retention.setHold', {
      kind: 'incident',
      recordId: heldIncident.id,
      reason: 'police',
      note: 'Officer Diaz asked for the report and video',
      caseNumber: '22-004417',
    });
    expect(hold.label).toBe(`Incident ${heldIncident.number}`);
    // A second hold on the same record is refused, naming why.
    const again = await supervisor.call('retention.setHold', {
      kind: 'incident',
      recordId: heldIncident.id,
      reason: 'litigation',
      note: '',
      caseNumber: '',
    });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/already under a legal hold/);
    // Officers cannot set holds; main refuses.
    const byOfficer = await officer.call('retention.setHold', {
      kind: 'person',
      recordId: gone.person.id,
      reason: 'police',
      note: '',
      caseNumber: '',
    });
    expect(byOfficer.ok).toBe(false);
    if (!byOfficer.ok) expect(byOfficer.error.code).toBe('FORBIDDEN');

    advance(4 * YEAR);
    // The audit log outlives the records it is about here, so its details must be blanked, not aged out.
    const settings = (await admin.must('retention.status', {})).settings;
    await admin.must('retention.saveSettings', { ...settings, days: { ...settings.days, audit: 10 * 365 } });

    const preview = await admin.must('retention.preview', {});
    const count = (kind: string) => preview.counts.find((c) => c.kind === kind)!;
    expect(count('incidents')).toMatchObject({ count: 1, held: 1 });
    expect(count('persons').count).toBe(1);
    expect(preview.files).toBeGreaterThanOrEqual(1);
    // A preview changes nothing.
    expect((await admin.must('persons.get', { id: gone.person.id })).person.name).toBe(NAME);

    const refused = await admin.call('retention.purgeNow', { confirm: 'purge' as 'PURGE' });
    expect(refused.ok).toBe(false);
    const run = await admin.must('retention.purgeNow', { confirm: 'PURGE' });
    expect(run.counts.find((c) => c.kind === 'incidents')).toMatchObject({ count: 1, held: 1 });
    expect(run.counts.find((c) => c.kind === 'persons')?.count).toBe(1);
    expect(run.byName).toBe('Ada Admin');

    // Gone from the desk: the person, the report, its words in the index.
    expect((await admin.call('persons.get', { id: gone.person.id })).ok).toBe(false);
    expect((await admin.call('incidents.get', { id: old.id })).ok).toBe(false);
    expect((await admin.must('incidents.search', { text: 'Quartermaine' })).items).toEqual([]);
    expect((await admin.must('incidents.search', { text: 'shouted' })).items).toEqual([]);
    // Kept: the held report, and the person it names (a kept record names them).
    expect((await admin.must('incidents.get', { id: heldIncident.id })).number).toBe(heldIncident.number);
    expect((await admin.must('persons.get', { id: kept.person.id })).person.name).toBe(HELD_NAME);
    expect((await admin.must('incidents.search', { text: 'kicked' })).items.map((i) => i.id)).toEqual([
      heldIncident.id,
    ]);
    expect((await admin.must('retention.holdOf', { kind: 'incident', recordId: heldIncident.id }))?.id).toBe(hold.id);

    // The journal still verifies: payloads erased, hashes kept.
    expect(await admin.must('journal.verify', {})).toMatchObject({ ok: true });
    const raw = t.db();
    const journalOfGone = raw
      .prepare<[string], { payload: string | null }>('SELECT payload FROM journal WHERE record_id = ?')
      .all(gone.person.id);
    expect(journalOfGone.length).toBeGreaterThan(0);
    expect(journalOfGone.every((e) => e.payload === null)).toBe(true);
    // The audit log still says who read the record and when, without naming it.
    const reads = raw
      .prepare<[string], { detail: string }>('SELECT detail FROM audit WHERE record_id = ?')
      .all(gone.person.id);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.detail === '(record purged)')).toBe(true);
    // The purge itself is in the journal, with counts and no content.
    const purged = raw
      .prepare<[], { payload: string }>("SELECT payload FROM journal WHERE kind = 'retention.purged'")
      .all();
    expect(purged).toHaveLength(1);
    expect(purged[0]!.payload).not.toContain(NAME);
    expect(await admin.must('retention.runs', {})).toHaveLength(1);

    // Not in any file of the data folder: the database, its WAL, the attachments.
    raw.close();
    // 'quartermaine': the full-text index keeps words folded to lower case.
    expect(foundIn(t.desk.dataDir, [NAME, 'Quartermaine', 'quartermaine', gone.photo.sha256])).toEqual([]);
    // …while the kept person's name and picture are (so the search above can find things).
    expect(foundIn(t.desk.dataDir, [HELD_NAME, kept.photo.sha256]).length).toBeGreaterThan(0);

    // Released, the hold stops keeping the report: the next purge removes it.
    await supervisor.must('retention.releaseHold', { id: hold.id, note: 'Case closed by the police' });
    const second = await admin.must('retention.purgeNow', { confirm: 'PURGE' });
    expect(second.counts.find((c) => c.kind === 'incidents')).toMatchObject({ count: 1, held: 0 });
    expect(await admin.must('journal.verify', {})).toMatchObject({ ok: true });
  });

  it('keeps records inside their time, and refuses settings that would purge everything', async () => {
    const { admin, officer } = t;
    await personWithPhoto(officer, NAME, 9);
    await t.file(officer, {
      summary: 'Recent trouble',
      occurredFrom: new Date(clock.ms() - 30 * 60_000).toISOString(),
      occurredTo: null,
    });
    advance(10 * 86_400_000);
    const run = await admin.must('retention.purgeNow', { confirm: 'PURGE' });
    expect(run.counts.filter((c) => c.count > 0).map((c) => c.kind)).toEqual([]);
    const status = await admin.must('retention.status', {});
    const bad = await admin.call('retention.saveSettings', {
      ...status.settings,
      days: { ...status.settings.days, incidents: 0 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/at least 30 days/i);
    const saved = await admin.must('retention.saveSettings', {
      ...status.settings,
      days: { ...status.settings.days, looseMedia: 7 },
    });
    expect(saved.settings.days.looseMedia).toBe(7);
  });
});

describe('the daily purge', () => {
  it('waits for its first slot on a new desk, runs once at its time, and catches up a missed day', async () => {
    const dir = tempDir();
    const db = openDatabase(dir.path);
    const at = (local: string) => new Date(local).getTime();
    const c = new ManualClock(at('2026-03-02T10:00:00'));
    try {
      const desk = buildDesk({
        db,
        dataDir: dir.path,
        clock: c,
        log: () => {},
        sessions: new Sessions(c),
        secrets: keyFileSecretStore(dir.path),
        ffmpegPath: null,
      });
      const r = desk.retention.service;
      // A new desk: the next 03:30 (this machine's time), not at once.
      expect(new Date(r.status().nextAt!).getTime()).toBe(at('2026-03-03T03:30:00'));
      r.tick();
      expect(r.runs()).toHaveLength(0);
      c.set(at('2026-03-03T03:31:00'));
      r.tick();
      await vi.waitFor(() => expect(r.runs()).toHaveLength(1));
      expect(r.runs()[0]!.trigger).toBe('schedule');
      r.tick();
      expect(r.runs()).toHaveLength(1);
      expect(new Date(r.status().nextAt!).getTime()).toBe(at('2026-03-04T03:30:00'));
      // Off for two days: at the next start the missed purge runs at once.
      c.set(at('2026-03-06T09:00:00'));
      expect(new Date(r.status().nextAt!).getTime()).toBe(at('2026-03-06T03:30:00'));
      r.tick();
      await vi.waitFor(() => expect(r.runs()).toHaveLength(2));
    } finally {
      db.close();
      dir.remove();
    }
  });
});

describe('a purge beside a running desk', () => {
  it('runs from a terminal while the desk files reports: both land, the index stays consistent', async () => {
    const { officer } = t;
    // Three reports of four years ago (this desk's clock), each naming its own word.
    const old = new Date(clock.ms() - 30 * 60_000).toISOString();
    for (const word of ['alpha', 'bravo', 'charlie']) {
      await t.file(officer, { occurredFrom: old, occurredTo: null, summary: `Old ${word} report` });
    }
    // The desk moves to today; the terminal's purge runs on the real clock: 2022 is past three years.
    advance(Date.now() - clock.ms());
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'purge', '--data', t.desk.dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    let done = false;
    void exited.then(() => (done = true));
    const filed: string[] = [];
    for (let i = 0; !done && i < 400; i++) {
      const r = await t.file(officer, {
        occurredFrom: new Date(clock.ms() - 60_000).toISOString(),
        occurredTo: null,
        summary: `New report ${i} filed during the purge`,
      });
      filed.push(r.id);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await exited).toBe(0);
    expect(out, out).toMatch(/incidents: 3 \(oldest/);
    // Every report filed during the purge is there and found by its words.
    const found = await t.admin.must('incidents.search', { text: 'during purge', limit: 200 });
    expect(found.items.length).toBe(Math.min(filed.length, 200));
    expect((await t.admin.must('incidents.search', { text: 'bravo' })).items).toEqual([]);
    const raw = t.db();
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // FTS5's own check of the index against the reports' text.
    expect(() => raw.prepare("INSERT INTO incident_fts (incident_fts) VALUES ('integrity-check')").run()).not.toThrow();
    expect(await t.admin.must('journal.verify', {})).toMatchObject({ ok: true });
  }, 120_000);
});
