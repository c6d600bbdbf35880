import type { HealthReason } from '../../shared/contract/cameras';

/**
 * A camera's credentials and the one origin (scheme, host, port) they may be sent
 * to: that of the address its administrator configured. Playlists and redirects
 * name other hosts; those get nothing.
 */
export interface UpstreamAuth {
  /** `new URL(configuredAddress).origin`. */
  origin: string;
  username: string | null;
  password: string | null;
}

export type Fetched =
  { ok: true; body: Buffer; contentType: string; url: string } | { ok: false; reason: HealthReason; detail: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Hops after the first request; a loop or a long chain ends here instead of at undici's 20. */
const MAX_REDIRECTS = 5;

/** The Authorization header for one hop: only when that hop's own origin is the configured one. */
function authorization(url: URL, auth: UpstreamAuth): Record<string, string> {
  if (!auth.username || url.origin !== auth.origin) return {};
  const token = Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64');
  return { Authorization: `Basic ${token}` };
}

function reasonForError(e: unknown): { reason: HealthReason; detail: string } {
  const err = e as { name?: string; cause?: { code?: string; name?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.cause?.name === 'TimeoutError') {
    return { reason: 'timeout', detail: 'timed out' };
  }
  const code = err.cause?.code ?? '';
  if (code === 'ECONNREFUSED') return { reason: 'refused', detail: code };
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return { reason: 'timeout', detail: code };
  }
  return { reason: 'unreachable', detail: code || err.name || 'error' };
}

function reasonForStatus(status: number): HealthReason {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'notFound';
  return 'unreachable';
}

/**
 * One GET to a camera or NVR, with Basic auth on every hop at the camera's own
 * origin and on no other, a deadline for the whole exchange redirects included, and
 * a size cap so a hostile or broken server cannot fill memory. Redirects are
 * followed here rather than by fetch, which would decide alone where the header
 * goes. Each hop is judged by its own address: a chain that leaves the camera and
 * comes back to it carries the password again on the way back (the configured
 * origin is trusted whoever links to it). Failures come back as a health reason,
 * never as a throw.
 */
export async function fetchUpstream(
  url: string,
  auth: UpstreamAuth,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    let hop = new URL(url);
    for (let redirects = 0; ; redirects++) {
      // Only HTTP: a Location may name any scheme, and an opaque origin is "null" on both sides.
      if (hop.protocol !== 'http:' && hop.protocol !== 'https:') {
        return { ok: false, reason: 'unreachable', detail: `not HTTP (${hop.protocol})` };
      }
      const res = await fetch(hop, { headers: authorization(hop, auth), signal, redirect: 'manual' });
      const location = REDIRECTS.has(res.status) ? res.headers.get('location') : null;
      if (location !== null) {
        await res.body?.cancel().catch(() => undefined);
        if (redirects === MAX_REDIRECTS) return { ok: false, reason: 'unreachable', detail: 'too many redirects' };
        hop = new URL(location, hop);
        continue;
      }
      return await readBody(res, hop.toString(), limits.maxBytes);
    }
  } catch (e) {
    return { ok: false, ...reasonForError(e) };
  }
}

/** The final answer's body, within the size cap; `url` is where it came from, for resolving relative URIs. */
async function readBody(res: Response, url: string, maxBytes: number): Promise<Fetched> {
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: reasonForStatus(res.status), detail: `HTTP ${res.status}` };
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'notHls', detail: `body too large (${declared} bytes)` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Uint8Array).byteLength;
    // Leaving the loop cancels the stream.
    if (size > maxBytes) return { ok: false, reason: 'notHls', detail: 'body too large' };
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return { ok: true, body: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? '', url };
}
