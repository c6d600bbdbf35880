import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHlsCamera, type HlsCamera } from '../../../test/fixtures/hls-camera';
import { tempDir } from '../../../test/helpers/temp-dir';
import { waitFor } from '../../../test/helpers/wait';
import type { AuditEvent } from '../audit/audit.service';
import { RefusalAggregator } from '../audit/refusals';
import { uuidv7 } from '../ids';
import { Sessions, type Session } from '../rpc/sessions';
import { attachmentPath } from '../attachments/store';
import { createMediaHandler, type MediaHandler } from './media';
import { CameraSupervision } from './supervision';

const NVR = { username: 'nvr-admin', password: 'S3cret!pass' };
const dir = tempDir('vigil-media-');
const cameraId = uuidv7();
let camera: HlsCamera;
let supervision: CameraSupervision;
let sessions: Sessions;
let media: MediaHandler;
let audited: AuditEvent[];
let refusals: RefusalAggregator;
let active: Set<string>;

const signedIn = (staffId = uuidv7()): Session => {
  const s = sessions.open(() => {});
  s.staffId = staffId;
  active.add(staffId);
  return s;
};
const text = (body: unknown) => (Buffer.isBuffer(body) ? body.toString('utf8') : String(body));

beforeAll(async () => {
  camera = await startHlsCamera({ auth: NVR, size: '160x90', fps: 5 });
  supervision = new CameraSupervision({ dataDir: dir.path, ffmpegPath: null, onHealth: () => {}, log: () => {} });
  supervision.sync([{ cameraId, stream: 'main', kind: 'hls', url: camera.url, ...NVR }]);
  await waitFor('live', () => supervision.health(cameraId)[0]?.state === 'live');
});
afterAll(async () => {
  await supervision.close();
  await camera.close();
  dir.remove();
});
beforeEach(() => {
  sessions = new Sessions();
  audited = [];
  refusals = new RefusalAggregator((e) => audited.push(e), Date.now);
  active = new Set();
  media = createMediaHandler({
    sessions,
    roleOf: (id) => (active.has(id) ? 'officer' : null),
    supervision,
    dataDir: dir.path,
    audit: {
      record: (e) => audited.push(e),
      refused: (r) => refusals.refuse(r),
    },
    attachmentPath,
  });
});

describe('media handler: keys', () => {
  const path = (key: string) => `${key}/${cameraId}/main/index.m3u8`;

  it('serves a signed-in, unlocked console', async () => {
    const res = await media(path(signedIn().mediaKey), 'GET');
    expect(res.status).toBe(200);
  });

  it('refuses no key, a made-up key, a signed-out, a locked and a deactivated console with 403', async () => {
    const signedOut = signedIn();
    signedOut.staffId = null;
    const locked = signedIn();
    locked.locked = true;
    const deactivated = signedIn();
    active.delete(deactivated.staffId!);
    const anonymous = sessions.open(() => {});
    for (const p of [
      '',
      `/${cameraId}/main/index.m3u8`,
      path('A'.repeat(32)),
      path('../../etc'),
      path(signedOut.mediaKey),
      path(locked.mediaKey),
      path(deactivated.mediaKey),
      path(anonymous.mediaKey),
    ]) {
      expect((await media(p, 'GET')).status, p).toBe(403);
    }
    expect(audited.every((e) => e.action === 'refused' && e.subject === 'media')).toBe(true);
    expect(JSON.stringify(audited)).not.toContain(locked.mediaKey);
  });

  it('audits a flood of refusals as one entry and one count per minute', async () => {
    for (let i = 0; i < 20; i++) await media(path(String.fromCharCode(65 + i).repeat(32)), 'GET');
    expect(audited).toHaveLength(1);
    refusals.flush();
    expect(audited).toHaveLength(2);
    expect(audited[1]).toMatchObject({ action: 'refused', subject: 'media', count: 19 });
  });

  it('audits live video once per console and camera per 10 minutes, not per request', async () => {
    const s = signedIn();
    for (let i = 0; i < 5; i++) await media(path(s.mediaKey), 'GET');
    expect(audited).toEqual([
      { staffId: s.staffId, action: 'read', subject: 'camera', recordId: cameraId, detail: 'live video (main)' },
    ]);
  });
});

describe('media handler: proxied NVR playlists', () => {
  it('rewrites every segment to a local name: no upstream host, no credentials, program date time kept', async () => {
    const key = signedIn().mediaKey;
    const res = await media(`${key}/${cameraId}/main/index.m3u8`, 'GET');
    expect(res.headers).toMatchObject({ 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-store' });
    const body = text(res.body);
    expect(body).toContain('#EXT-X-PROGRAM-DATE-TIME:');
    expect(body).not.toMatch(/127\.0\.0\.1|http|nvr-admin|S3cret|seg\d/);
    const names = body.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^s\d+\.ts$/);

    // The local name fetches the very bytes the camera serves under its own name.
    const local = names.at(-1)!;
    const segment = await media(`${key}/${cameraId}/main/${local}`, 'GET');
    expect(segment.status).toBe(200);
    expect(segment.headers['Content-Type']).toBe('video/mp2t');
    const upstreamName = `seg${local.slice(1, -3)}.ts`;
    const direct = await fetch(camera.url.replace('index.m3u8', upstreamName), {
      headers: { Authorization: `Basic ${Buffer.from(`${NVR.username}:${NVR.password}`).toString('base64')}` },
    });
    expect(Buffer.compare(Buffer.from(await direct.arrayBuffer()), segment.body as Buffer)).toBe(0);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const key = signedIn().mediaKey;
    const head = await media(`${key}/${cameraId}/main/index.m3u8`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await media(`${key}/${cameraId}/main/index.m3u8`, 'POST')).status).toBe(405);
  });

  it('refuses traversal and anything outside the strict path shapes with 404', async () => {
    const key = signedIn().mediaKey;
    const bad = [
      `${key}/${cameraId}/main/../../../etc/passwd`,
      `${key}/${cameraId}/main/..%2F..%2Fsecret`,
      `${key}/${cameraId}/main/seg1.ts/extra`,
      `${key}/${cameraId}/other/index.m3u8`,
      `${key}/${cameraId.toUpperCase()}/main/index.m3u8`,
      `${key}/${uuidv7()}/main/index.m3u8`,
      `${key}/${cameraId}/main/index.html`,
      `${key}/${cameraId}/main/s999.ts`,
      `${key}/${cameraId}/main/`,
      `${key}/snapshots/../../db.sqlite`,
      `${key}/snapshots/${'a'.repeat(64)}.png.exe`,
    ];
    for (const p of bad) expect((await media(p, 'GET')).status, p).toBe(404);
  });
});

describe('media handler: snapshots', () => {
  it('serves a snapshot by its SHA-256 as image/png and audits every read', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const sha = createHash('sha256').update(png).digest('hex');
    const file = attachmentPath(dir.path, sha);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    const s = signedIn();
    for (let i = 0; i < 2; i++) {
      const res = await media(`${s.mediaKey}/snapshots/${sha}.png`, 'GET');
      expect(res.status).toBe(200);
      expect(res.headers['Content-Type']).toBe('image/png');
      expect(Buffer.compare(res.body as Buffer, png)).toBe(0);
    }
    expect(audited.filter((e) => e.subject === 'snapshot')).toHaveLength(2);
    expect((await media(`${s.mediaKey}/snapshots/${'0'.repeat(64)}.png`, 'GET')).status).toBe(404);
  });
});

describe('media handler: photo attachments', () => {
  it('serves a photo by its SHA-256 with the type its extension names, audits each read, refuses odd names', async () => {
    const jpeg = Buffer.from('ffd8ffe000104a464946000101ffd9', 'hex');
    const sha = createHash('sha256').update(jpeg).digest('hex');
    const file = attachmentPath(dir.path, sha, 'jpg');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, jpeg);
    const s = signedIn();
    const res = await media(`${s.mediaKey}/attachments/${sha}.jpg`, 'GET');
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('image/jpeg');
    expect(Buffer.compare(res.body as Buffer, jpeg)).toBe(0);
    expect(audited.filter((e) => e.subject === 'attachment')).toEqual([
      expect.objectContaining({ staffId: s.staffId, action: 'read', detail: `${sha}.jpg` }),
    ]);
    const bad = [
      `${s.mediaKey}/attachments/${sha}.png`,
      `${s.mediaKey}/attachments/${sha}.jpeg`,
      `${s.mediaKey}/attachments/${sha.toUpperCase()}.jpg`,
      `${s.mediaKey}/attachments/${sha}.jpg/x`,
      `${s.mediaKey}/attachments/..%2F${sha}.jpg`,
      `${s.mediaKey}/attachments/../../db.sqlite`,
      `${s.mediaKey}/attachments/${sha}.svg`,
    ];
    for (const p of bad) expect((await media(p, 'GET')).status, p).toBe(404);
    expect((await media(`${'x'.repeat(32)}/attachments/${sha}.jpg`, 'GET')).status).toBe(403);
  });
});
