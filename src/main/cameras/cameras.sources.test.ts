import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { BranchesRepo } from '../branches/branches.repo';
import { BranchesService } from '../branches/branches.service';
import { openDatabase, type Db } from '../db/connection';
import { Journal } from '../db/journal';
import { systemClock } from '../clock';
import { DomainEvents } from '../events';
import { CamerasRepo } from './cameras.repo';
import { CamerasService, type CameraInput } from './cameras.service';
import { KEY_FILE, keyFileSecretStore } from './secrets';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The service on its own (no dispatch), as supervision uses it. */
function registry() {
  const dir = tempDir();
  const db: Db = openDatabase(dir.path);
  cleanups.push(() => {
    db.close();
    dir.remove();
  });
  const journal = new Journal(db, 'test-desk');
  const events = new DomainEvents(() => undefined);
  const branches = new BranchesService(db, new BranchesRepo(db), journal, events);
  const branch = branches.add({ name: 'Main', code: 'MAIN', address: '', timeZone: 'America/Chicago' }, null);
  const zoneId = branches.addZone(branch.id, { name: 'Lobby', kind: 'interior', floor: '' }, null).zones[0]!.id;
  let changes = 0;
  events.on('cameras.changed', () => changes++);
  events.on('camera.removed', () => changes++);
  // A new store reads the key file afresh, as after a restart.
  const service = () =>
    new CamerasService(
      db,
      new CamerasRepo(db),
      journal,
      branches,
      keyFileSecretStore(dir.path),
      () => [],
      events,
      systemClock,
    );
  const cameras = service();
  const input = (fields: Partial<CameraInput>): CameraInput => ({
    name: 'Cam',
    branchId: branch.id,
    zoneId,
    kind: 'rtsp',
    url: 'rtsp://10.0.0.5/main',
    gridUrl: null,
    username: null,
    password: null,
    ...fields,
  });
  return { dir: dir.path, cameras, service, input, changes: () => changes };
}

describe('camera sources', () => {
  it('lists one source per stream of enabled cameras, with the password decrypted', () => {
    const r = registry();
    const a = r.cameras.add(
      r.input({ name: 'A', gridUrl: 'rtsp://10.0.0.5/sub', username: 'u', password: 'pa55' }),
      null,
    );
    const b = r.cameras.add(r.input({ name: 'B', kind: 'hls', url: 'https://nvr/b.m3u8' }), null);
    const c = r.cameras.add(r.input({ name: 'C' }), null);
    r.cameras.setEnabled(c.id, false, null);
    const gone = r.cameras.add(r.input({ name: 'Gone' }), null);
    r.cameras.remove(gone.id, null);
    expect(r.changes()).toBe(6);
    expect(r.cameras.sources()).toEqual([
      { cameraId: a.id, stream: 'main', kind: 'rtsp', url: 'rtsp://10.0.0.5/main', username: 'u', password: 'pa55' },
      { cameraId: a.id, stream: 'grid', kind: 'rtsp', url: 'rtsp://10.0.0.5/sub', username: 'u', password: 'pa55' },
      { cameraId: b.id, stream: 'main', kind: 'hls', url: 'https://nvr/b.m3u8', username: null, password: null },
    ]);
    expect(r.cameras.list().map((x) => x.name)).toEqual(['A', 'B', 'C']);
  });

  it('keeps the password on an edit that leaves it out and clears it with null', () => {
    const r = registry();
    const cam = r.cameras.add(r.input({ password: 'first' }), null);
    r.cameras.update(cam.id, r.input({ name: 'Renamed', password: undefined }), null);
    expect(r.cameras.sources()[0]?.password).toBe('first');
    r.cameras.update(cam.id, r.input({ password: 'second' }), null);
    expect(r.cameras.sources()[0]?.password).toBe('second');
    expect(r.cameras.update(cam.id, r.input({ password: null }), null).hasPassword).toBe(false);
    expect(r.cameras.sources()[0]?.password).toBeNull();
  });

  it('connects without the password when it can no longer be decrypted (the key was replaced)', () => {
    const r = registry();
    r.cameras.add(r.input({ password: 'secret' }), null);
    writeFileSync(join(r.dir, KEY_FILE), `${Buffer.alloc(32, 7).toString('base64')}\n`);
    expect(r.service().sources()[0]?.password).toBeNull();
  });
});
