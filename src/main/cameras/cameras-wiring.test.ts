import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHlsCamera, type HlsCamera } from '../../../test/fixtures/hls-camera';
import { cameraDesk, lobbyCamera, type CameraDesk } from '../../../test/helpers/cameras';
import { waitFor } from '../../../test/helpers/wait';
import type { StreamHealth } from '../../shared/contract/cameras';
import { startWebShell, type WebShell } from '../shell/web';

// The whole path a renderer uses: services (registry → supervision → health events) and the web shell's /media route.
const NVR = { username: 'nvr', password: 'wiring-secret' };
let camera: HlsCamera;
let d: CameraDesk;
let shell: WebShell;

beforeAll(async () => {
  camera = await startHlsCamera({ auth: NVR, size: '160x90', fps: 5 });
  d = await cameraDesk();
  const rendererDir = join(d.desk.dataDir, 'renderer');
  mkdirSync(rendererDir);
  shell = await startWebShell({ services: d.desk.services, rendererDir, port: 0 });
});
afterAll(async () => {
  await shell.close();
  await d.desk.close();
  await camera.close();
});

const get = (path: string) => fetch(`http://127.0.0.1:${shell.port}/${path}`);

describe('cameras through services and the web shell', () => {
  it('supervises an added camera, pushes its health, and serves its rewritten playlist on /media', async () => {
    const added = await d.admin.must('cameras.add', lobbyCamera(d, { url: camera.url, ...NVR }));
    await waitFor('a live health event', () =>
      d.admin.events.some((e) => e.event === 'camera.health' && (e.payload as StreamHealth).state === 'live'),
    );
    const { cameras, mediaBase } = await d.admin.must('cameras.list', {});
    expect(cameras[0]?.health[0]?.state).toBe('live');

    const res = await get(`${mediaBase}/${added.id}/main/index.m3u8`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const playlist = await res.text();
    expect(playlist).not.toMatch(/127\.0\.0\.1|wiring-secret|nvr/);
    const segment = playlist.split('\n').find((l) => /^s\d+\.ts$/.test(l))!;
    const seg = await get(`${mediaBase}/${added.id}/main/${segment}`);
    expect(seg.status).toBe(200);
    expect(seg.headers.get('content-type')).toBe('video/mp2t');

    // Another console's key before it signs in, and this console's key after it locks, are refused.
    const stranger = d.desk.console();
    expect((await get(`media/${stranger.session.mediaKey}/${added.id}/main/index.m3u8`)).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${shell.port}/${mediaBase}/x`, { method: 'POST' })).status).toBe(405);
    await d.admin.must('auth.lock', {});
    expect((await get(`${mediaBase}/${added.id}/main/index.m3u8`)).status).toBe(403);
    await d.admin.must('auth.unlock', { passphrase: 'correct horse battery' });

    // Disabling stops the supervisor: the stream is no longer served.
    await d.admin.must('cameras.setEnabled', { id: added.id, enabled: false });
    expect((await get(`${mediaBase}/${added.id}/main/index.m3u8`)).status).toBe(404);
  });
});
