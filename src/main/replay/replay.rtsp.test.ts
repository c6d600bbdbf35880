import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startRtspCameras, type RtspCameras } from '../../../test/fixtures/rtsp-cameras';
import { cameraDesk, type CameraDesk } from '../../../test/helpers/cameras';
import { ADMIN, testDesk } from '../../../test/helpers/services';
import { probe } from '../../../test/helpers/video';
import { waitFor } from '../../../test/helpers/wait';
import { attachmentPath } from '../attachments/store';
import { parsePlaylist } from '../cameras/playlist';
import { looksLikeTransportStream, readTransportStream } from '../cameras/transport-stream';

/**
 * The integration test, with real ffmpeg and real RTSP cameras
 * (../shared/tools/rtsp-cameras.py, H.264 with a key frame every second): record two
 * minutes, cut a 20 s clip and check its length with ffprobe and its hash, then
 * restart main and replay what was recorded before the restart. Two minutes is
 * what the issue asks; nothing else here waits for video.
 */

const RECORD_MS = 120_000;
const CLIP_MS = 20_000;
/** The simulator's key frames: --gop 15 at 15 fps. */
const KEYFRAME_INTERVAL_S = 1;

let rtsp: RtspCameras;
let d: CameraDesk;
let cameraId: string;

beforeAll(async () => {
  rtsp = await startRtspCameras({ count: 1, size: '640x360', fps: 15 });
  d = await cameraDesk();
  const cam = await d.admin.must('cameras.add', {
    name: 'Main - Entrance',
    branchId: d.main.id,
    zoneId: d.main.zones[0]!.id,
    kind: 'rtsp',
    url: rtsp.url(1),
    gridUrl: null,
    username: null,
    password: null,
  });
  cameraId = cam.id;
});
afterAll(async () => {
  await d?.desk.close();
  await rtsp?.close();
});

const kept = async () => {
  const status = await d.admin.must('recording.status', {});
  const c = status.cameras.find((x) => x.cameraId === cameraId)!;
  return c.from && c.to ? { from: Date.parse(c.from), to: Date.parse(c.to), state: c.state } : null;
};

it(
  'records two minutes of an RTSP camera, cuts a 20 s clip by stream copy, and replays it all after a restart',
  async () => {
    const recorded = await waitFor(
      'two minutes recorded',
      async () => {
        const k = await kept();
        return (k && k.to - k.from >= RECORD_MS && k) || undefined;
      },
      RECORD_MS + 30_000,
      1_000,
    );
    expect(recorded.state).toBe('recording');

    // The remux's segments were kept as ffmpeg wrote them: one continuous span, no gap.
    const opened = await d.admin.must('replay.open', { cameraId });
    expect(opened.timeline.gaps).toEqual([]);
    expect(opened.timeline.frameRate).toBe(15);

    const from = new Date(recorded.from + 60_000 + 400).toISOString();
    const to = new Date(recorded.from + 60_000 + 400 + CLIP_MS).toISOString();
    const started = Date.now();
    const { clip, note } = await d.admin.must('replay.cutClip', { cameraId, from, to });
    const cutMs = Date.now() - started;
    const file = attachmentPath(d.desk.dataDir, clip.sha256, 'mp4');
    const bytes = readFileSync(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(clip.sha256);
    const p = probe(file);
    expect(p.codec).toBe('h264');
    // Within one key frame interval of what was asked: it starts at the key frame at or before the in point.
    expect(p.duration).toBeGreaterThanOrEqual(CLIP_MS / 1000 - 0.1);
    expect(p.duration).toBeLessThanOrEqual(CLIP_MS / 1000 + KEYFRAME_INTERVAL_S + 0.1);
    expect(Math.abs(p.duration - clip.clip!.durationMs / 1000)).toBeLessThan(0.15);
    expect(p.keyTimes[0]).toBe(0);
    expect(Date.parse(clip.frameTime!)).toBeLessThanOrEqual(Date.parse(from));
    expect(Date.parse(from) - Date.parse(clip.frameTime!)).toBeLessThanOrEqual(KEYFRAME_INTERVAL_S * 1000 + 100);
    expect(clip.clip!.to).toBe(to);
    if (Date.parse(from) - Date.parse(clip.frameTime!) >= 50) expect(note).toMatch(/key frames/);
    expect(cutMs).toBeLessThan(20_000);
    // A clip of the camera's own pictures: 640 × 360, the size of its poster frame, made just after.
    await waitFor(
      'the poster frame',
      () =>
        d.admin.events.some((e) => e.event === 'clip.poster' && (e.payload as { clipId: string }).clipId === clip.id),
      10_000,
    );
    const [withPoster] = (await d.admin.must('replay.clips', { ids: [clip.id] })).clips;
    expect([withPoster!.width, withPoster!.height]).toEqual([640, 360]);

    // Restart main on the same data folder: what was recorded before is replayed from disk.
    const dataDir = d.desk.dataDir;
    await d.desk.services.close();
    const again = testDesk({ dataDir });
    try {
      const admin = again.console();
      await admin.must('auth.signIn', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const before = await admin.must('replay.open', { cameraId, at: new Date(recorded.from + 5_000).toISOString() });
      expect(Date.parse(before.timeline.from)).toBe(recorded.from);
      expect(before.startAt).toBe(new Date(recorded.from + 5_000).toISOString());
      const path = before.playlist.replace(/^media\//, '');
      const playlist = parsePlaylist(String((await again.services.media(path, 'GET')).body));
      if (playlist.kind !== 'media') throw new Error('not a media playlist');
      expect(playlist.segments[0]!.programDateTime).toBe(recorded.from);
      const first = await again.services.media(path.replace('index.m3u8', playlist.segments[0]!.uri), 'GET');
      expect(first.status).toBe(200);
      const ts = first.body as Buffer;
      expect(looksLikeTransportStream(ts)).toBe(true);
      expect(readTransportStream(ts).frames[0]).toMatchObject({ key: true });

      // The new run records on; the time main was down is a gap, not stitched over.
      const after = await waitFor(
        'video after the restart',
        async () => {
          const o = await admin.must('replay.open', { cameraId });
          return Date.parse(o.timeline.to) > recorded.to + 8_000 && o;
        },
        30_000,
        1_000,
      );
      expect(after.timeline.gaps.length).toBe(1);
      expect(Date.parse(after.timeline.gaps[0]!.from)).toBeGreaterThanOrEqual(recorded.to - 1_000);
    } finally {
      await again.services.close();
    }
  },
  RECORD_MS + 120_000,
);
