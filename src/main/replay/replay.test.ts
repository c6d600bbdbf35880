import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHlsCamera, type HlsCamera } from '../../../test/fixtures/hls-camera';
import { incidentDesk, type IncidentDesk } from '../../../test/helpers/incidents';
import { testDesk, type TestConsole } from '../../../test/helpers/services';
import { waitFor } from '../../../test/helpers/wait';
import { parsePlaylist } from '../cameras/playlist';
import { looksLikeTransportStream } from '../cameras/transport-stream';

/**
 * Replay through a real desk: an HLS test camera (ffmpeg testsrc2 with a clock, 1 s
 * segments dated with EXT-X-PROGRAM-DATE-TIME) recorded into the buffer, opened for
 * a console through the contract and the one media path, an outage shown as a gap,
 * bookmarks, and the buffer surviving a restart of main.
 */

let t: IncidentDesk;
let camera: HlsCamera;
let cameraId: string;

const body = (b: unknown) => (Buffer.isBuffer(b) ? b : Buffer.from(String(b)));
const media = (c: TestConsole, path: string, range?: string) =>
  t.desk.services.media(path.replace(/^media\//, ''), 'GET', range ?? null);
const recorded = () => readdirSync(join(t.desk.dataDir, 'recordings', cameraId)).filter((f) => f.endsWith('.ts'));

beforeAll(async () => {
  camera = await startHlsCamera({ label: 'Lobby', size: '320x180', fps: 10 });
  await camera.waitForSegments(2);
  t = await incidentDesk();
  const added = await t.admin.must('cameras.add', {
    name: 'Main - Lobby',
    branchId: t.branch.id,
    zoneId: t.branch.zones[0]!.id,
    kind: 'hls',
    url: camera.url,
    gridUrl: null,
    username: null,
    password: null,
  });
  cameraId = added.id;
  await waitFor(
    'six seconds recorded',
    () => existsSync(join(t.desk.dataDir, 'recordings', cameraId)) && recorded().length >= 6,
    20_000,
  );
}, 40_000);
afterAll(async () => {
  await t?.close();
  await camera?.close();
});

describe('recording and replay', () => {
  it('keeps the camera’s segments as they arrive, dated by the stream, and says it is recording', async () => {
    const status = await t.admin.must('recording.status', {});
    expect(status.cameras).toEqual([
      expect.objectContaining({ cameraId, cameraName: 'Main - Lobby', minutes: 30, state: 'recording', message: null }),
    ]);
    expect(status.budgetBytes).toBe(20 * 1024 ** 3);
    expect(status.usedBytes).toBeGreaterThan(0);
    expect(status.canCut).toBe(true);
    // Officers do not see the buffer's settings.
    expect(await t.officer.call('recording.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const f of recorded()) expect(f).toMatch(/^\d{13}-\d{3,4}-\d+-sd?\.ts$/);
  });

  it('opens a camera 30 s back for a console: a playlist of dated segments through the media path, an audited read', async () => {
    const opened = await t.officer.must('replay.open', { cameraId });
    expect(opened.playlist).toMatch(/^media\/[\w-]{32}\/replay\/[\w-]{22}\/index\.m3u8$/);
    const { timeline } = opened;
    expect(timeline).toMatchObject({ cameraId, minutes: 30, frameRate: 10, gaps: [] });
    // Less than 30 s recorded so far: replay starts at the oldest moment kept.
    expect(opened.startAt).toBe(timeline.from);
    const res = await media(t.officer, opened.playlist);
    expect(res.status).toBe(200);
    const text = body(res.body).toString();
    // The answer carries the same playlist: the player starts without asking for it.
    expect(opened.playlistText).toBe(text);
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text).toContain('#EXT-X-ENDLIST');
    const playlist = parsePlaylist(text);
    if (playlist.kind !== 'media') throw new Error('not a media playlist');
    expect(playlist.segments[0]!.programDateTime).toBe(Date.parse(timeline.from));
    const segment = await media(t.officer, opened.playlist.replace('index.m3u8', playlist.segments[0]!.uri));
    expect(segment).toMatchObject({ status: 200, headers: { 'Content-Type': 'video/mp2t' } });
    expect(looksLikeTransportStream(body(segment.body))).toBe(true);

    // Only the console that opened it is served, and only the files of its playlist.
    const other = opened.playlist.replace(/media\/[\w-]{32}\//, `media/${t.other.session.mediaKey}/`);
    expect((await t.desk.services.media(other.replace(/^media\//, ''), 'GET')).status).toBe(404);
    expect((await media(t.officer, opened.playlist.replace('index.m3u8', '1-1-1-s.ts'))).status).toBe(404);
    expect((await media(t.officer, opened.playlist.replace('index.m3u8', '..%2Fvigil.sqlite3'))).status).toBe(404);

    const audit = await t.admin.must('audit.list', { action: 'read', limit: 50 });
    expect(audit.entries).toContainEqual(
      expect.objectContaining({
        subject: 'replay',
        recordId: cameraId,
        staffId: t.ids.officer,
        detail: expect.stringMatching(
          /^Replay of Main - Lobby from \d\d:\d\d:\d\d \(recorded \d\d:\d\d:\d\d–\d\d:\d\d:\d\d\)$/,
        ),
      }),
    );
  });

  it('starts at a moment asked for, kept within what is recorded', async () => {
    const { timeline } = await t.officer.must('replay.open', { cameraId });
    const mid = new Date((Date.parse(timeline.from) + Date.parse(timeline.to)) / 2).toISOString();
    expect((await t.officer.must('replay.open', { cameraId, at: mid })).startAt).toBe(mid);
    const before = await t.officer.must('replay.open', { cameraId, at: '2020-01-01T00:00:00.000Z' });
    expect(before.startAt).toBe(before.timeline.from);
  });

  it('says whether a moment a report names is still kept, and where replay would start (replay.reach)', async () => {
    const { timeline } = await t.officer.must('replay.open', { cameraId });
    const reads = async () =>
      (await t.admin.must('audit.list', { action: 'read', limit: 500 })).entries.filter(
        (e) => e.staffId === t.ids.officer,
      ).length;
    const readsBefore = await reads();
    const mid = new Date((Date.parse(timeline.from) + Date.parse(timeline.to)) / 2).toISOString();
    expect(await t.officer.must('replay.reach', { cameraId, from: mid })).toEqual({
      kept: true,
      at: mid,
      message: null,
    });
    // A reference that began before the buffer: replay starts at the oldest moment kept, and says so.
    const partly = await t.officer.must('replay.reach', { cameraId, from: '2020-01-01T00:00:00.000Z', to: mid });
    expect(partly).toMatchObject({ kept: true, at: timeline.from, message: expect.stringMatching(/no longer kept/) });
    const gone = await t.officer.must('replay.reach', {
      cameraId,
      from: new Date(Date.parse(timeline.from) - 3_600_000).toISOString(),
      to: new Date(Date.parse(timeline.from) - 3_000_000).toISOString(),
    });
    expect(gone).toEqual({
      kept: false,
      at: null,
      message: expect.stringMatching(
        /^The recording from \d\d:\d\d:\d\d is no longer kept: Main - Lobby's buffer holds the last \d+ seconds \(from \d\d:\d\d:\d\d\)\.$/,
      ),
    });
    // No video is read by asking: the officer's reads are as they were.
    expect(await reads()).toBe(readsBefore);
  });

  it('shows a camera outage as a gap, not stitched over', async () => {
    await camera.stop();
    await new Promise((r) => setTimeout(r, 4_000));
    camera.start();
    await camera.waitForSegments(1, 15_000);
    const { timeline } = await waitFor(
      'video after the outage',
      async () => {
        const o = await t.officer.must('replay.open', { cameraId });
        return (
          o.timeline.gaps.length === 1 && Date.parse(o.timeline.to) > Date.parse(o.timeline.gaps[0]!.to) + 2000 && o
        );
      },
      20_000,
      500,
    );
    const gap = timeline.gaps[0]!;
    expect(Date.parse(gap.to) - Date.parse(gap.from)).toBeGreaterThan(3_000);
    expect(timeline.covered).toHaveLength(2);
    const opened = await t.officer.must('replay.open', { cameraId });
    const text = body((await media(t.officer, opened.playlist)).body).toString();
    expect(text.match(/#EXT-X-DISCONTINUITY/g)).toHaveLength(1);
  }, 45_000);

  it('marks bookmarks, lists them for the shift (audited), shows them on the timeline, and lets only their author or a supervisor change them', async () => {
    const { timeline } = await t.officer.must('replay.open', { cameraId });
    const at = new Date(Date.parse(timeline.to) - 3_000).toISOString();
    const mark = await t.officer.must('bookmarks.add', { cameraId, at, note: 'Man in grey hoodie at the door' });
    expect(mark).toMatchObject({ cameraName: 'Main - Lobby', at, inBuffer: true, createdByName: 'Test olu' });
    expect(t.officer.events.some((e) => e.event === 'bookmarks.changed')).toBe(true);
    expect((await t.officer.must('replay.open', { cameraId })).timeline.bookmarks.map((b) => b.id)).toEqual([mark.id]);
    expect((await t.other.must('bookmarks.list', {})).map((b) => b.note)).toEqual(['Man in grey hoodie at the door']);
    const audit = await t.admin.must('audit.list', { action: 'read', limit: 50 });
    expect(audit.entries).toContainEqual(expect.objectContaining({ subject: 'bookmarks', staffId: t.ids.other }));

    expect(await t.other.call('bookmarks.update', { id: mark.id, note: 'mine now' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/someone else’s/) },
    });
    expect(await t.supervisor.must('bookmarks.update', { id: mark.id, note: 'Grey hoodie, left 19:02' })).toMatchObject(
      {
        note: 'Grey hoodie, left 19:02',
      },
    );
    expect(
      await t.officer.call('bookmarks.add', { cameraId, at: new Date(Date.now() + 3_600_000).toISOString() }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /future/ } });
    const journal = t
      .db()
      .prepare<[string], { kind: string }>('SELECT kind FROM journal WHERE record_id = ? ORDER BY seq')
      .all(mark.id);
    expect(journal.map((j) => j.kind)).toEqual(['bookmark.added', 'bookmark.updated']);
    await t.officer.must('bookmarks.remove', { id: mark.id });
    expect(await t.officer.must('bookmarks.list', {})).toEqual([]);
  });

  it('stops keeping a camera at 0 minutes: what was kept is deleted, replay says why in words', async () => {
    const second = await startHlsCamera({ label: 'Stacks', size: '160x90', fps: 5 });
    try {
      const added = await t.admin.must('cameras.add', {
        name: 'Main - Stacks',
        branchId: t.branch.id,
        zoneId: t.branch.zones[1]!.id,
        kind: 'hls',
        url: second.url,
        gridUrl: null,
        username: null,
        password: null,
      });
      const dir = join(t.desk.dataDir, 'recordings', added.id);
      await waitFor('a segment of the second camera', () => existsSync(dir) && readdirSync(dir).length > 0, 15_000);
      const status = await t.admin.must('recording.setMinutes', { cameraId: added.id, minutes: 0 });
      expect(status.cameras.find((c) => c.cameraId === added.id)).toMatchObject({ minutes: 0, state: 'off', bytes: 0 });
      expect(existsSync(dir)).toBe(false);
      expect(await t.officer.call('replay.open', { cameraId: added.id })).toEqual({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message:
            'Recording is off for Main - Stacks, so there is nothing to replay. An administrator can turn it on in Settings → Cameras.',
        },
      });
      expect(
        await t.officer.call('replay.cutClip', {
          cameraId: added.id,
          from: new Date(Date.now() - 5000).toISOString(),
          to: new Date().toISOString(),
        }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Recording is off for Main - Stacks: there is no video to cut a clip from.',
        },
      });
      // Removing the camera takes its video with it.
      await t.admin.must('recording.setMinutes', { cameraId: added.id, minutes: 5 });
      await waitFor('recording again', () => existsSync(dir) && readdirSync(dir).length > 0, 15_000);
      await t.admin.must('cameras.remove', { id: added.id });
      expect(existsSync(dir)).toBe(false);
    } finally {
      await second.close();
    }
  }, 45_000);

  it('refuses minutes and budgets outside the range, with the field named', async () => {
    expect(await t.admin.call('recording.setMinutes', { cameraId, minutes: 2000 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { minutes: 'At most 1440 minutes (24 hours)' } },
    });
    expect(await t.admin.call('recording.setBudget', { budgetGb: 0 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { budgetGb: 'At least 0.1 GB' } },
    });
    const status = await t.admin.must('recording.setBudget', { budgetGb: 5 });
    expect(status.budgetBytes).toBe(5 * 1024 ** 3);
  });
});

describe('a restart of main', () => {
  it('replays what was recorded before it, from the files on disk', async () => {
    const before = await t.officer.must('replay.open', { cameraId });
    const dataDir = t.desk.dataDir;
    const { desk } = t;
    await desk.services.close();
    const again = testDesk({ dataDir });
    try {
      const admin = again.console();
      await admin.must('auth.signIn', { username: 'ada', passphrase: 'correct horse battery' });
      const opened = await admin.must('replay.open', { cameraId, at: before.timeline.from });
      expect(opened.timeline.from).toBe(before.timeline.from);
      expect(Date.parse(opened.timeline.to)).toBeGreaterThanOrEqual(Date.parse(before.timeline.to));
      expect(opened.startAt).toBe(before.timeline.from);
      const text = body((await again.services.media(opened.playlist.replace(/^media\//, ''), 'GET')).body).toString();
      const playlist = parsePlaylist(text);
      if (playlist.kind !== 'media') throw new Error('not media');
      const first = await again.services.media(
        opened.playlist.replace(/^media\//, '').replace('index.m3u8', playlist.segments[0]!.uri),
        'GET',
      );
      expect(first.status).toBe(200);
      expect(looksLikeTransportStream(body(first.body))).toBe(true);
    } finally {
      await again.services.close();
    }
  }, 30_000);
});
