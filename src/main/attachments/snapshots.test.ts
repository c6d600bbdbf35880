import { existsSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cameraDesk, lobbyCamera } from '../../../test/helpers/cameras';
import { encodePng } from '../../../test/helpers/png';
import type { TestDesk } from '../../../test/helpers/services';
import { attachmentPath } from './store';
import { MAX_PNG_BYTES, pngDimensions } from './png';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

async function setup() {
  const d = await cameraDesk();
  desk = d.desk;
  const cam = await d.admin.must('cameras.add', lobbyCamera(d));
  return { ...d, cam };
}

const FRAME_TIME = '2026-11-28T19:42:07.250Z';

describe('snapshots', () => {
  it('saves a PNG under its SHA-256 name with camera, frame time and who took it, and journals it', async () => {
    const d = await setup();
    const png = encodePng(64, 36);
    const before = (await d.admin.must('journal.verify', {})).entries;
    const shot = await d.admin.must('snapshots.save', {
      cameraId: d.cam.id,
      stream: 'main',
      png: png.toString('base64'),
      frameTime: FRAME_TIME,
    });
    const sha256 = createHash('sha256').update(png).digest('hex');
    expect(shot).toMatchObject({
      cameraId: d.cam.id,
      cameraName: 'Main - Entrance',
      stream: 'main',
      frameTime: FRAME_TIME,
      takenByName: 'Ada Admin',
      sha256,
      width: 64,
      height: 36,
      bytes: png.length,
    });
    const file = attachmentPath(d.desk.dataDir, sha256);
    expect(readFileSync(file).equals(png)).toBe(true);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await d.admin.must('journal.verify', {})).toEqual({ ok: true, entries: before + 1 });
    expect(d.admin.events.some((e) => e.event === 'snapshots.changed')).toBe(true);

    // The same frame again: a second record, one file.
    const again = await d.admin.must('snapshots.save', {
      cameraId: d.cam.id,
      stream: 'main',
      png: `data:image/png;base64,${png.toString('base64')}`,
      frameTime: null,
    });
    expect(again).toMatchObject({ sha256, frameTime: null });
    expect(again.id).not.toBe(shot.id);
    expect(existsSync(file)).toBe(true);
  });

  it('refuses what is not a whole, sensible PNG, with the reason', async () => {
    const d = await setup();
    const save = (png: string) =>
      d.admin.call('snapshots.save', { cameraId: d.cam.id, stream: 'main', png, frameTime: null });
    const reason = async (png: Buffer | string) => {
      const r = await save(typeof png === 'string' ? png : png.toString('base64'));
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { png: expect.any(String) } } });
      return r.ok ? '' : r.error.message;
    };
    const good = encodePng(8, 8);
    expect(await reason(Buffer.from('GIF89a not a png at all'))).toMatch(/not a PNG/);
    expect(await reason('')).toMatch(/empty/);
    expect(await reason('!!!not base64!!!')).toMatch(/base64/);
    expect(await reason(encodePng(9000, 1))).toMatch(/9000 × 1 pixels; at most 8192/);
    const damagedHeader = Buffer.from(good);
    damagedHeader.writeUInt32BE(0, 16);
    expect(await reason(damagedHeader)).toMatch(/checksum/);
    expect(await reason(good.subarray(0, good.length - 5))).toMatch(/cut short/);
    expect(await reason('A'.repeat(12_000_004))).toMatch(/too large/);
    expect(() => pngDimensions(Buffer.alloc(MAX_PNG_BYTES + 1))).toThrow(/10\.0 MB; at most 10 MB/);
    expect(() => pngDimensions(encodePng(0, 4))).toThrow(/no pixels \(0 × 4\)/);
    expect(
      await d.admin.call('snapshots.save', {
        cameraId: d.cam.id,
        stream: 'grid',
        png: good.toString('base64'),
        frameTime: null,
      }),
    ).toMatchObject({ error: { fields: { stream: expect.any(String) } } });
  });

  it('lists this shift’s snapshots newest first, for every role, as one audited read', async () => {
    const d = await setup();
    const officer = await d.officer();
    const first = await officer.must('snapshots.save', {
      cameraId: d.cam.id,
      stream: 'main',
      png: encodePng(4, 4).toString('base64'),
      frameTime: null,
    });
    const second = await d.admin.must('snapshots.save', {
      cameraId: d.cam.id,
      stream: 'main',
      png: encodePng(4, 4, () => [255, 0, 0]).toString('base64'),
      frameTime: null,
    });
    const listed = await officer.must('snapshots.list', {});
    expect(listed.snapshots.map((s) => [s.id, s.takenByName])).toEqual([
      [second.id, 'Ada Admin'],
      [first.id, 'Officer 1'],
    ]);
    expect(listed.mediaBase).toBe(`media/${officer.session.mediaKey}`);
    const reads = await d.admin.must('audit.list', { action: 'read' });
    expect(reads.entries).toEqual([
      expect.objectContaining({
        subject: 'snapshots',
        detail: '2 snapshots of the last 12 hours',
        staffName: 'Officer 1',
      }),
    ]);
  });
});
