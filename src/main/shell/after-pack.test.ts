import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fuses from '@electron/fuses';
import { afterAll, describe, expect, it, vi } from 'vitest';

interface PackContext {
  electronPlatformName: string;
  appOutDir: string;
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}
interface AfterPackHook {
  afterPack(context: PackContext): Promise<string>;
  applyFuses(context: PackContext, module: typeof fuses): Promise<string>;
}

// The hook is CommonJS, loaded the way electron-builder loads it.
const hook = createRequire(import.meta.url)('../../../scripts/after-pack.cjs') as AfterPackHook;
const { FuseV1Options, FuseVersion, FuseState, getCurrentFuseWire } = fuses;

const context = (platform: string, appOutDir = '/build/out'): PackContext => ({
  electronPlatformName: platform,
  appOutDir,
  arch: 1,
  packager: { executableName: 'vigil', appInfo: { productFilename: 'Vigil' } },
});

const expectedFuses = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

const tmp = mkdtempSync(join(tmpdir(), 'vigil-fuses-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('after-pack fuses', () => {
  it.each([
    ['linux', join('/build/out', 'vigil'), false],
    ['win32', join('/build/out', 'Vigil.exe'), false],
    ['darwin', join('/build/out', 'Vigil.app'), true],
  ])('on %s flips exactly Vigil’s fuses on %s', async (platform, binary, resetSignature) => {
    const flipFuses = vi.fn(async () => 1);
    await expect(hook.applyFuses(context(platform), { ...fuses, flipFuses })).resolves.toBe(binary);
    expect(flipFuses).toHaveBeenCalledExactlyOnceWith(binary, {
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: resetSignature,
      ...expectedFuses,
    });
  });

  it('names the Linux binary from the product name when the packager does not', async () => {
    const flipFuses = vi.fn(async () => 1);
    const bare = { ...context('linux'), packager: { appInfo: { productFilename: 'Vigil' } } };
    await hook.applyFuses(bare, { ...fuses, flipFuses });
    expect(flipFuses.mock.calls[0]).toContain(join('/build/out', 'vigil'));
  });

  it('refuses a platform it has no binary name for', async () => {
    await expect(hook.applyFuses(context('aix'), { ...fuses, flipFuses: vi.fn() })).rejects.toThrow(/aix/);
  });

  it('burns the fuses into a binary through the real @electron/fuses', async () => {
    // A stand-in binary: the fuse sentinel, wire version 1, nine fuses all enabled.
    const wire = Buffer.concat([
      Buffer.from('ELF...padding...'),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, 9]),
      Buffer.alloc(9, FuseState.ENABLE),
      Buffer.from('...rest'),
    ]);
    writeFileSync(join(tmp, 'vigil'), wire);
    await hook.afterPack(context('linux', tmp));
    const current = await getCurrentFuseWire(join(tmp, 'vigil'));
    const on = FuseState.ENABLE;
    const off = FuseState.DISABLE;
    expect(current[FuseV1Options.RunAsNode]).toBe(off);
    expect(current[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(current[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(current[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(current[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(current[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(current[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    // Fuses Vigil does not set keep Electron's value.
    expect(current[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(on);
    expect(readFileSync(join(tmp, 'vigil')).length).toBe(wire.length);
  });
});
