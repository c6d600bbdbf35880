// electron-builder afterPack hook: burns Electron's fuses into the packaged binary,
// so the shipped app cannot be turned back into a general Node runtime or made to
// run code other than its own signed-off asar. Flipped here, before signing.
'use strict';

/** The binary electron-builder produced, named the way electron-builder names it per platform. */
async function electronBinaryPath(context) {
  // Imported, not required: the lint rules for this repository forbid require().
  const { join } = await import('node:path');
  const { electronPlatformName: platform, appOutDir, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (platform) {
    case 'darwin':
    case 'mas':
      // @electron/fuses finds the framework binary inside the bundle.
      return join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      // Linux executables are lower-case ("vigil"), unless the config names them.
      return join(appOutDir, packager.executableName ?? productFilename.toLowerCase());
    default:
      throw new Error(`after-pack: no Electron binary known for platform "${platform}"`);
  }
}

/** Vigil's fuse settings, keyed by the fuse numbers of the installed @electron/fuses. */
function fuseConfig(fuses, platform) {
  const { FuseVersion, FuseV1Options } = fuses;
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature of a macOS bundle; re-sign it ad hoc (real signing comes after).
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    // ELECTRON_RUN_AS_NODE would make the signed binary a Node that runs any script.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS and --inspect would let anyone at the desk inject code into main.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // The app code is the asar electron-builder hashed, and only that.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Cookies and local storage at rest are encrypted with the OS key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // The console is served from vigil://, so file:// pages need no extra powers.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** Flips the fuses with the given @electron/fuses module (tests pass one whose flipFuses is a spy). */
async function applyFuses(context, fuses) {
  const binary = await electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses, context.electronPlatformName));
  return binary;
}

async function afterPack(context) {
  // @electron/fuses is ES-module only.
  return applyFuses(context, await import('@electron/fuses'));
}

// electron-builder calls the export named like the hook.
exports.afterPack = afterPack;
exports.default = afterPack;
exports.applyFuses = applyFuses;
exports.fuseConfig = fuseConfig;
exports.electronBinaryPath = electronBinaryPath;
