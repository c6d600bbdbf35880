import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamHealth, StreamName } from '../../shared/contract/cameras';
import { notFound, type MediaResponse } from './media-response';
import type { SegmentTap } from './segment-tap';
import type { StreamSource } from './sources';
import { HlsSupervisor } from './supervisor-hls';
import { RtspSupervisor } from './supervisor-rtsp';
import type { Log, Supervisor } from './supervisor';
import type { BackoffLimits } from './backoff';

export interface CameraSupervisionOptions {
  dataDir: string;
  ffmpegPath: string | null;
  onHealth(h: StreamHealth): void;
  log: Log;
  /** Reconnect delays; the defaults suit the desk, tests shorten them. */
  backoff?: BackoffLimits;
}

const keyOf = (cameraId: string, stream: StreamName) => `${cameraId}/${stream}`;
/** Everything that makes a supervisor connect differently: a change restarts it. */
const fingerprint = (s: StreamSource) => JSON.stringify([s.kind, s.url, s.username, s.password]);

/** One supervisor per enabled camera stream, kept in step with the registry by sync(). */
export class CameraSupervision {
  private readonly supervisors = new Map<string, Supervisor>();
  /** Stops under way, per stream: a replacement waits for its predecessor's ffmpeg to exit. */
  private readonly stopping = new Map<string, Promise<void>>();
  private closed = false;
  private started = false;
  private tap: SegmentTap | null = null;

  /**
   * Nothing happens until the first sync: a process that opens the same data folder
   * without supervising (a tool, a test's writer) must not touch the live folder.
   */
  constructor(private readonly opts: CameraSupervisionOptions) {}

  private get liveDir(): string {
    return join(this.opts.dataDir, 'live');
  }

  /** Starts new sources, stops removed ones, restarts changed ones. */
  sync(sources: readonly StreamSource[]): void {
    if (this.closed) return;
    if (!this.started) {
      this.started = true;
      // Segments left by a crash are camera images nobody will serve: gone before anything starts.
      rmSync(this.liveDir, { recursive: true, force: true });
    }
    const wanted = new Map(sources.map((s) => [keyOf(s.cameraId, s.stream), s]));
    for (const [key, sup] of this.supervisors) {
      const next = wanted.get(key);
      if (!next || fingerprint(next) !== fingerprint(sup.source)) this.retire(key, sup);
    }
    for (const [key, source] of wanted) {
      if (this.supervisors.has(key)) continue;
      const sup = this.create(source);
      this.supervisors.set(key, sup);
      const before = this.stopping.get(key);
      if (before) void before.then(() => this.supervisors.get(key) === sup && sup.start());
      else sup.start();
    }
  }

  /** Hands every stream's new segments to the replay buffer from now on. */
  setTap(tap: SegmentTap): void {
    this.tap = tap;
  }

  health(cameraId?: string): StreamHealth[] {
    return [...this.supervisors.values()]
      .filter((s) => cameraId === undefined || s.source.cameraId === cameraId)
      .map((s) => s.health());
  }

  /** Whether a camera has any supervised stream (the media handler serves nothing else). */
  has(cameraId: string, stream: StreamName): boolean {
    return this.supervisors.has(keyOf(cameraId, stream));
  }

  playlist(cameraId: string, stream: StreamName): Promise<MediaResponse> {
    return this.supervisors.get(keyOf(cameraId, stream))?.playlist() ?? Promise.resolve(notFound());
  }

  /**
   * Blocking playlist reload: true once segment `msn` is in the stream's playlist;
   * false after three target durations (1.5–6 s), or at once for a stream not supervised.
   */
  awaitSegment(cameraId: string, stream: StreamName, msn: number): Promise<boolean> {
    const sup = this.supervisors.get(keyOf(cameraId, stream));
    if (!sup) return Promise.resolve(false);
    const td = sup.health().targetDuration ?? 2;
    return sup.awaitSegment(msn, Math.min(6_000, Math.max(1_500, 3_000 * td)));
  }

  segment(cameraId: string, stream: StreamName, name: string): Promise<MediaResponse> {
    return this.supervisors.get(keyOf(cameraId, stream))?.segment(name) ?? Promise.resolve(notFound());
  }

  /** Stops every supervisor; resolves once every ffmpeg has exited. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [key, sup] of this.supervisors) this.retire(key, sup);
    await Promise.all(this.stopping.values());
  }

  private create(source: StreamSource): Supervisor {
    if (source.kind === 'hls') return new HlsSupervisor(source, this.opts.onHealth, this.opts.backoff, () => this.tap);
    return new RtspSupervisor(source, {
      dir: join(this.liveDir, source.cameraId, source.stream),
      ffmpegPath: this.opts.ffmpegPath,
      onHealth: this.opts.onHealth,
      log: this.opts.log,
      backoff: this.opts.backoff,
      tap: () => this.tap,
    });
  }

  private retire(key: string, sup: Supervisor): void {
    this.supervisors.delete(key);
    const previous = this.stopping.get(key) ?? Promise.resolve();
    const done = previous
      .then(() => sup.stop())
      .catch((e: unknown) => this.opts.log(`camera ${key}: stopping failed`, e))
      .finally(() => {
        if (this.stopping.get(key) === done) this.stopping.delete(key);
      });
    this.stopping.set(key, done);
  }
}
