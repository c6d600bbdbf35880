import type { StreamName } from '../../shared/contract/cameras';

/** Where a segment's wall-clock start came from: the stream's EXT-X-PROGRAM-DATE-TIME, or when it was received. */
export type TimeSource = 'stream' | 'receipt';

/** One complete media segment as a supervisor received it, untouched (no re-encoding). */
export interface ReceivedSegment {
  cameraId: string;
  stream: StreamName;
  /** Wall-clock start, ms since the epoch. */
  startMs: number;
  timeSource: TimeSource;
  durationMs: number;
  ext: 'ts' | 'm4s' | 'mp4';
  /** The bytes fetched from an HLS source, or the file ffmpeg's remux wrote (it deletes its own name later). */
  body: { bytes: Buffer } | { path: string };
  /** Fragmented MP4: the initialization segment the bytes need; null for transport stream. */
  init: Buffer | null;
  /** Timestamps start afresh here (a restarted source, a discontinuity, missed segments before it). */
  discontinuity: boolean;
}

/**
 * What a stream's supervisor hands its segments to (the replay buffer), asked per
 * segment so turning recording on or off needs no restart. Supervisors fetch an HLS
 * source's segments only while it wants them.
 */
export interface SegmentTap {
  wants(cameraId: string, stream: StreamName): boolean;
  received(segment: ReceivedSegment): void;
  /** The stream's segments cannot be kept as they come (encrypted): said once per change. */
  unrecordable(cameraId: string, stream: StreamName, why: string | null): void;
}
