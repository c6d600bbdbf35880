import type { HealthReason } from '../../shared/contract/cameras';

export interface UpstreamAuth {
  username: string | null;
  password: string | null;
}

export type Fetched =
  { ok: true; body: Buffer; contentType: string; url: string } | { ok: false; reason: HealthReason; detail: string };

function authorization(auth: UpstreamAuth): Record<string, string> {
  if (!auth.username) return {};
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
 * One GET to a camera or NVR, with Basic auth when it has credentials, a deadline
 * for the whole exchange, and a size cap so a hostile or broken server cannot
 * fill memory. Failures come back as a health reason, never as a throw.
 */
export async function fetchUpstream(
  url: string,
  auth: UpstreamAuth,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const res = await fetch(url, { headers: authorization(auth), signal, redirect: 'follow' });
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: reasonForStatus(res.status), detail: `HTTP ${res.status}` };
    }
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > limits.maxBytes || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'notHls', detail: `body too large (${declared} bytes)` };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      size += (chunk as Uint8Array).byteLength;
      // Leaving the loop cancels the stream.
      if (size > limits.maxBytes) return { ok: false, reason: 'notHls', detail: 'body too large' };
      chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return { ok: true, body: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? '', url: res.url };
  } catch (e) {
    return { ok: false, ...reasonForError(e) };
  }
}
