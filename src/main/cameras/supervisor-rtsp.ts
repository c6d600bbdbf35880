import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { StreamHealth } from '../../shared/contract/cameras';
import { Backoff, type BackoffLimits } from './backoff';
import { stopChild, TailLines } from './child';
import { reasonFromFfmpeg } from './ffmpeg-errors';
import { HealthTracker, REASON_MESSAGES } from './health';
import { notFound, plain, playlistResponse, segmentResponse, type MediaResponse } from './media-response';
import { newestSegmentKey, parsePlaylist, withoutEndList, type MediaSegment } from './playlist';
import { redactCredentials } from './redact';
import { remuxArgs, remuxInput } from './remux';
import { LookTimer, SegmentClock } from './segment-clock';
import type { SegmentTap } from './segment-tap';
import type { StreamSource } from './sources';
import { readTransportStream } from './transport-stream';
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
  /** Where each new segment goes while its camera is recorded (the replay buffer). */
  tap?: () => SegmentTap | null;
}

/** The program tables and the first frames are in a segment's first packets: enough to name its codec. */
const SNIFF_BYTES = 188 * 64;

/** A segment file's video codec, from its first packets; null when it cannot be read. */
async function sniffCodec(path: string) {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return null;
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return readTransportStream(head.subarray(0, bytesRead - (bytesRead % 188))).codec;
  } finally {
    await file.close();
  }
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
  /** The newest segment handed to the tap, and whether the next one follows a fresh start of ffmpeg. */
  private lastTapped = -1;
  private freshRun = true;
  private codecKnown = false;
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
    this.freshRun = true;
    this.codecKnown = false;
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
    this.handOn(parsed.segments);
    if (newest && !this.codecKnown && SEGMENT_NAME.test(newest.uri)) {
      this.codecKnown = true;
      void sniffCodec(join(this.opts.dir, newest.uri)).then((codec) => {
        if (!this.stopped && this.child === child) this.tracker.codecSeen(codec);
      });
    }
  }

  /**
   * Every segment not handed on yet goes to the tap while the camera is recorded: the
   * file ffmpeg wrote, with the wall-clock start ffmpeg gave it. ffmpeg keeps six in its
   * playlist and a look comes every half second, so none is missed while ffmpeg runs.
   */
  private handOn(segments: readonly MediaSegment[]): void {
    const tap = this.opts.tap?.();
    const { cameraId, stream } = this.source;
    const fresh = segments.filter((s) => s.sequence > this.lastTapped);
    if (fresh.length === 0) return;
    this.lastTapped = fresh.at(-1)!.sequence;
    if (!tap?.wants(cameraId, stream)) return;
    for (const s of fresh) {
      if (!SEGMENT_NAME.test(s.uri) || s.duration === null) continue;
      const receipt = s.programDateTime === null;
      tap.received({
        cameraId,
        stream,
        startMs: s.programDateTime ?? Date.now() - Math.round(s.duration * 1000),
        timeSource: receipt ? 'receipt' : 'stream',
        durationMs: Math.round(s.duration * 1000),
        ext: 'ts',
        body: { path: join(this.opts.dir, s.uri) },
        init: null,
        discontinuity: this.freshRun,
      });
      this.freshRun = false;
    }
  }
}
