import { afterEach, describe, expect, it } from 'vitest';
import { cameraDesk, type CameraDesk } from '../../../test/helpers/cameras';
import type { TestDesk } from '../../../test/helpers/services';

const desks: TestDesk[] = [];
afterEach(() => Promise.all(desks.splice(0).map((d) => d.close())));

async function setup(): Promise<CameraDesk> {
  const d = await cameraDesk();
  desks.push(d.desk);
  return d;
}

const file = (...cameras: object[]) => JSON.stringify({ cameras }, null, 2);
const hls = (name: string, fields: object = {}) => ({
  name,
  branch: 'MAIN',
  zone: 'Lobby',
  kind: 'hls',
  url: `http://nvr.local/${encodeURIComponent(name)}/index.m3u8`,
  ...fields,
});

describe('camera import and export', () => {
  it('imports nothing when any entry is bad, and lists every problem with its entry number', async () => {
    const d = await setup();
    const zonesBefore = (await d.admin.must('branches.list', {})).flatMap((b) => b.zones).length;
    const json = file(
      hls('Good one', { zone: 'New Zone' }),
      hls('Bad kind', { kind: 'rtsp' }),
      hls('Fine too'),
      hls('Unknown branch', { branch: 'Nowhere' }),
      { name: '', branch: 'EAST', zone: 'Entrance', kind: 'hls', url: 'http://x/y', color: 'red' },
    );
    const r = await d.admin.call('cameras.import', { json });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    const lines = r.error.message.split('\n');
    expect(lines[0]).toBe('Nothing was imported: the file has 4 problems.');
    expect(lines.slice(1)).toEqual([
      'Entry 2: url must start with rtsp:// (or rtsps://) for an rtsp camera',
      'Entry 4: branch “Nowhere” is not a branch’s code or name',
      'Entry 5: has an unknown field “color”',
      'Entry 5: name: Name is required',
    ]);
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual([
      'cameras.1.url',
      'cameras.3.branch',
      'cameras.4',
      'cameras.4.name',
    ]);
    expect((await d.admin.must('cameras.list', {})).cameras).toEqual([]);
    expect((await d.admin.must('branches.list', {})).flatMap((b) => b.zones)).toHaveLength(zonesBefore);
  });

  it('finds branches by code or name, creates unknown zones once, and takes credentials out of addresses', async () => {
    const d = await setup();
    const json = file(
      hls('Main - Entrance', { branch: 'main', gridUrl: 'http://nvr.local/main/sub.m3u8' }),
      hls('Car park north', { branch: 'Main Library', zone: 'Car Park' }),
      hls('Car park south', { branch: 'MAIN', zone: 'car park' }),
      {
        name: 'East - Door',
        branch: 'east branch',
        zone: 'Entrance',
        kind: 'rtsp',
        url: 'rtsp://cam:pw-1@10.0.0.5/s1',
      },
      hls('Desk', { branch: 'EAST', zone: 'Entrance', username: 'viewer', password: 'pw-2' }),
    );
    expect(await d.admin.must('cameras.import', { json })).toEqual({ imported: 5, zonesCreated: 1 });
    const branches = await d.admin.must('branches.list', {});
    const carPark = branches.find((b) => b.code === 'MAIN')!.zones.find((z) => z.name === 'Car Park');
    expect(carPark).toMatchObject({ kind: 'interior', floor: '' });
    const cameras = (await d.admin.must('cameras.list', {})).cameras;
    expect(cameras.filter((c) => c.zoneId === carPark!.id)).toHaveLength(2);
    const door = await d.admin.must('cameras.get', { id: cameras.find((c) => c.name === 'East - Door')!.id });
    expect(door).toMatchObject({ url: 'rtsp://10.0.0.5/s1', username: 'cam', hasPassword: true, branchId: d.east.id });
    expect(await d.admin.must('journal.verify', {})).toMatchObject({ ok: true });
    expect(d.admin.events.some((e) => e.event === 'cameras.changed')).toBe(true);
  });

  it('refuses duplicate names within the file and against existing cameras', async () => {
    const d = await setup();
    await d.admin.must('cameras.import', { json: file(hls('Lobby')) });
    const r = await d.admin.call('cameras.import', { json: file(hls('Stairs'), hls('STAIRS'), hls('lobby')) });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringContaining(
          'Entry 2: name “STAIRS” is also used by entry 1 in MAIN\nEntry 3: a camera named “lobby” already exists in MAIN',
        ),
        fields: { 'cameras.1.name': expect.any(String), 'cameras.2.name': expect.any(String) },
      },
    });
    expect((await d.admin.must('cameras.list', {})).cameras).toHaveLength(1);
  });

  it('says where a file that is not JSON breaks, and what shape it needs', async () => {
    const d = await setup();
    expect(await d.admin.call('cameras.import', { json: '{"cameras": [\n  {"name": "A",}\n]}' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/not valid JSON.*line 2, column 16\)/) },
    });
    expect(await d.admin.call('cameras.import', { json: '[]' })).toMatchObject({
      error: { message: expect.stringMatching(/"cameras" list/) },
    });
    expect(await d.admin.call('cameras.import', { json: '{"cameras": []}' })).toMatchObject({
      error: { message: expect.stringMatching(/no cameras/) },
    });
  });

  it('exports without passwords, sorted by branch then name, and round-trips into a fresh desk', async () => {
    const d = await setup();
    await d.admin.must('cameras.import', {
      json: file(
        hls('Stacks', { branch: 'Main Library', zone: 'Stacks' }),
        hls('Door', { branch: 'EAST', zone: 'Entrance', gridUrl: 'http://nvr.local/door/sub.m3u8' }),
        { name: 'Atrium', branch: 'MAIN', zone: 'Atrium', kind: 'rtsp', url: 'rtsp://admin:hunter2@cam/1' },
      ),
    });
    const { json } = await d.admin.must('cameras.export', {});
    expect(json).not.toContain('hunter2');
    expect(JSON.parse(json)).toEqual({
      cameras: [
        {
          name: 'Door',
          branch: 'EAST',
          zone: 'Entrance',
          kind: 'hls',
          url: 'http://nvr.local/Door/index.m3u8',
          gridUrl: 'http://nvr.local/door/sub.m3u8',
        },
        { name: 'Atrium', branch: 'MAIN', zone: 'Atrium', kind: 'rtsp', url: 'rtsp://cam/1', username: 'admin' },
        { name: 'Stacks', branch: 'MAIN', zone: 'Stacks', kind: 'hls', url: 'http://nvr.local/Stacks/index.m3u8' },
      ],
    });

    const fresh = await setup();
    expect(await fresh.admin.must('cameras.import', { json })).toEqual({ imported: 3, zonesCreated: 1 });
    expect((await fresh.admin.must('cameras.export', {})).json).toBe(json);
  });
});
