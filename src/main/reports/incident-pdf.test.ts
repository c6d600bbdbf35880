import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { encodePng } from '../../../test/helpers/png';
import { tempDir } from '../../../test/helpers/temp-dir';
import { ManualClock } from '../clock';
import { forTheFile } from '../../../test/helpers/disclose';

let t: IncidentDesk;
const out = tempDir();
beforeAll(async () => {
  t = await incidentDesk();
});
afterAll(async () => {
  await t.close();
  out.remove();
});

const HMONG = 'Nkauj Ntxhi Xyooj';
const ACCENTED = 'José Núñez-Ødegård';
const ARABIC = 'فاطمة الزهراء';
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A report that went through everything: snapshot, persons in several scripts, return, amendment, approval. */
async function approvedReport(cameraName: string) {
  const lobby = t.branch.zones[0]!;
  const camera = await t.admin.must('cameras.add', {
    name: cameraName,
    branchId: t.branch.id,
    zoneId: lobby.id,
    kind: 'hls',
    url: 'http://nvr.local/cam1/index.m3u8',
    gridUrl: null,
    username: null,
    password: null,
  });
  const png = encodePng(320, 180, (x, y) => [(x * 3) % 256, (y * 5) % 256, 90]);
  const snapshot = await t.officer.must('snapshots.save', {
    cameraId: camera.id,
    stream: 'main',
    png: png.toString('base64'),
    frameTime: minutesAgo(25),
  });
  const person = (role: 'subject' | 'witness' | 'victim', name: string, clothing: string) => ({
    role,
    personId: null,
    name,
    sex: 'female' as const,
    ageEstimate: '40s',
    height: '',
    build: '',
    hair: 'black',
    clothing,
    marks: '',
  });
  const narrative = [
    'At the lobby doors a patron shouted at a staff member about a fine and pushed a book cart into the wall.',
    ...Array.from(
      { length: 12 },
      (_, i) => `Paragraph ${i + 2}: the desk watched on camera and wrote down what happened.`,
    ),
  ].join('\n\n');
  const filed = await t.file(t.officer, {
    narrative,
    persons: [person('subject', HMONG, 'green coat 🙂'), person('witness', ARABIC, 'blue scarf')],
    police: {
      agency: 'City Police',
      calledAt: minutesAgo(28),
      arrivedAt: minutesAgo(21),
      officerName: 'Ofc. Lindqvist',
      badge: '4471',
      caseNumber: 'CP-26-118',
    },
    cameras: [{ cameraId: camera.id, from: minutesAgo(30), to: minutesAgo(20) }],
    attachmentIds: [snapshot.id],
  });
  await t.supervisor.must('incidents.review', {
    id: filed.id,
    version: 1,
    decision: 'return',
    comment: 'Add the victim.',
  });
  const current = await t.officer.must('incidents.get', { id: filed.id });
  await t.officer.must('incidents.amend', {
    id: filed.id,
    version: 1,
    reason: 'Added the staff member who was pushed',
    content: {
      ...current.content,
      persons: [...current.content.persons, person('victim', ACCENTED, 'library lanyard')],
    },
  });
  await t.supervisor.must('incidents.review', { id: filed.id, version: 2, decision: 'approve', comment: '' });
  return { filed, snapshot, record: await t.supervisor.must('incidents.get', { id: filed.id }) };
}

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('incidents.exportPdf', () => {
  it('prints the whole record, with the snapshot embedded, hashes, history and a footer on every page', async () => {
    const { filed, snapshot, record } = await approvedReport('Lobby entrance');
    const pdf = await t.officer.must('incidents.exportPdf', { id: filed.id, disclose: forTheFile });
    const bytes = Buffer.from(pdf.pdfBase64, 'base64');
    expect(pdf.fileName).toBe(`Incident-${filed.number}.pdf`);
    expect(pdf.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const file = join(out.path, pdf.fileName);
    writeFileSync(file, bytes);

    const text = run('pdftotext', '-layout', file, '-');
    // pdftotext -layout keeps columns apart with spaces; compare with whitespace collapsed.
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      filed.number,
      'Main Library',
      '800 Main St',
      'At the lobby doors a patron shouted at a staff member',
      'Added the staff member who was pushed',
      'Add the victim.',
      snapshot.sha256,
      record.journal.at(-1)!.hash,
      HMONG,
      ACCENTED,
      'CP-26-118',
      '(America/Chicago)',
      'Approved',
    ]) {
      expect(flat).toContain(expected);
    }
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain('Confidential library record');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });

    // One embedded image, the snapshot at its own size; only the shipped fonts, embedded.
    const images = run('pdfimages', '-list', file).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*\d+\s+\d+\s+image\s+320\s+180\s+rgb/);
    // Metadata is read by file browsers and indexers: no patron text in it.
    const info = run('pdfinfo', file);
    expect(info).toMatch(/^Subject:\s+.*Confidential library record/m);
    expect(info).not.toContain(record.content.summary);
    expect(info).not.toContain(HMONG);
    const fonts = run('pdffonts', file);
    expect(fonts).toMatch(/DejaVuSans\s/);
    expect(fonts).toMatch(/DejaVuSans-Bold/);
    expect(fonts).not.toMatch(/Helvetica/);

    const audit = (await t.admin.must('audit.list', { action: 'read', limit: 500 })).entries;
    expect(audit).toContainEqual(
      expect.objectContaining({ subject: 'incident.pdf', recordId: filed.id, staffId: t.ids.officer }),
    );
  });

  it('gives the same bytes for the same record at the same moment', async () => {
    const clock = new ManualClock(Date.now());
    const still = await incidentDesk({ clock });
    try {
      const filed = await still.file(still.officer);
      const [a, b] = [
        await still.officer.must('incidents.exportPdf', { id: filed.id, disclose: forTheFile }),
        await still.officer.must('incidents.exportPdf', { id: filed.id, disclose: forTheFile }),
      ];
      expect(a.sha256).toBe(b.sha256);
      clock.advance(60_000);
      expect((await still.officer.must('incidents.exportPdf', { id: filed.id, disclose: forTheFile })).sha256).not.toBe(
        a.sha256,
      );
    } finally {
      await still.close();
    }
  });

  it('refuses a draft, and reads as get does for anyone else', async () => {
    const draft = await t.officer.must('incidents.createDraft', { content: t.content() });
    expect(await t.officer.call('incidents.exportPdf', { id: draft.id, disclose: forTheFile })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('Submit the report first') },
    });
    // Drafts are private: another officer's draft does not exist for them, as with incidents.getDraft.
    expect(await t.other.call('incidents.exportPdf', { id: draft.id, disclose: forTheFile })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // A filed report is readable by every signed-in role (incidents.get's rule), and by no one signed out.
    const filed = await t.file(t.officer);
    expect(await t.other.call('incidents.get', { id: filed.id })).toMatchObject({ ok: true });
    expect(await t.other.call('incidents.exportPdf', { id: filed.id, disclose: forTheFile })).toMatchObject({
      ok: true,
    });
    expect(await t.desk.console().call('incidents.exportPdf', { id: filed.id, disclose: forTheFile })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
