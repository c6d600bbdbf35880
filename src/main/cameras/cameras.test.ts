import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cameraDesk, lobbyCamera, type CameraDesk } from '../../../test/helpers/cameras';
import type { TestDesk } from '../../../test/helpers/services';
import { DATABASE_FILE } from '../db/connection';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

async function setup(): Promise<CameraDesk> {
  const d = await cameraDesk();
  desk = d.desk;
  return d;
}

const PASSWORD = 'Zebra-Lantern-9931';

/** The database file and its WAL, as bytes on disk. */
function databaseBytes(dataDir: string): string {
  const files = [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => join(dataDir, f)).filter((f) => existsSync(f));
  return files.map((f) => readFileSync(f).toString('latin1')).join('');
}

describe('cameras', () => {
  it('adds, edits, disables and removes a camera, journaling each change and telling consoles', async () => {
    const d = await setup();
    const entries = (await d.admin.must('journal.verify', {})).entries;
    const cam = await d.admin.must('cameras.add', lobbyCamera(d, { gridUrl: 'http://nvr.local/cam1/sub.m3u8' }));
    expect(cam).toMatchObject({
      name: 'Main - Entrance',
      kind: 'hls',
      hasGrid: true,
      enabled: true,
      hasPassword: false,
    });
    expect(cam.health.map((h) => [h.stream, h.state])).toEqual([
      ['main', 'connecting'],
      ['grid', 'connecting'],
    ]);
    expect(await d.admin.must('cameras.get', { id: cam.id })).toEqual(cam);

    const edited = await d.admin.must('cameras.update', { id: cam.id, ...lobbyCamera(d, { name: 'Lobby door' }) });
    expect(edited).toMatchObject({ name: 'Lobby door', hasGrid: false });
    const off = await d.admin.must('cameras.setEnabled', { id: cam.id, enabled: false });
    expect(off.health).toEqual([expect.objectContaining({ stream: 'main', state: 'disabled' })]);
    const list = await d.admin.must('cameras.list', {});
    expect(list.cameras).toEqual([expect.objectContaining({ id: cam.id, enabled: false })]);
    expect(list.mediaBase).toBe(`media/${d.admin.session.mediaKey}`);
    await d.admin.must('cameras.setEnabled', { id: cam.id, enabled: true });
    expect(await d.admin.must('cameras.remove', { id: cam.id })).toEqual({ removed: true });

    expect((await d.admin.must('cameras.list', {})).cameras).toEqual([]);
    expect(await d.admin.call('cameras.get', { id: cam.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await d.admin.call('cameras.remove', { id: cam.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // added, updated, disabled, enabled, removed
    expect(await d.admin.must('journal.verify', {})).toEqual({ ok: true, entries: entries + 5 });
    expect(d.admin.events.filter((e) => e.event === 'cameras.changed')).toHaveLength(5);
  });

  it('refuses bad addresses, a zone of another branch and a duplicate name, each at its field', async () => {
    const d = await setup();
    const fail = (fields: Record<string, unknown>) => d.admin.call('cameras.add', lobbyCamera(d, fields));
    expect(await fail({ url: 'rtsp://cam.local/stream1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { url: 'Address must start with http:// or https:// for an hls camera' } },
    });
    expect(await fail({ kind: 'rtsp', gridUrl: 'http://cam.local/sub' })).toMatchObject({
      error: {
        fields: {
          url: expect.stringMatching(/^Address must start with rtsp:\/\//),
          gridUrl: expect.stringMatching(/^Grid address must start with rtsp:\/\//),
        },
      },
    });
    expect(await fail({ url: 'not an address' })).toMatchObject({ error: { fields: { url: /not a valid address/ } } });
    expect(await fail({ zoneId: d.east.zones[0]!.id })).toMatchObject({
      error: { code: 'VALIDATION', fields: { zoneId: expect.stringMatching(/Main Library/) } },
    });

    const first = await d.admin.must('cameras.add', lobbyCamera(d));
    expect(await fail({ name: 'MAIN - entrance' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { name: 'This name is taken' } },
    });
    // The same name is free in another branch, and again once the first camera is removed.
    await d.admin.must('cameras.add', lobbyCamera(d, { branchId: d.east.id, zoneId: d.east.zones[0]!.id }));
    await d.admin.must('cameras.remove', { id: first.id });
    await d.admin.must('cameras.add', lobbyCamera(d));
  });

  it('keeps credentials in main: moved out of the address, encrypted, never returned, journaled or exported', async () => {
    const d = await setup();
    const cam = await d.admin.must(
      'cameras.add',
      lobbyCamera(d, {
        kind: 'rtsp',
        url: `rtsp://desk%40lib:${PASSWORD}@192.168.1.20:554/stream1`,
        gridUrl: 'rtsp://192.168.1.20:554/stream2',
      }),
    );
    expect(cam).toMatchObject({
      url: 'rtsp://192.168.1.20:554/stream1',
      username: 'desk@lib',
      hasPassword: true,
    });
    // An edit without a password keeps it; the journal says a password exists, never what it is.
    const kept = await d.admin.must('cameras.update', {
      id: cam.id,
      ...lobbyCamera(d, { kind: 'rtsp', url: cam.url, username: 'desk@lib', password: undefined }),
    });
    expect(kept.hasPassword).toBe(true);

    const outputs = [
      cam,
      kept,
      await d.admin.must('cameras.get', { id: cam.id }),
      await d.admin.must('cameras.list', {}),
      await d.admin.must('cameras.export', {}),
      d.admin.events,
    ];
    for (const output of outputs) expect(JSON.stringify(output)).not.toContain(PASSWORD);
    expect(databaseBytes(d.desk.dataDir)).not.toContain(PASSWORD);

    const db = new Database(join(d.desk.dataDir, DATABASE_FILE), { readonly: true });
    const row = db.prepare('SELECT url, grid_url, password_enc FROM cameras').get() as Record<string, string>;
    const payloads = db.prepare("SELECT payload FROM journal WHERE kind LIKE 'camera.%'").all() as {
      payload: string;
    }[];
    db.close();
    expect(row.url).not.toContain('@');
    expect(row.password_enc).toMatch(/^v1:/);
    expect(payloads.map((p) => JSON.parse(p.payload) as object)).toEqual([
      expect.objectContaining({ hasPassword: true, username: 'desk@lib' }),
      expect.objectContaining({ hasPassword: true }),
    ]);
    expect(payloads.every((p) => !p.payload.includes('passwordEnc') && !p.payload.includes(PASSWORD))).toBe(true);

    const cleared = await d.admin.must('cameras.update', {
      id: cam.id,
      ...lobbyCamera(d, { kind: 'rtsp', url: cam.url }),
    });
    expect(cleared).toMatchObject({ hasPassword: false, username: null });
  });

  it('lets officers see the wall but not read or change camera settings', async () => {
    const d = await setup();
    const cam = await d.admin.must('cameras.add', lobbyCamera(d));
    const officer = await d.officer();
    const before = await d.admin.must('journal.verify', {});
    const attempts = await Promise.all([
      officer.call('cameras.get', { id: cam.id }),
      officer.call('cameras.add', lobbyCamera(d, { name: 'Other' })),
      officer.call('cameras.update', { id: cam.id, ...lobbyCamera(d, { name: 'Renamed' }) }),
      officer.call('cameras.setEnabled', { id: cam.id, enabled: false }),
      officer.call('cameras.remove', { id: cam.id }),
      officer.call('cameras.import', { json: '{"cameras":[]}' }),
      officer.call('cameras.export', {}),
    ]);
    for (const r of attempts) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await d.admin.must('journal.verify', {})).toEqual(before);
    const seen = await officer.must('cameras.list', {});
    expect(seen.cameras).toEqual([expect.objectContaining({ id: cam.id, name: 'Main - Entrance' })]);
    expect(seen.cameras[0]).not.toHaveProperty('url');
    expect(seen.mediaBase).toBe(`media/${officer.session.mediaKey}`);
  });
});
