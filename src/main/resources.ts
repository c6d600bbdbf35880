import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Electron adds resourcesPath to process; plain Node (web shell, tests) has none. */
function packagedResources(): string | null {
  return (process as { resourcesPath?: string }).resourcesPath ?? null;
}

/**
 * A file shipped in the repository's `resources/` folder, for both shells. A packaged
 * app carries it in process.resourcesPath (electron-builder's extraResources); the web
 * shell, `electron-vite preview` and tests find it above this module instead: the
 * build puts main in out/main (or out/main/chunks) and vitest runs it from src/main, so
 * the nearest ancestor holding `resources/<parts>` is the repository. Electron in
 * development also sets resourcesPath (to its own dist folder), so each place is
 * checked for the file rather than trusted.
 */
export function resourcePath(...parts: string[]): string {
  const packaged = packagedResources();
  if (packaged && existsSync(join(packaged, ...parts))) return join(packaged, ...parts);
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', ...parts);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`Vigil’s resource ${parts.join('/')} is missing from this installation`);
}
