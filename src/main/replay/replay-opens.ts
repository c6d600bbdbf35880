import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { looksLikeTransportStream } from '../cameras/transport-stream';
import { notFound, playlistResponse, segmentResponse, type MediaResponse } from '../cameras/media-response';
import type { ReplayMedia } from '../cameras/media';
import type { Session } from '../rpc/sessions';
import { endOf, gapTolerance, type RecordedSegment } from './segment-index';

/** An open replay lives this long after its last request; a console keeps a few at most. */
const OPEN_TTL_MS = 2 * 60 * 60_000;
const OPENS_PER_SESSION = 6;
const EARLY_KEPT_MS = 10_000;

interface Open {
  sessionId: string;
  cameraId: string;
  text: string;
  /** File name → the segment it is (init files map to null). */
  files: Map<string, RecordedSegment | null>;
  /** The segment replay starts in (and its init file), read from disk while the answer travels. */
  early: Map<string, Promise<Buffer | null>>;
  usedAt: number;
}

/** What serving an open needs of the buffer: where a file is, and dropping one found damaged. */
export interface OpenFiles {
  pathOf(cameraId: string, file: string): string;
  discard(cameraId: string, file: string): void;
}

/**
 * A VOD playlist of recorded segments: each with its wall-clock time
 * (EXT-X-PROGRAM-DATE-TIME), a discontinuity wherever timestamps start afresh (a gap,
 * a restarted source, a new initialization segment), ENDLIST. Gaps take no time in
 * the player's timeline; the wall-clock tags let it say where it is.
 */
export function replayPlaylist(segments: readonly RecordedSegment[]): string {
  const target = Math.max(1, ...segments.map((s) => Math.ceil(s.durationMs / 1000)));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  let init: string | null = null;
  segments.forEach((s, i) => {
    const before = segments[i - 1];
    const gap = before !== undefined && s.startMs - endOf(before) > gapTolerance(before, s);
    if (before && (gap || s.discontinuity || s.init !== init)) lines.push('#EXT-X-DISCONTINUITY');
    if (s.init !== init && s.init) lines.push(`#EXT-X-MAP:URI="${s.init}"`);
    init = s.init;
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(s.startMs).toISOString()}`);
    lines.push(`#EXTINF:${(s.durationMs / 1000).toFixed(3)},`);
    lines.push(s.file);
  });
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}

/**
 * Replays opened by consoles: each open is one audited read (replay.open) and serves
 * only the files of its own playlist, only to the console that opened it, through the
 * one media path. A file found missing or damaged when asked for is dropped from the
 * buffer and answered 404: the player skips it as a gap.
 */
export class ReplayOpens implements ReplayMedia {
  private readonly opens = new Map<string, Open>();

  constructor(private readonly buffer: OpenFiles) {}

  /**
   * Registers a replay of these segments for a console; returns its id (the media path
   * names it) and its playlist, which the console is handed at once instead of asking for.
   * The segment holding `startMs` is read now, so the player's first request is answered
   * from memory: it is the one request between R and the first frame of the past.
   */
  open(
    session: Session,
    cameraId: string,
    segments: readonly RecordedSegment[],
    startMs?: number,
  ): { id: string; text: string } {
    this.sweep(session.id);
    const id = randomBytes(16).toString('base64url');
    const files = new Map<string, RecordedSegment | null>();
    for (const s of segments) {
      files.set(s.file, s);
      if (s.init) files.set(s.init, null);
    }
    const text = replayPlaylist(segments);
    const early = new Map<string, Promise<Buffer | null>>();
    const first = startMs === undefined ? undefined : segments.findLast((s) => s.startMs <= startMs);
    for (const file of first ? [first.init, first.file] : []) {
      if (file) early.set(file, this.read(cameraId, file));
    }
    // Not held for a console that never asks (it closed replay at once); see sweep too.
    setTimeout(() => early.clear(), EARLY_KEPT_MS).unref();
    this.opens.set(id, { sessionId: session.id, cameraId, text, files, early, usedAt: Date.now() });
    return { id, text };
  }

  playlist(openId: string, session: Session): MediaResponse {
    const open = this.mine(openId, session);
    return open ? playlistResponse(open.text) : notFound();
  }

  async file(openId: string, session: Session, file: string): Promise<MediaResponse> {
    const open = this.mine(openId, session);
    if (!open || !open.files.has(file)) return notFound();
    const segment = open.files.get(file)!;
    const early = open.early.get(file);
    open.early.delete(file);
    const body = await (early ?? this.read(open.cameraId, file));
    const damaged =
      body === null ||
      (segment !== null &&
        (body.length !== segment.bytes || (file.endsWith('.ts') && !looksLikeTransportStream(body))));
    if (damaged) {
      if (segment) this.buffer.discard(open.cameraId, file);
      return notFound();
    }
    return file.endsWith('.ts')
      ? segmentResponse(file, body)
      : { status: 200, headers: { 'Content-Type': 'video/mp4', 'Cache-Control': 'no-store' }, body };
  }

  private read(cameraId: string, file: string): Promise<Buffer | null> {
    return readFile(this.buffer.pathOf(cameraId, file)).catch(() => null);
  }

  private mine(openId: string, session: Session): Open | undefined {
    const open = this.opens.get(openId);
    if (!open || open.sessionId !== session.id) return undefined;
    open.usedAt = Date.now();
    return open;
  }

  /**
   * Forgets expired opens, and this console's oldest beyond the few it may hold. A
   * console's older opens give up their early reads: only the newest one's first
   * request is on the way to a picture, so main holds one start segment per console.
   */
  private sweep(sessionId: string): void {
    const now = Date.now();
    const mine: [string, Open][] = [];
    for (const [id, o] of this.opens) {
      if (now - o.usedAt > OPEN_TTL_MS) this.opens.delete(id);
      else if (o.sessionId === sessionId) {
        o.early.clear();
        mine.push([id, o]);
      }
    }
    mine.sort((a, b) => a[1].usedAt - b[1].usedAt);
    while (mine.length >= OPENS_PER_SESSION) this.opens.delete(mine.shift()![0]);
  }
}
