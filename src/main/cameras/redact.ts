/**
 * Removes credentials from anything that may hold a camera URL (ffmpeg's stderr
 * echoes the input URL): rtsp://user:pass@host → rtsp://***@host. Also query
 * parameters that commonly carry secrets on NVRs.
 */
export function redactCredentials(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@')
    .replace(/([?&](?:password|passwd|pwd|pass|user|username|token|auth)=)[^&\s]*/gi, '$1***');
}

/** A URL with its user name and password moved out, for fetch (which refuses URLs carrying them). */
export function splitCredentials(url: string): { url: string; username: string | null; password: string | null } {
  const u = new URL(url);
  const username = u.username ? decodeURIComponent(u.username) : null;
  const password = u.password ? decodeURIComponent(u.password) : null;
  u.username = '';
  u.password = '';
  return { url: u.toString(), username, password };
}

/** The URL with credentials inside, the only form ffmpeg takes them in for RTSP (given on stdin: remux.ts). */
export function withCredentials(url: string, username: string | null, password: string | null): string {
  if (!username) return url;
  const u = new URL(url);
  u.username = encodeURIComponent(username);
  u.password = password ? encodeURIComponent(password) : '';
  return u.toString();
}
