import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface FindFfmpegOptions {
  /** The path an administrator set, if any. */
  setting?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Electron's process.resourcesPath: a packaged app may carry its own ffmpeg there. */
  resourcesPath?: string | null;
  platform?: NodeJS.Platform;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Electron adds resourcesPath to process; plain Node (web shell, tests) has none. */
function defaultResourcesPath(): string | null {
  return (process as { resourcesPath?: string }).resourcesPath ?? null;
}

/**
 * ffmpeg in the order DESIGN.md §4 gives: the setting, VIGIL_FFMPEG, bundled in
 * resources, PATH. A candidate that is not an executable file is skipped, so a
 * stale setting falls back to a working ffmpeg instead of disabling RTSP cameras.
 * Null when none is found: RTSP cameras then say so, HLS cameras still work.
 */
export function findFfmpeg(opts: FindFfmpegOptions = {}): string | null {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const exe = platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg';
  const resources = opts.resourcesPath === undefined ? defaultResourcesPath() : opts.resourcesPath;
  const candidates = [
    opts.setting?.trim() || null,
    env.VIGIL_FFMPEG?.trim() || null,
    resources ? join(resources, 'ffmpeg', exe) : null,
    ...(env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => dir !== '')
      .map((dir) => join(dir, exe)),
  ];
  for (const candidate of candidates) if (candidate && isExecutableFile(candidate)) return candidate;
  return null;
}
