import { readFile } from 'node:fs/promises';
import { STREAMS, type StreamName } from '../../shared/contract/cameras';
import type { AuditEvent } from '../audit/audit.service';
import type { Refusal } from '../audit/refusals';
import type { Session } from '../rpc/sessions';
import type { AttachmentExt } from '../attachments/store';
import { notFound, plain, type MediaResponse } from './media-response';

/** What the media handler needs from the supervision: streams by camera. */
export interface MediaSource {
  has(cameraId: string, stream: StreamName): boolean;
  playlist(cameraId: string, stream: StreamName): Promise<MediaResponse>;
  segment(cameraId: string, stream: StreamName, name: string): Promise<MediaResponse>;
}

export interface MediaHandlerOptions {
  sessions: { byMediaKey(key: string): Session | undefined };
  roleOf(staffId: string): string | null;
  supervision: MediaSource;
  dataDir: string;
  audit: { record(event: AuditEvent): void; refused(refusal: Refusal): void };
  attachmentPath(dataDir: string, sha256: string, ext?: AttachmentExt): string;
  now?: () => number;
}

export type MediaHandler = (pathAfterMedia: string, method: string) => Promise<MediaResponse>;

// Sessions.open makes 24 random bytes, base64url: 32 characters.
const MEDIA_KEY = /^[A-Za-z0-9_-]{32}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MEDIA_FILE = /^(?:index\.m3u8|[a-z]{1,8}\d{1,20}\.(?:ts|m4s|mp4|aac|bin))$/;
const SNAPSHOT_FILE = /^([0-9a-f]{64})\.png$/;
/** Photos from disk: stored under the type sniffed from their bytes, so the extension names the content. */
const ATTACHMENT_FILE = /^([0-9a-f]{64})\.(jpg|png)$/;
const CONTENT_TYPES: Record<AttachmentExt, string> = { jpg: 'image/jpeg', png: 'image/png' };

const LIVE_AUDIT_MS = 10 * 60_000;

const forbidden = (): MediaResponse => plain(403, 'Forbidden');

/**
 * The one media path (DESIGN.md §4): <key>/<camera>/<stream>/<file>,
 * <key>/snapshots/<sha256>.png and <key>/attachments/<sha256>.(jpg|png). The key is the console's mediaKey, valid only while
 * its session is signed in, unlocked and its staff member active. Every path part
 * is checked against a strict pattern before anything is looked up.
 */
export function createMediaHandler(opts: MediaHandlerOptions): MediaHandler {
  const now = opts.now ?? Date.now;
  const liveReads = new Map<string, number>();

  const sweep = (map: Map<string, number>, maxAge: number) => {
    const t = now();
    for (const [k, at] of map) if (t - at > maxAge) map.delete(k);
  };

  // Counted per reason, not itemized per request: a flood of made-up keys cannot flood the log.
  // The key itself stays out of the log: it is a credential while its session lives.
  const refuse = (why: string): MediaResponse => {
    opts.audit.refused({ source: 'media', reason: why, staffId: null, subject: 'media', detail: why });
    return forbidden();
  };

  const staffFor = (key: string): string | null => {
    const session = opts.sessions.byMediaKey(key);
    if (!session?.staffId || session.locked || opts.roleOf(session.staffId) === null) return null;
    return session.staffId;
  };

  const auditLiveRead = (key: string, staffId: string, cameraId: string, stream: StreamName) => {
    const mark = `${key}/${cameraId}`;
    const last = liveReads.get(mark);
    if (last !== undefined && now() - last < LIVE_AUDIT_MS) return;
    if (liveReads.size > 1000) sweep(liveReads, LIVE_AUDIT_MS);
    liveReads.set(mark, now());
    opts.audit.record({
      staffId,
      action: 'read',
      subject: 'camera',
      recordId: cameraId,
      detail: `live video (${stream})`,
    });
  };

  return async (pathAfterMedia, method) => {
    if (method !== 'GET' && method !== 'HEAD')
      return { ...plain(405, 'Method not allowed'), headers: { Allow: 'GET, HEAD' } };
    const parts = pathAfterMedia.replace(/^\//, '').split('/');
    const key = parts[0] ?? '';
    if (!MEDIA_KEY.test(key)) return refuse('media request without a valid key');
    const staffId = staffFor(key);
    if (!staffId) return refuse('media key of no signed-in, unlocked session');

    let res: MediaResponse;
    if (parts.length === 3 && parts[1] === 'snapshots') {
      const sha = SNAPSHOT_FILE.exec(parts[2]!)?.[1];
      if (!sha) return notFound();
      const body = await readFile(opts.attachmentPath(opts.dataDir, sha)).catch(() => null);
      if (!body) return notFound();
      opts.audit.record({ staffId, action: 'read', subject: 'snapshot', detail: sha });
      res = { status: 200, headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }, body };
    } else if (parts.length === 3 && parts[1] === 'attachments') {
      const match = ATTACHMENT_FILE.exec(parts[2]!);
      if (!match) return notFound();
      const [, sha, ext] = match as unknown as [string, string, AttachmentExt];
      const body = await readFile(opts.attachmentPath(opts.dataDir, sha, ext)).catch(() => null);
      if (!body) return notFound();
      opts.audit.record({ staffId, action: 'read', subject: 'attachment', detail: `${sha}.${ext}` });
      res = { status: 200, headers: { 'Content-Type': CONTENT_TYPES[ext], 'Cache-Control': 'no-store' }, body };
    } else if (parts.length === 4) {
      const [, cameraId, stream, file] = parts as [string, string, string, string];
      if (!UUID_V7.test(cameraId) || !(STREAMS as readonly string[]).includes(stream) || !MEDIA_FILE.test(file)) {
        return notFound();
      }
      const name = stream as StreamName;
      if (!opts.supervision.has(cameraId, name)) return notFound();
      if (file === 'index.m3u8') {
        auditLiveRead(key, staffId, cameraId, name);
        res = await opts.supervision.playlist(cameraId, name);
      } else {
        res = await opts.supervision.segment(cameraId, name, file);
      }
    } else {
      return notFound();
    }
    return method === 'HEAD' ? { ...res, body: null } : res;
  };
}
