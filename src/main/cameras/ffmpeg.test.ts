import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { findFfmpeg } from './ffmpeg';

const dir = tempDir('vigil-ffmpeg-');
afterAll(() => dir.remove());

function fakeFfmpeg(folder: string, name = 'ffmpeg'): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findFfmpeg', () => {
  const setting = fakeFfmpeg(join(dir.path, 'setting'));
  const env = fakeFfmpeg(join(dir.path, 'env'));
  const bundled = fakeFfmpeg(join(dir.path, 'resources', 'ffmpeg'));
  const onPath = fakeFfmpeg(join(dir.path, 'bin'));
  const resourcesPath = join(dir.path, 'resources');
  const PATH = `/nonexistent:${join(dir.path, 'bin')}`;

  it('takes the setting, then VIGIL_FFMPEG, then the bundled one, then PATH', () => {
    expect(findFfmpeg({ setting, env: { VIGIL_FFMPEG: env, PATH }, resourcesPath })).toBe(setting);
    expect(findFfmpeg({ setting: null, env: { VIGIL_FFMPEG: env, PATH }, resourcesPath })).toBe(env);
    expect(findFfmpeg({ env: { PATH }, resourcesPath })).toBe(bundled);
    expect(findFfmpeg({ env: { PATH }, resourcesPath: null })).toBe(onPath);
  });

  it('skips a candidate that is missing or not executable, and is null when there is none', () => {
    const notExecutable = join(dir.path, 'plain');
    writeFileSync(notExecutable, '');
    expect(
      findFfmpeg({ setting: '/no/such/ffmpeg', env: { VIGIL_FFMPEG: notExecutable, PATH }, resourcesPath: null }),
    ).toBe(onPath);
    expect(findFfmpeg({ env: { PATH: '/nonexistent' }, resourcesPath: null })).toBeNull();
    expect(findFfmpeg({ env: {}, resourcesPath: join(dir.path, 'setting') })).toBeNull();
  });

  it('looks for ffmpeg.exe on Windows', () => {
    const win = fakeFfmpeg(join(dir.path, 'win'), 'ffmpeg.exe');
    expect(findFfmpeg({ env: { PATH: join(dir.path, 'win') }, resourcesPath: null, platform: 'win32' })).toBe(win);
  });
});
