import type { RecordedSegment } from './segment-index';

/**
 * A recorded segment's file name is its index entry: start (ms since the epoch),
 * length (ms), size in bytes, how the start was known (s: the stream's program date time, r: time
 * of receipt), d when timestamps start afresh, and for fragmented MP4 the short
 * hash of its initialization segment. Written under a temp name and renamed, so a
 * name that exists names a whole segment; a restart lists the folder and has the
 * index back without a database write per segment.
 */
const SEGMENT = /^(\d{12,14})-(\d{1,7})-(\d{1,10})-([sr])(d?)(?:-([0-9a-f]{16}))?\.(ts|m4s|mp4)$/;
const INIT = /^init-([0-9a-f]{16})\.mp4$/;

export function segmentFileName(s: Omit<RecordedSegment, 'file' | 'init'>, ext: string, initHash: string | null) {
  const flags = `${s.timeSource === 'receipt' ? 'r' : 's'}${s.discontinuity ? 'd' : ''}`;
  const init = initHash ? `-${initHash}` : '';
  return `${Math.round(s.startMs)}-${Math.round(s.durationMs)}-${s.bytes}-${flags}${init}.${ext}`;
}

export const initFileName = (hash: string) => `init-${hash}.mp4`;

/** The segment a file name describes, or null for anything else in the folder (temp files, inits). */
export function parseSegmentFileName(file: string): RecordedSegment | null {
  const m = SEGMENT.exec(file);
  if (!m) return null;
  const [, start, duration, bytes, source, discontinuity, init] = m;
  return {
    startMs: Number(start),
    durationMs: Number(duration),
    timeSource: source === 'r' ? 'receipt' : 'stream',
    discontinuity: discontinuity === 'd',
    file,
    init: init ? initFileName(init) : null,
    bytes: Number(bytes),
  };
}

export const isInitFileName = (file: string) => INIT.test(file);

/** Names a player or ffmpeg may be given: segment and init names only, nothing with a path in it. */
export const isRecordingFileName = (file: string) => SEGMENT.test(file) || INIT.test(file);
