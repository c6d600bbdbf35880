import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { EXIF_GPS, ffmpegJpeg, withSegments } from '../../../test/helpers/jpeg';
import { chunk, encodePng } from '../../../test/helpers/png';
import { tempDir } from '../../../test/helpers/temp-dir';
import { attachmentPath } from './store';
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

const JPEG = ffmpegJpeg(64, 48);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (b: Buffer) => b.toString('base64');

describe('attachments.addImage', () => {
  it('stores a JPEG without its Exif under the SHA-256 of the stored bytes, as a photo row, journaled', async () => {
    const before = (await t.admin.must('journal.verify', {})).entries;
    const sent = withSegments(JPEG, EXIF_GPS);
    const photo = await t.officer.must('attachments.addImage', { dataBase64: b64(sent) });
    expect(photo).toMatchObject({
      kind: 'photo',
      mediaType: 'image/jpeg',
      width: 64,
      height: 48,
      bytes: JPEG.length,
      sha256: sha256(JPEG),
      addedBy: t.ids.officer,
      addedByName: 'Test olu',
      takenAt: null,
    });
    const file = attachmentPath(t.desk.dataDir, photo.sha256, 'jpg');
    const stored = readFileSync(file);
    expect(stored.equals(JPEG)).toBe(true);
    expect(stored.includes('GPSLatitude')).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    expect(await t.admin.must('journal.verify', {})).toEqual({ ok: true, entries: before + 1 });
    const entry = t
      .db()
      .prepare<[string], { kind: string; payload: string }>('SELECT kind, payload FROM journal WHERE record_id = ?')
      .get(photo.id)!;
    expect(entry.kind).toBe('attachment.added');
    expect(JSON.parse(entry.payload)).toMatchObject({ id: photo.id, kind: 'photo', sha256: photo.sha256 });
    expect(entry.payload).not.toContain(b64(JPEG).slice(0, 40));
  });

  it('stores a PNG without its text chunks, with the time staff gave, never a file name', async () => {
    const png = encodePng(20, 10);
    const text = chunk('tEXt', Buffer.from('Comment\0GPS 44.977753 N', 'latin1'));
    const sent = Buffer.concat([png.subarray(0, 33), text, png.subarray(33)]);
    const takenAt = new Date(Date.now() - 3_600_000).toISOString();
    const photo = await t.officer.must('attachments.addImage', { dataBase64: b64(sent), takenAt });
    expect(photo).toMatchObject({ mediaType: 'image/png', width: 20, height: 10, sha256: sha256(png), takenAt });
    expect(readFileSync(attachmentPath(t.desk.dataDir, photo.sha256, 'png')).equals(png)).toBe(true);
    expect(
      await t.officer.call('attachments.addImage', { dataBase64: b64(png), name: 'evidence.png' } as never),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses what is not a sound JPEG or PNG with the reason, and stores nothing', async () => {
    const rows = () => (t.db().prepare('SELECT count(*) AS n FROM attachments').get() as { n: number }).n;
    const before = rows();
    const refused = async (bytes: Buffer) => {
      const r = await t.officer.call('attachments.addImage', { dataBase64: b64(bytes) });
      if (r.ok) throw new Error('accepted');
      expect(r.error.code).toBe('VALIDATION');
      return r.error.message;
    };
    expect(await refused(Buffer.from('just text, named photo.jpg'))).toBe('This file is not a JPEG or PNG image.');
    expect(await refused(Buffer.from('<html><body>hi</body></html>'))).toMatch(/not a JPEG or PNG image/);
    expect(await refused(JPEG.subarray(0, 200))).toMatch(/damaged or cut short/);
    expect(await refused(encodePng(20000, 10, () => [0, 0, 0]))).toMatch(/absurd dimensions/);
    expect(await refused(Buffer.alloc(16 * 1024 * 1024))).toMatch(/too large: at most 15 MB/);
    expect(rows()).toBe(before);
    expect(await t.desk.console().call('attachments.addImage', { dataBase64: b64(JPEG) })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('describes photos by id (audited) and leaves out other ids', async () => {
    const photo = await t.officer.must('attachments.addImage', { dataBase64: b64(JPEG) });
    const found = await t.officer.must('attachments.describe', {
      ids: [photo.id, '01900000-0000-7000-8000-000000000000'],
    });
    expect(found.attachments.map((a) => a.id)).toEqual([photo.id]);
    expect(found.mediaBase).toMatch(/media/);
    const audit = (await t.admin.must('audit.list', { action: 'read', limit: 200 })).entries;
    expect(audit).toContainEqual(expect.objectContaining({ subject: 'attachments', staffId: t.ids.officer }));
  });

  it('goes on a submitted report and into its PDF, the JPEG embedded and its SHA-256 printed', async () => {
    const photo = await t.officer.must('attachments.addImage', { dataBase64: b64(withSegments(JPEG, EXIF_GPS)) });
    const filed = await t.file(t.officer, { attachmentIds: [photo.id] });
    const record = await t.officer.must('incidents.get', { id: filed.id });
    expect(record.attachments).toEqual([
      expect.objectContaining({ id: photo.id, kind: 'photo', mediaType: 'image/jpeg', sha256: photo.sha256 }),
    ]);
    const pdf = await t.officer.must('incidents.exportPdf', { id: filed.id, disclose: forTheFile });
    const file = join(out.path, 'photo.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*\d+\s+\d+\s+image\s+64\s+48\s+rgb\s+3\s+8\s+jpeg/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(photo.sha256);
    expect(text).toMatch(/Photo 1/);
    expect(text).not.toMatch(/GPSLatitude|44\.977753/);
  });
});
