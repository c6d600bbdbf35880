import { lstat, readFile, realpath } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export const mimeTypeFor = (path: string): string => MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Resolves a URL path to a file under root, or null when it would leave root
 * (../, encoded separators, NUL) or is not a file. Both shells serve the built
 * renderer through this.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  if (!full.startsWith(rootWithSep)) return null;
  try {
    // Regular files only, reached without any symbolic link on the way: a link placed in
    // the renderer folder must not serve files from elsewhere on the machine.
    const real = await realpath(full);
    if (real !== join(await realpath(root), relative)) return null;
    return (await lstat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

export const readStaticFile = (path: string) => readFile(path);
