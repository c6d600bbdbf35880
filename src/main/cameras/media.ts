import { open, readFile } from 'node:fs/promises';
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

/** What the media handler needs from replay: an open replay's playlist and files, for the session that opened it. */
export interface ReplayMedia {
  playlist(openId: string, session: Session): MediaResponse;
  file(openId: string, session: Session, file: string): Promise<MediaResponse>;
}

export interface MediaHandlerOptions {
  sessions: { byMediaKey(key: string): Session | undefined };
  roleOf(staffId: string): string | null;
  supervision: MediaSource;
  /** Recorded video: every replay is opened (and audited) through the contract first. */
  replay?: ReplayMedia;
  dataDir: string;
  /**
   * Evidence clips by their file's SHA-256 (or their poster's): the poster's hash, and
   * the filed reports the clip is on, whose "who has seen this" a view of it joins.
   */
  clips?: {
    bySha(sha256: string): { posterSha256: string | null; reportIds: string[] } | undefined;
    byPoster(posterSha256: string): { reportIds: string[] } | undefined;
  };
  audit: { record(event: AuditEvent): void; refused(refusal: Refusal): void };
  attachmentPath(dataDir: string, sha256: string, ext?: AttachmentExt): string;
  now?: () => number;
}

/** `range`: the request's Range header, for video files a player reads in parts. */
export type MediaHandler = (pathAfterMedia: string, method: string, range?: string | null) => Promise<MediaResponse>;

// Sessions.open makes 24 random bytes, base64url: 32 characters.
const MEDIA_KEY = /^[A-Za-z0-9_-]{32}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MEDIA_FILE = /^(?:index\.m3u8|[a-z]{1,8}\d{1,20}\.(?:ts|m4s|mp4|aac|bin))$/;
const SNAPSHOT_FILE = /^([0-9a-f]{64})\.png$/;
/** Photos from disk: stored under the type sniffed from their bytes, so the extension names the content. */
const ATTACHMENT_FILE = /^([0-9a-f]{64})\.(jpg|png)$/;
const CLIP_FILE = /^([0-9a-f]{64})\.mp4$/;
/** A clip's poster named by the clip's own hash: the poster is made just after the clip, so its hash comes later. */
const CLIP_POSTER_FILE = /^([0-9a-f]{64})\.jpg$/;
const POSTER_FILE = /^([0-9a-f]{64})\.jpg$/;
const REPLAY_ID = /^[A-Za-z0-9_-]{22}$/;
const REPLAY_FILE = /^(?:index\.m3u8|[0-9a-z-]{10,80}\.(?:ts|m4s|mp4))$/;
const CONTENT_TYPES: Record<AttachmentExt, string> = { jpg: 'image/jpeg', png: 'image/png', mp4: 'video/mp4' };

const LIVE_AUDIT_MS = 10 * 60_000;
/** A player reads a clip in parts; each answer holds at most this much. */
const RANGE_CHUNK = 4 * 1024 * 1024;

/** Part of a file for a Range request (bytes=a-b, a-, -n), or the whole file; 416 when the range is outside it. */
async function videoFile(path: string, method: string, range: string | null | undefined): Promise<MediaResponse> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return notFound();
  try {
    const size = (await file.stat()).size;
    const headers = { 'Content-Type': 'video/mp4', 'Cache-Control': 'no-store', 'Accept-Ranges': 'bytes' };
    const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
    let start = 0;
    let end = size - 1;
    if (m && (m[1] || m[2])) {
      if (m[1]) {
        start = Number(m[1]);
        end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      } else {
        start = Math.max(0, size - Number(m[2]));
      }
      if (start >= size || start > end) {
        return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` }, body: null };
      }
      end = Math.min(end, start + RANGE_CHUNK - 1);
    }
    const partial = start > 0 || end < size - 1;
    const length = end - start + 1;
    const body = Buffer.alloc(method === 'HEAD' ? 0 : length);
    if (method !== 'HEAD') await file.read(body, 0, length, start);
    return {
      status: partial ? 206 : 200,
      headers: {
        ...headers,
        'Content-Length': String(length),
        ...(partial ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
      },
      body,
    };
  } finally {
    await file.close();
  }
}

const forbidden = (): MediaResponse => plain(403, 'Forbidden');

/**
 * The one media path (DESIGN.md §4): <key>/<camera>/<stream>/<file> (live),
 * <key>/replay/<open>/<file> (recorded video, opened through replay.open),
 * <key>/clips/<sha256>.mp4, its poster <key>/clips/<sha256>.jpg (or <key>/posters/<poster sha256>.jpg),
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

  /** Once per console and thing read per ten minutes: a player's many requests for one video are one read. */
  const auditOnce = (mark: string, event: Parameters<MediaHandlerOptions['audit']['record']>[0]) => {
    const last = liveReads.get(mark);
    if (last !== undefined && now() - last < LIVE_AUDIT_MS) return;
    if (liveReads.size > 1000) sweep(liveReads, LIVE_AUDIT_MS);
    liveReads.set(mark, now());
    opts.audit.record(event);
  };

  /**
   * A view of a clip (or its poster), once per console and file per ten minutes: one
   * entry per filed report the clip is on (so "who has seen this report" includes it),
   * or one naming the file alone while it is on a draft only.
   */
  const auditClipView = (key: string, staffId: string, what: string, file: string, reportIds: () => string[]) => {
    const mark = `${key}/${what}/${file}`;
    const last = liveReads.get(mark);
    if (last !== undefined && now() - last < LIVE_AUDIT_MS) return;
    const reports = reportIds();
    if (reports.length === 0) return auditOnce(mark, { staffId, action: 'read', subject: what, detail: file });
    liveReads.set(mark, now());
    for (const recordId of reports) {
      opts.audit.record({ staffId, action: 'read', subject: what, recordId, detail: file });
    }
  };

  const auditLiveRead = (key: string, staffId: string, cameraId: string, stream: StreamName) =>
    auditOnce(`${key}/${cameraId}`, {
      staffId,
      action: 'read',
      subject: 'camera',
      recordId: cameraId,
      detail: `live video (${stream})`,
    });

  return async (pathAfterMedia, method, range) => {
    if (method !== 'GET' && method !== 'HEAD')
      return { ...plain(405, 'Method not allowed'), headers: { Allow: 'GET, HEAD' } };
    const parts = pathAfterMedia.replace(/^\//, '').split('/');
    const key = parts[0] ?? '';
    if (!MEDIA_KEY.test(key)) return refuse('media request without a valid key');
    const staffId = staffFor(key);
    if (!staffId) return refuse('media key of no signed-in, unlocked session');

    let res: MediaResponse;
    if (parts.length === 4 && parts[1] === 'replay') {
      const [, , openId, file] = parts as [string, string, string, string];
      const session = opts.sessions.byMediaKey(key)!;
      if (!opts.replay || !REPLAY_ID.test(openId) || !REPLAY_FILE.test(file)) return notFound();
      // The replay's open was audited when the person opened it (replay.open): its files are that read.
      res =
        file === 'index.m3u8' ? opts.replay.playlist(openId, session) : await opts.replay.file(openId, session, file);
    } else if (parts.length === 3 && parts[1] === 'clips' && CLIP_POSTER_FILE.test(parts[2]!)) {
      // The clip's poster frame, by the clip's hash: 404 until it has been made.
      const sha = CLIP_POSTER_FILE.exec(parts[2]!)![1]!;
      const clip = opts.clips?.bySha(sha);
      if (!clip?.posterSha256) return notFound();
      const body = await readFile(opts.attachmentPath(opts.dataDir, clip.posterSha256, 'jpg')).catch(() => null);
      if (!body) return notFound();
      auditClipView(key, staffId, 'clip poster', `${clip.posterSha256}.jpg`, () => clip.reportIds);
      res = { status: 200, headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'no-store' }, body };
    } else if (parts.length === 3 && parts[1] === 'clips') {
      const sha = CLIP_FILE.exec(parts[2]!)?.[1];
      if (!sha) return notFound();
      res = await videoFile(opts.attachmentPath(opts.dataDir, sha, 'mp4'), method, range);
      if (res.status === 404) return res;
      auditClipView(key, staffId, 'clip', `${sha}.mp4`, () => opts.clips?.bySha(sha)?.reportIds ?? []);
      return res;
    } else if (parts.length === 3 && parts[1] === 'posters') {
      const sha = POSTER_FILE.exec(parts[2]!)?.[1];
      if (!sha) return notFound();
      const body = await readFile(opts.attachmentPath(opts.dataDir, sha, 'jpg')).catch(() => null);
      if (!body) return notFound();
      auditClipView(key, staffId, 'clip poster', `${sha}.jpg`, () => opts.clips?.byPoster(sha)?.reportIds ?? []);
      res = { status: 200, headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'no-store' }, body };
    } else if (parts.length === 3 && parts[1] === 'snapshots') {
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
