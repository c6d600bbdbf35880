import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { testDesk } from '../../../test/helpers/services';
import { DATABASE_FILE, openDatabase, StartupError } from './connection';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe('opening the data folder', () => {
  it('says plainly when the data folder cannot be written', () => {
    // A path under a regular file can never be created, even as root.
    writeFileSync(join(dir.path, 'not-a-folder'), '');
    const bad = join(dir.path, 'not-a-folder', 'data');
    expect(() => openDatabase(bad)).toThrow(StartupError);
    expect(() => openDatabase(bad)).toThrow(/cannot write to its data folder .*ENOTDIR/);
  });

  it('says plainly when the database file is damaged, and leaves it as it was', () => {
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]);
    writeFileSync(join(dir.path, DATABASE_FILE), garbage);
    expect(() => openDatabase(dir.path)).toThrow(/damaged and cannot be used.*Nothing has been changed/);
  });

  it('gives the services a failed state that every call reports, instead of a crash', async () => {
    writeFileSync(join(dir.path, DATABASE_FILE), 'this is not a database at all, just text '.repeat(200));
    const desk = testDesk({ dataDir: dir.path });
    const c = desk.console();
    expect(await c.call('system.info', {})).toMatchObject({
      ok: true,
      value: { state: 'failed', message: expect.stringMatching(/database/) },
    });
    expect(await c.call('auth.state', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    desk.close();
  });
});
