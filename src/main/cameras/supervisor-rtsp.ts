import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StreamHealth } from '../../shared/contract/cameras';
import { Backoff, type BackoffLimits } from './backoff';
import { stopChild, TailLines } from './child';
import { reasonFromFfmpeg } from './ffmpeg-errors';
import { HealthTracker, REASON_MESSAGES } from './health';
import { notFound, plain, playlistResponse, segmentResponse, type MediaResponse } from './media-response';
import { newestSegmentKey, parsePlaylist, withoutEndList } from './playlist';
import { redactCredentials } from './redact';
import { remuxArgs, remuxInput } from './remux';
import { LookTimer, SegmentClock } from './segment-clock';
import type { StreamSource } from './sources';
import type { Log, Supervisor } from './supervisor';

const WATCH_MS = 500;
const SEGMENT_NAME = /^seg\d{1,20}\.ts$/;

export interface RtspSupervisorOptions {
  /** <dataDir>/live/<cameraId>/<stream>: ffmpeg's output, cleared at each start. */
  dir: string;
  ffmpegPath: string | null;
  onHealth(h: StreamHealth): void;
  log: Log;
  backoff?: BackoffLimits;
}

/**
 * An RTSP camera remuxed to HLS by ffmpeg (-c copy). Health comes from new
 * segments appearing in ffmpeg's playlist and, when ffmpeg exits, from its stderr.
 * ffmpeg is restarted with capped backoff, and always awaited on stop.
 */
export class RtspSupervisor implements Supervisor {
  private readonly tracker: HealthTracker;
  private readonly backoff: Backoff;
  private readonly stderr = new TailLines();
  private child: ChildProcess | null = null;
  private readonly clock = new SegmentClock();
  private readonly watchTimer = new LookTimer(() => void this.watch());
  private watching = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastKey: string | null = null;
  private stopped = false;

  constructor(
    readonly source: StreamSource,
    private readonly opts: RtspSupervisorOptions,
  ) {
    this.tracker = new HealthTracker(source.cameraId, source.stream, opts.onHealth);
    this.backoff = new Backoff(opts.backoff);
  }

  health(): StreamHealth {
    return this.tracker.health;
  }

  /** The running ffmpeg's process id, for tests and figures. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  start(): void {
    if (!this.opts.ffmpegPath) return this.tracker.failed('ffmpegMissing');
    this.launch(this.opts.ffmpegPath);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.tracker.stop();
    this.watchTimer.cancel();
    this.clock.close();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.child) await stopChild(this.child);
    this.child = null;
    // Camera images do not stay on disk after the camera is gone.
    rmSync(this.opts.dir, { recursive: true, force: true });
  }

  async playlist(): Promise<MediaResponse> {
    if (this.stopped) return notFound();
    const text = await readFile(join(this.opts.dir, 'index.m3u8'), 'utf8').catch(() => null);
    if (text === null) {
      const h = this.tracker.health;
      return plain(503, h.reason ? REASON_MESSAGES[h.reason] : 'The camera is connecting');
    }
    return playlistResponse(withoutEndList(text));
  }

  awaitSegment(msn: number, timeoutMs: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    const ready = this.clock.wait(msn, timeoutMs);
    if (this.child && !this.watching && this.clock.waiting) this.watchTimer.within(this.clock.nextLookMs(WATCH_MS));
    return ready;
  }

  async segment(name: string): Promise<MediaResponse> {
    if (this.stopped || !SEGMENT_NAME.test(name)) return notFound();
    const body = await readFile(join(this.opts.dir, name)).catch(() => null);
    return body ? segmentResponse(name, body) : notFound();
  }

  private launch(ffmpegPath: string): void {
    rmSync(this.opts.dir, { recursive: true, force: true });
    mkdirSync(this.opts.dir, { recursive: true });
    this.stderr.clear();
    let input: string;
    try {
      input = remuxInput(this.source.url, this.source.username, this.source.password);
    } catch (e) {
      // Only an address that slipped past validation: retrying would not change it.
      this.opts.log(`camera ${this.source.cameraId}/${this.source.stream}: not started: ${(e as Error).message}`);
      return this.tracker.failed('unreachable');
    }
    // The URL and its credentials go through stdin, never argv or the environment (remux.ts).
    const child = spawn(ffmpegPath, remuxArgs(this.opts.dir), { stdio: ['pipe', 'ignore', 'pipe'] });
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.push(chunk));
    // EPIPE when ffmpeg exits before reading it (or never started): its exit or 'error' says why.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
    // A spawn failure (ffmpeg deleted since it was found) arrives as 'error', and 'exit' may not follow.
    child.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'EACCES') this.stderr.push('ffmpeg could not be started\n');
      if (child.exitCode === null && child.signalCode === null && child.pid === undefined) this.exited(child, true);
    });
    child.once('exit', () => this.exited(child, false));
    this.watchTimer.in(WATCH_MS);
  }

  private exited(child: ChildProcess, spawnFailed: boolean): void {
    if (this.child !== child) return;
    this.watchTimer.cancel();
    if (this.stopped) return;
    this.child = null;
    const tail = redactCredentials(this.stderr.text()).trim();
    const reason = spawnFailed ? 'ffmpegMissing' : reasonFromFfmpeg(tail);
    this.opts.log(`camera ${this.source.cameraId}/${this.source.stream}: ffmpeg stopped (${reason}) ${tail}`);
    this.tracker.failed(reason);
    if (reason === 'ffmpegMissing') return;
    const ffmpegPath = this.opts.ffmpegPath!;
    this.restartTimer = setTimeout(() => {
      if (!this.stopped) this.launch(ffmpegPath);
    }, this.backoff.next());
  }

  /** Reads ffmpeg's playlist: every WATCH_MS, and close to each segment's due time while a tile waits for it. */
  private async watch(): Promise<void> {
    this.watching = true;
    const child = this.child;
    const text = await readFile(join(this.opts.dir, 'index.m3u8'), 'utf8').catch(() => null);
    this.watching = false;
    if (this.stopped || !child || this.child !== child) return;
    this.watchTimer.in(this.clock.nextLookMs(WATCH_MS));
    const parsed = text === null ? null : parsePlaylist(text);
    if (parsed?.kind !== 'media') return;
    const newest = parsed.segments.at(-1);
    if (newest) this.clock.observe(newest.sequence, newest.duration);
    const key = newestSegmentKey(parsed);
    if (key === null || key === this.lastKey) return;
    this.lastKey = key;
    this.backoff.reset();
    this.tracker.segmentSeen(parsed.targetDuration);
  }
}
