import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHlsCamera, type HlsCamera } from '../../../test/fixtures/hls-camera';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { tempDir } from '../../../test/helpers/temp-dir';
import { probe } from '../../../test/helpers/video';
import { waitFor } from '../../../test/helpers/wait';
import { attachmentHashesIn } from '../attachments/attachments.repo';
import { attachmentPath } from '../attachments/store';
import { deskWithAdmin } from '../../../test/helpers/services';
import { forPolice, forTheFile } from '../../../test/helpers/disclose';

/**
 * Clips cut from a real desk's buffer into SHA-256-named attachments, on a report,
 * in its PDF, and exported as evidence a third party checks with sha256sum.
 */

let t: IncidentDesk;
let camera: HlsCamera;
let cameraId: string;
const out = tempDir('vigil-evidence-');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  camera = await startHlsCamera({ label: 'Entrance', size: '320x180', fps: 10 });
  await camera.waitForSegments(2);
  t = await incidentDesk();
  const added = await t.admin.must('cameras.add', {
    name: 'Main - Entrance',
    branchId: t.branch.id,
    zoneId: t.branch.zones[0]!.id,
    kind: 'hls',
    url: camera.url,
    gridUrl: null,
    username: null,
    password: null,
  });
  cameraId = added.id;
  const dir = join(t.desk.dataDir, 'recordings', cameraId);
  await waitFor('eight seconds recorded', () => existsSync(dir) && readdirSync(dir).length >= 8, 25_000);
}, 40_000);
afterAll(async () => {
  await t?.close();
  await camera?.close();
  out.remove();
});

const window = async () => (await t.officer.must('replay.open', { cameraId })).timeline;
/** A clip's poster frame is made just after the clip: waits for main to say it is there. */
const posterMade = (clipId: string) =>
  waitFor(
    'the poster frame',
    () =>
      t.officer.events.some((e) => e.event === 'clip.poster' && (e.payload as { clipId: string }).clipId === clipId),
    10_000,
  );
const at = (iso: string, s: number) => new Date(Date.parse(iso) + s * 1000).toISOString();

describe('clips', () => {
  it('cuts a range into an MP4 named by its SHA-256, with camera, times and who cut it; its poster frame follows', async () => {
    const w = await window();
    const from = at(w.from, 2.5);
    const to = at(w.from, 6);
    const { clip: cut, note, mediaBase } = await t.officer.must('replay.cutClip', { cameraId, from, to });
    // The clip is kept at once; the poster frame (a decode of a full picture) is made after it.
    expect(cut).toMatchObject({ width: 0, height: 0, clip: { posterSha256: null } });
    await posterMade(cut.id);
    const clip = (await t.officer.must('replay.clips', { ids: [cut.id] })).clips[0]!;
    expect(clip).toMatchObject({
      kind: 'clip',
      mediaType: 'video/mp4',
      cameraId,
      cameraName: 'Main - Entrance',
      width: 320,
      height: 180,
      sha256: cut.sha256,
      takenBy: t.ids.officer,
      takenByName: 'Test olu',
      clip: { requestedFrom: from, requestedTo: to, to, timeSource: 'stream', posterSha256: expect.any(String) },
    });
    // The test camera puts a key frame at every second: the clip starts at the one before 2.5 s.
    expect(Date.parse(clip.frameTime!)).toBeLessThanOrEqual(Date.parse(from));
    expect(Date.parse(from) - Date.parse(clip.frameTime!)).toBeLessThan(1_100);
    expect(note).toMatch(/starts 0\.\d s before the in point/);
    const file = attachmentPath(t.desk.dataDir, clip.sha256, 'mp4');
    const bytes = readFileSync(file);
    expect(sha(bytes)).toBe(clip.sha256);
    expect(bytes.length).toBe(clip.bytes);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const p = probe(file);
    expect(Math.abs(p.duration - clip.clip!.durationMs / 1000)).toBeLessThan(0.15);
    const poster = readFileSync(attachmentPath(t.desk.dataDir, clip.clip!.posterSha256!, 'jpg'));
    expect(sha(poster)).toBe(clip.clip!.posterSha256);
    // The start-up sweep of files a crash left without a row keeps the clip and its poster.
    const named = attachmentHashesIn(t.db());
    expect([named.has(clip.sha256), named.has(clip.clip!.posterSha256!)]).toEqual([true, true]);
    const journal = t
      .db()
      .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ?')
      .all(clip.id);
    expect(journal).toEqual([{ kind: 'clip.cut' }, { kind: 'clip.poster' }]);

    // Played through the one media path, in parts as a video element asks: each part answered, the read audited once.
    const path = `${mediaBase.replace(/^media\//, '')}/clips/${clip.sha256}.mp4`;
    const first = await t.desk.services.media(path, 'GET', 'bytes=0-');
    expect(first).toMatchObject({ status: 200, headers: { 'Accept-Ranges': 'bytes', 'Content-Type': 'video/mp4' } });
    const part = await t.desk.services.media(path, 'GET', 'bytes=100-199');
    expect(part).toMatchObject({ status: 206, headers: { 'Content-Range': `bytes 100-199/${clip.bytes}` } });
    expect(Buffer.from(part.body as Buffer).equals(bytes.subarray(100, 200))).toBe(true);
    expect((await t.desk.services.media(path, 'GET', `bytes=${clip.bytes}-`)).status).toBe(416);
    const posterRes = await t.desk.services.media(
      `${mediaBase.replace(/^media\//, '')}/posters/${clip.clip!.posterSha256}.jpg`,
      'GET',
    );
    expect(posterRes.status).toBe(200);
    // The poster by the clip's own hash (how a report shows it before it knows the poster's).
    const byClip = await t.desk.services.media(`${mediaBase.replace(/^media\//, '')}/clips/${clip.sha256}.jpg`, 'GET');
    expect(byClip).toMatchObject({ status: 200, headers: { 'Content-Type': 'image/jpeg' } });
    expect(sha(Buffer.from(byClip.body as Buffer))).toBe(clip.clip!.posterSha256);
    const reads = (await t.admin.must('audit.list', { action: 'read', limit: 100 })).entries.filter(
      (e) => e.subject === 'clip',
    );
    // On no report yet: the read names the file alone.
    expect(reads).toEqual([expect.objectContaining({ recordId: null, detail: `${clip.sha256}.mp4` })]);
  });

  it('explains in words what it refuses, and cuts nothing', async () => {
    const w = await window();
    const files = () =>
      existsSync(join(t.desk.dataDir, 'attachments')) ? readdirSync(join(t.desk.dataDir, 'attachments')) : [];
    const before = files().length;
    const refused = async (from: string, to: string) => {
      const r = await t.officer.call('replay.cutClip', { cameraId, from, to });
      if (r.ok) throw new Error('cut');
      return r.error;
    };
    expect(await refused(at(w.from, 4), at(w.from, 2))).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/^The out point \(\d\d:\d\d:\d\d\) is before the in point \(\d\d:\d\d:\d\d\)/),
      fields: { to: expect.any(String) },
    });
    expect((await refused(at(w.from, -120), w.to)).message).toMatch(
      /^The clip asked for is 2 min \d+ s long, but only \d+ s of Main - Entrance is kept/,
    );
    expect((await refused(at(w.from, -3), at(w.from, 2))).message).toMatch(
      /older than anything kept of Main - Entrance/,
    );
    expect((await refused(at(w.to, 60), at(w.to, 63))).message).toMatch(/after the newest recorded moment/);
    expect(files().length).toBe(before);
  });

  it('goes on a report with the clip listed in its PDF: camera, times, duration, SHA-256 and poster frame', async () => {
    const w = await window();
    const { clip } = await t.officer.must('replay.cutClip', { cameraId, from: at(w.from, 1), to: at(w.from, 4) });
    await posterMade(clip.id);
    const described = await t.officer.must('replay.clips', { ids: [clip.id] });
    expect(described.clips.map((c) => c.id)).toEqual([clip.id]);
    const filed = await t.file(t.officer, {
      attachmentIds: [clip.id],
      cameras: [{ cameraId, from: clip.frameTime!, to: clip.clip!.to }],
    });
    const record = await t.officer.must('incidents.get', { id: filed.id });
    expect(record.attachments).toEqual([expect.objectContaining({ id: clip.id, kind: 'clip' })]);

    // Played from the report on another console: "who has seen this report" lists the view of its clip.
    const media = (await t.other.must('replay.clips', { ids: [clip.id] })).mediaBase.replace(/^media\//, '');
    expect((await t.desk.services.media(`${media}/clips/${clip.sha256}.mp4`, 'GET', 'bytes=0-')).status).toBe(200);
    const seen = await t.admin.must('audit.list', { recordId: filed.id, limit: 100 });
    expect(seen.entries).toContainEqual(
      expect.objectContaining({ staffId: t.ids.other, subject: 'clip', detail: `${clip.sha256}.mp4` }),
    );
    await t.desk.services.media(`${media}/clips/${clip.sha256}.jpg`, 'GET');
    expect((await t.admin.must('audit.list', { recordId: filed.id, limit: 100 })).entries).toContainEqual(
      expect.objectContaining({ staffId: t.ids.other, subject: 'clip poster' }),
    );
    const pdf = await t.officer.must('incidents.exportPdf', { id: filed.id, disclose: forTheFile });
    const file = join(out.path, 'clip.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/VIDEO CLIPS \(1\)/);
    expect(text).toMatch(/Clip 1\s+Main - Entrance/);
    expect(text).toMatch(/Duration\s+\d\.\d s/);
    expect(text).toMatch(/From\s+\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d:\d\d/);
    expect(text.replace(/\s+/g, '')).toContain(clip.sha256);
    expect(text).toMatch(/Cut\s+.* by Test olu/);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/image\s+320\s+180\s+\w+\s+\d\s+8\s+jpeg/);
  });

  it('exports evidence to a new folder a third party checks with sha256sum, with the report’s journal hash, as an audited read with its purpose', async () => {
    const w = await window();
    const { clip } = await t.officer.must('replay.cutClip', { cameraId, from: at(w.from, 2), to: at(w.from, 5) });
    await posterMade(clip.id);
    const snapshot = await t.officer.must('snapshots.save', {
      cameraId,
      stream: 'main',
      png: execFileSync('ffmpeg', [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=64x48',
        '-frames:v',
        '1',
        '-f',
        'image2pipe',
        '-c:v',
        'png',
        'pipe:1',
      ]).toString('base64'),
      frameTime: w.from,
    });
    const filed = await t.file(t.officer, { attachmentIds: [clip.id, snapshot.id] });
    const record = await t.officer.must('incidents.get', { id: filed.id });

    const plan = await t.officer.must('evidence.plan', { incidentId: filed.id });
    expect(plan).toMatchObject({
      canChooseFolder: false,
      files: expect.arrayContaining([expect.objectContaining({ bytes: clip.bytes })]),
    });
    expect(await t.officer.call('evidence.chooseFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });

    const exported = await t.officer.must('evidence.export', {
      incidentId: filed.id,
      disclose: { ...forPolice, purpose: 'Requested by Officer Diaz, case 26-1234' },
      folder: out.path,
    });
    expect(exported.folder.startsWith(out.path)).toBe(true);
    expect(exported.problems).toEqual([]);
    const names = readdirSync(exported.folder).sort();
    expect(names).toEqual(
      [
        'Incident-MAIN-2026-0002.pdf',
        'SHA256SUMS',
        'clip-1.mp4',
        'manifest.json',
        'manifest.txt',
        'snapshot-1.png',
      ].sort(),
    );
    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: exported.folder, encoding: 'utf8' });
    expect(check.trim().split('\n').sort()).toEqual(
      names
        .filter((n) => n !== 'SHA256SUMS')
        .map((n) => `${n}: OK`)
        .sort(),
    );
    expect(sha(readFileSync(join(exported.folder, 'SHA256SUMS')))).toBe(exported.sumsSha256);
    expect(sha(readFileSync(join(exported.folder, 'clip-1.mp4')))).toBe(clip.sha256);
    const manifest = JSON.parse(readFileSync(join(exported.folder, 'manifest.json'), 'utf8')) as {
      report: { number: string; journalHash: string };
      purpose: string;
      files: { name: string; sha256: string; camera: string | null; from: string | null; to: string | null }[];
    };
    expect(manifest.report).toMatchObject({ number: record.number, journalHash: record.journal.at(-1)!.hash });
    expect(manifest.purpose).toBe('Requested by Officer Diaz, case 26-1234');
    expect(readFileSync(join(exported.folder, 'manifest.txt'), 'utf8')).toContain('Given to: Officer Diaz, Madison PD');
    expect(manifest.files.find((f) => f.name === 'clip-1.mp4')).toMatchObject({
      sha256: clip.sha256,
      camera: 'Main - Entrance',
      from: clip.frameTime,
      to: clip.clip!.to,
    });
    const audit = (await t.admin.must('audit.list', { action: 'read', limit: 50 })).entries.find(
      (e) => e.subject === 'evidence.export',
    );
    expect(audit).toMatchObject({
      staffId: t.ids.officer,
      recordId: filed.id,
      detail: expect.stringContaining('for “Requested by Officer Diaz, case 26-1234”'),
      purpose: 'Requested by Officer Diaz, case 26-1234',
    });
    // The export is in the director's disclosure log, with its Disclose step and the SHA256SUMS fingerprint.
    const disclosed = await t.admin.must('audit.disclosures', { recordId: filed.id });
    expect(disclosed.entries[0]).toMatchObject({
      method: 'evidence.export',
      staffId: t.ids.officer,
      basis: 'police-crime-at-library',
      recipient: 'Officer Diaz, Madison PD',
      caseNumber: '26-1234',
      fileName: exported.folder,
      sha256: exported.sumsSha256,
    });

    // A second export the same minute goes to a folder of its own; a tampered clip is left out and said.
    writeFileSync(attachmentPath(t.desk.dataDir, clip.sha256, 'mp4'), 'not the clip');
    const again = await t.officer.must('evidence.export', {
      incidentId: filed.id,
      disclose: { ...forTheFile, purpose: 'Court copy' },
      folder: out.path,
    });
    expect(again.folder).not.toBe(exported.folder);
    expect(again.problems).toEqual([
      expect.stringMatching(/^Video clip 1: its file on this desk no longer matches its recorded SHA-256/),
    ]);
    expect(readdirSync(again.folder)).not.toContain('clip-1.mp4');
  });

  it('refuses a folder it should not write to, and a draft', async () => {
    const filed = await t.file(t.officer);
    const refused = async (folder: string) => {
      const r = await t.officer.call('evidence.export', { incidentId: filed.id, disclose: forPolice, folder });
      if (r.ok) throw new Error('exported');
      return r.error;
    };
    expect(await refused('relative/folder')).toMatchObject({
      code: 'VALIDATION',
      fields: { folder: expect.stringMatching(/full path/) },
    });
    expect((await refused(join(out.path, 'nowhere'))).message).toMatch(/There is no folder at/);
    writeFileSync(join(out.path, 'a-file'), '');
    expect((await refused(join(out.path, 'a-file'))).message).toMatch(/is a file, not a folder/);
    mkdirSync(join(t.desk.dataDir, 'exports'), { recursive: true });
    expect((await refused(join(t.desk.dataDir, 'exports'))).message).toMatch(/outside Vigil’s data folder/);
    expect(
      await t.officer.call('evidence.export', {
        incidentId: filed.id,
        disclose: { ...forPolice, purpose: '  ' },
        folder: out.path,
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: { 'disclose.purpose': 'Purpose is required' } },
    });
    const draft = await t.officer.must('incidents.createDraft', { content: t.content() });
    expect(
      await t.officer.call('evidence.export', { incidentId: draft.id, disclose: forTheFile, folder: out.path }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Submit the report first/) },
    });
  });
});

describe('without ffmpeg', () => {
  it('still records and replays an HLS camera, and says cutting a clip needs ffmpeg', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    let desk;
    try {
      desk = await deskWithAdmin();
    } finally {
      process.env.PATH = path;
    }
    try {
      const { admin } = desk;
      const b = await admin.must('branches.add', { name: 'East', code: 'EAST', address: '', timeZone: 'UTC' });
      const z = await admin.must('zones.add', { branchId: b.id, name: 'Door', kind: 'interior', floor: '' });
      const cam = await admin.must('cameras.add', {
        name: 'East - Door',
        branchId: b.id,
        zoneId: z.zones[0]!.id,
        kind: 'hls',
        url: camera.url,
        gridUrl: null,
        username: null,
        password: null,
      });
      const dir = join(desk.desk.dataDir, 'recordings', cam.id);
      await waitFor('recorded without ffmpeg', () => existsSync(dir) && readdirSync(dir).length >= 3, 15_000);
      const opened = await admin.must('replay.open', { cameraId: cam.id });
      expect((await desk.desk.services.media(opened.playlist.replace(/^media\//, ''), 'GET')).status).toBe(200);
      expect((await admin.must('recording.status', {})).canCut).toBe(false);
      expect(
        await admin.call('replay.cutClip', { cameraId: cam.id, from: opened.timeline.from, to: opened.timeline.to }),
      ).toEqual({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message:
            'Cutting a clip needs ffmpeg, which was not found on this computer. Replay still works; ask an administrator to install ffmpeg.',
        },
      });
    } finally {
      await desk.desk.close();
    }
  }, 30_000);
});
