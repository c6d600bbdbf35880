import type { HealthReason, HealthState, StreamHealth, StreamName, VideoCodec } from '../../shared/contract/cameras';

/** The tile's sentence for each reason: plain words for a desk assistant, no URLs, no secrets. */
export const REASON_MESSAGES: Record<HealthReason, string> = {
  refused: 'The camera refused the connection',
  notFound: 'The camera address was not found (404)',
  unauthorized: 'Wrong user name or password (401/403)',
  notHls: 'The address did not answer with a video playlist (not HLS)',
  emptyPlaylist: 'The camera sent a playlist with no video in it',
  timeout: 'The camera did not answer in time',
  noNewSegments: 'No new video from the camera',
  ffmpegMissing: 'This camera needs ffmpeg, which was not found on this computer',
  codecUnsupported: 'The camera’s video format cannot be shown (codec not supported)',
  sourceEnded: 'The camera ended the stream',
  unreachable: 'The camera could not be reached',
};

/** Stalled after this many target durations without a new segment (DESIGN.md §4). */
export const STALL_FACTOR = 3;

/**
 * One stream's health, shared by both supervisor kinds: they report what they
 * observe (a new segment, a failure) and this decides the state, arms the stall
 * timer and emits each change.
 */
export class HealthTracker {
  private current: StreamHealth;
  private stallTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    cameraId: string,
    stream: StreamName,
    private readonly emit: (h: StreamHealth) => void,
  ) {
    this.current = {
      cameraId,
      stream,
      state: 'connecting',
      reason: null,
      message: null,
      lastSegmentAt: null,
      targetDuration: null,
      codec: null,
      since: new Date().toISOString(),
    };
  }

  get health(): StreamHealth {
    return this.current;
  }

  get state(): HealthState {
    return this.current.state;
  }

  connecting(): void {
    if (this.current.state === 'connecting') return;
    this.set({ state: 'connecting' });
  }

  /** A segment not seen before appeared: live, and the stall clock starts again. */
  segmentSeen(targetDuration: number | null): void {
    const now = Date.now();
    const td = targetDuration ?? this.current.targetDuration;
    this.armStall(td);
    if (this.current.state !== 'live' || td !== this.current.targetDuration) {
      this.set({ state: 'live', targetDuration: td, lastSegmentAt: new Date(now).toISOString() });
    } else {
      // Kept current for health() readers and for the event that reports the stream
      // stalled or offline (the tile counts seconds from it), but not pushed on every
      // segment: sixteen live streams would re-render the whole wall ~16 times a second.
      this.current = { ...this.current, lastSegmentAt: new Date(now).toISOString() };
    }
  }

  /** The stream's codec as read from its bytes: pushed when it is first known or changes. */
  codecSeen(codec: VideoCodec | null): void {
    if (codec === null || codec === this.current.codec) return;
    this.set({ codec });
  }

  /** No segment for 3× the target duration, or the source answers again with only old ones. */
  noNewSegments(): void {
    if (this.current.state === 'stalled') return;
    this.clearStall();
    this.set({ state: 'stalled', reason: 'noNewSegments', message: REASON_MESSAGES.noNewSegments });
  }

  failed(reason: HealthReason): void {
    this.clearStall();
    if (this.current.state === 'offline' && this.current.reason === reason) return;
    this.set({ state: 'offline', reason, message: REASON_MESSAGES[reason] });
  }

  stop(): void {
    this.stopped = true;
    this.clearStall();
  }

  private armStall(targetDuration: number | null): void {
    this.clearStall();
    // Until the playlist says, assume the common NVR segment length.
    const ms = STALL_FACTOR * (targetDuration ?? 2) * 1000;
    this.stallTimer = setTimeout(() => this.noNewSegments(), ms);
    this.stallTimer.unref();
  }

  private clearStall(): void {
    if (this.stallTimer) clearTimeout(this.stallTimer);
    this.stallTimer = null;
  }

  private set(change: Partial<StreamHealth>): void {
    if (this.stopped) return;
    const stateChanged = change.state !== undefined && change.state !== this.current.state;
    this.current = {
      ...this.current,
      ...change,
      ...(change.state === 'live' || change.state === 'connecting' ? { reason: null, message: null } : {}),
      ...(stateChanged ? { since: new Date().toISOString() } : {}),
    };
    this.emit(this.current);
  }
}
