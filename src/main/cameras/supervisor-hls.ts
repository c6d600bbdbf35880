import type { HealthReason, StreamHealth } from '../../shared/contract/cameras';
import { Backoff, type BackoffLimits } from './backoff';
import { HealthTracker, REASON_MESSAGES } from './health';
import { notFound, plain, playlistResponse, segmentResponse, type MediaResponse } from './media-response';
import { newestSegmentKey, parsePlaylist, rewriteMediaPlaylist, type MediaSegment } from './playlist';
import { splitCredentials } from './redact';
import { LookTimer, SegmentClock } from './segment-clock';
import type { SegmentTap } from './segment-tap';
import type { StreamSource } from './sources';
import type { Supervisor } from './supervisor';
import { codecOfInitSegment, readTransportStream } from './transport-stream';
import { fetchUpstream, type Fetched, type UpstreamAuth } from './upstream';

const PLAYLIST_TIMEOUT_MS = 3000;
const PLAYLIST_MAX_BYTES = 1024 * 1024;
const SEGMENT_TIMEOUT_MS = 10_000;
const SEGMENT_MAX_BYTES = 50 * 1024 * 1024;
/** Renderer requests within this age share the last fetched playlist instead of asking the camera again. */
const SHARED_PLAYLIST_MS = 250;
/** Local names remembered, so a segment from a slightly older playlist still resolves. */
const REMEMBERED_NAMES = 64;
const LOCAL_NAME = /^(?:s\d{1,20}\.(?:ts|m4s|mp4|aac)|init\d{1,4}\.mp4|key\d{1,4}\.bin)$/;
/** Segments fetched lately, shared by the recording and the wall: the camera is asked once for each. */
const RECENT_SEGMENTS = 12;
/** Segments waiting to be recorded; beyond this the oldest are dropped (they become a gap, said as one). */
const MAX_QUEUED = 30;
/** A receipt-timed segment starting within this of where the last one ended follows it. */
const RECEIPT_SLACK_MS = 1_500;

interface Pending {
  segment: MediaSegment;
  url: string;
  initUrl: string | null;
  startMs: number;
  timeSource: 'stream' | 'receipt';
  discontinuity: boolean;
}

type Refresh = { ok: true; text: string } | { ok: false; reason: HealthReason };

/**
 * An HLS camera or NVR stream: polls its playlist about once per target duration,
 * judges health from whether new segments appear, and proxies playlist and
 * segments for the renderer with every upstream URI replaced by a local name.
 */
export class HlsSupervisor implements Supervisor {
  private readonly tracker: HealthTracker;
  private readonly backoff: Backoff;
  private readonly url: string;
  private readonly auth: UpstreamAuth;
  /** The media playlist's address once a master playlist pointed to it. */
  private mediaUrl: string | null = null;
  private lastKey: string | null = null;
  private latest: { text: string; at: number } | null = null;
  private readonly names = new Map<string, string>();
  private inflight: Promise<Refresh> | null = null;
  private readonly clock = new SegmentClock();
  private readonly timer = new LookTimer(() => void this.poll());
  private stopped = false;
  /** Recording: the newest sequence queued, where the last receipt-timed segment ended, the queue. */
  private lastQueued = -1;
  private receiptEnd: { sequence: number; ms: number } | null = null;
  private readonly queue: Pending[] = [];
  private draining = false;
  private readonly recent = new Map<string, Promise<Fetched>>();
  private readonly inits = new Map<string, Buffer>();
  private codecKnown = false;

  constructor(
    readonly source: StreamSource,
    onHealth: (h: StreamHealth) => void,
    backoff?: BackoffLimits,
    private readonly tap: () => SegmentTap | null = () => null,
  ) {
    this.backoff = new Backoff(backoff);
    this.tracker = new HealthTracker(source.cameraId, source.stream, onHealth);
    const split = splitCredentials(source.url);
    this.url = split.url;
    // The origin is fixed here, from the administrator's address: what a playlist or a
    // redirect names later is judged against it (upstream.ts), for playlists and segments alike.
    this.auth = {
      origin: new URL(split.url).origin,
      username: source.username ?? split.username,
      password: source.username ? source.password : split.password,
    };
  }

  health(): StreamHealth {
    return this.tracker.health;
  }

  start(): void {
    this.timer.in(0);
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.tracker.stop();
    this.timer.cancel();
    this.clock.close();
    return Promise.resolve();
  }

  awaitSegment(msn: number, timeoutMs: number): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    const ready = this.clock.wait(msn, timeoutMs);
    // Someone waits: look again close to when the segment is due, not at the leisurely
    // cadence. Not while the camera fails: its backoff stands, whoever waits.
    if (!this.inflight && this.clock.waiting && this.tracker.state === 'live') {
      this.timer.within(this.clock.nextLookMs(this.normalLookMs()));
    }
    return ready;
  }

  async playlist(): Promise<MediaResponse> {
    if (this.stopped) return notFound();
    if (!this.latest || Date.now() - this.latest.at > SHARED_PLAYLIST_MS) {
      const r = await this.refresh();
      if (!r.ok) return plain(502, REASON_MESSAGES[r.reason]);
    }
    return this.latest ? playlistResponse(this.latest.text) : plain(502, REASON_MESSAGES.unreachable);
  }

  async segment(name: string): Promise<MediaResponse> {
    const url = LOCAL_NAME.test(name) ? this.names.get(name) : undefined;
    if (this.stopped || !url) return notFound();
    const r = await this.fetchSegment(url);
    if (!r.ok) return r.reason === 'notFound' ? notFound() : plain(502, REASON_MESSAGES[r.reason]);
    if (!this.codecKnown && name.endsWith('.ts')) this.learnCodec(r.body, null);
    return segmentResponse(name, r.body);
  }

  /** One fetch per segment, shared by the wall's request and the recording, whichever comes first. */
  private fetchSegment(url: string): Promise<Fetched> {
    let fetched = this.recent.get(url);
    if (!fetched) {
      fetched = fetchUpstream(url, this.auth, { timeoutMs: SEGMENT_TIMEOUT_MS, maxBytes: SEGMENT_MAX_BYTES });
      this.recent.set(url, fetched);
      // A failure is not kept: the next request asks again.
      void fetched.then((r) => !r.ok && this.recent.get(url) === fetched && this.recent.delete(url));
      for (const oldest of this.recent.keys()) {
        if (this.recent.size <= RECENT_SEGMENTS) break;
        this.recent.delete(oldest);
      }
    }
    return fetched;
  }

  private learnCodec(bytes: Buffer, init: Buffer | null): void {
    const codec = init ? codecOfInitSegment(init) : readTransportStream(bytes.subarray(0, 188 * 64)).codec;
    if (codec === null) return;
    this.codecKnown = true;
    this.tracker.codecSeen(codec);
  }

  /**
   * Queues the segments not recorded yet, while the camera is recorded. A segment's time
   * is its EXT-X-PROGRAM-DATE-TIME; without one, the newest is taken to have ended
   * now and the others before it, and a segment that follows the last one recorded
   * starts where that one ended, so receipt times do not jitter with the polling.
   */
  private record(segments: readonly MediaSegment[], playlistUrl: string): void {
    const tap = this.tap();
    const { cameraId, stream } = this.source;
    const fresh = segments.filter((s) => s.sequence > this.lastQueued);
    if (fresh.length === 0) return;
    const firstLook = this.lastQueued < 0;
    const skipped = !firstLook && fresh[0]!.sequence !== this.lastQueued + 1;
    this.lastQueued = fresh.at(-1)!.sequence;
    if (!tap?.wants(cameraId, stream)) {
      this.receiptEnd = null;
      return;
    }
    const encrypted = fresh.some((s) => s.encrypted);
    tap.unrecordable(
      cameraId,
      stream,
      encrypted ? 'The camera encrypts its video (EXT-X-KEY), so it cannot be recorded' : null,
    );
    if (encrypted) return;
    const now = Date.now();
    let endMs = now;
    const receiptStarts = new Map<number, number>();
    for (let i = segments.length - 1; i >= 0; i--) {
      const s = segments[i]!;
      endMs -= Math.round((s.duration ?? 0) * 1000);
      receiptStarts.set(s.sequence, endMs);
    }
    fresh.forEach((s, i) => {
      if (s.duration === null) return;
      let startMs = s.programDateTime;
      let timeSource: Pending['timeSource'] = 'stream';
      if (startMs === null) {
        timeSource = 'receipt';
        startMs = receiptStarts.get(s.sequence)!;
        const last = this.receiptEnd;
        if (last && last.sequence === s.sequence - 1 && Math.abs(last.ms - startMs) < RECEIPT_SLACK_MS)
          startMs = last.ms;
        this.receiptEnd = { sequence: s.sequence, ms: startMs + Math.round(s.duration * 1000) };
      }
      this.queue.push({
        segment: s,
        url: new URL(s.uri, playlistUrl).toString(),
        initUrl: s.map === null ? null : new URL(s.map, playlistUrl).toString(),
        startMs,
        timeSource,
        discontinuity: s.discontinuity || (i === 0 && (firstLook || skipped)),
      });
    });
    while (this.queue.length > MAX_QUEUED) {
      this.queue.shift();
      if (this.queue[0]) this.queue[0].discontinuity = true;
    }
    void this.drain();
  }

  /** Fetches queued segments one at a time, oldest first, and hands each to the tap. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.stopped && this.queue.length > 0) {
        const p = this.queue.shift()!;
        const tap = this.tap();
        if (!tap?.wants(this.source.cameraId, this.source.stream)) {
          this.queue.length = 0;
          break;
        }
        let init: Buffer | null = null;
        if (p.initUrl) {
          init = this.inits.get(p.initUrl) ?? null;
          if (!init) {
            const fetchedInit = await fetchUpstream(p.initUrl, this.auth, {
              timeoutMs: SEGMENT_TIMEOUT_MS,
              maxBytes: SEGMENT_MAX_BYTES,
            });
            if (!fetchedInit.ok) continue;
            init = fetchedInit.body;
            this.inits.clear();
            this.inits.set(p.initUrl, init);
          }
        }
        const r = await this.fetchSegment(p.url);
        if (this.stopped) break;
        if (!r.ok) {
          if (this.queue[0]) this.queue[0].discontinuity = true;
          continue;
        }
        if (!this.codecKnown) this.learnCodec(r.body, init);
        tap.received({
          cameraId: this.source.cameraId,
          stream: this.source.stream,
          startMs: p.startMs,
          timeSource: p.timeSource,
          durationMs: Math.round((p.segment.duration ?? 0) * 1000),
          ext: init ? (p.url.split(/[?#]/)[0]!.toLowerCase().endsWith('.mp4') ? 'mp4' : 'm4s') : 'ts',
          body: { bytes: r.body },
          init,
          discontinuity: p.discontinuity,
        });
      }
    } finally {
      this.draining = false;
    }
  }

  /** About once per target duration, but often enough to see a dead camera within seconds. */
  private normalLookMs(): number {
    const td = this.tracker.health.targetDuration ?? 2;
    return Math.min(2000, Math.max(500, td * 1000));
  }

  private async poll(): Promise<void> {
    const r = await this.refresh();
    if (this.stopped) return;
    this.timer.in(r.ok ? this.clock.nextLookMs(this.normalLookMs()) : this.backoff.next());
  }

  /** One playlist fetch at a time, shared by the poll loop and every renderer asking meanwhile. */
  private refresh(): Promise<Refresh> {
    this.inflight ??= this.fetchPlaylist().finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async fetchPlaylist(followedMaster = false): Promise<Refresh> {
    const r = await fetchUpstream(this.mediaUrl ?? this.url, this.auth, {
      timeoutMs: PLAYLIST_TIMEOUT_MS,
      maxBytes: PLAYLIST_MAX_BYTES,
    });
    if (this.stopped) return { ok: false, reason: 'sourceEnded' };
    if (!r.ok) {
      // A variant that fails may have moved: ask the master playlist again next time.
      this.mediaUrl = null;
      return this.fail(r.reason);
    }
    const text = r.body.toString('utf8');
    const parsed = parsePlaylist(text);
    if (parsed.kind === 'invalid') return this.fail('notHls');
    if (parsed.kind === 'master') {
      const first = parsed.variants[0];
      if (!first || followedMaster) return this.fail('notHls');
      this.mediaUrl = new URL(first, r.url).toString();
      return this.fetchPlaylist(true);
    }
    if (parsed.segments.length === 0) return this.fail('emptyPlaylist');
    const key = newestSegmentKey(parsed);
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.tracker.segmentSeen(parsed.targetDuration);
    } else if (this.tracker.state !== 'live') {
      // It answers again, but only with the segments it had when it failed.
      this.tracker.noNewSegments();
    }
    this.backoff.reset();
    const rewritten = rewriteMediaPlaylist(text, r.url);
    for (const [local, upstream] of rewritten.resources) {
      this.names.delete(local);
      this.names.set(local, upstream);
    }
    for (const oldest of this.names.keys()) {
      if (this.names.size <= REMEMBERED_NAMES) break;
      this.names.delete(oldest);
    }
    this.latest = { text: rewritten.text, at: Date.now() };
    this.record(parsed.segments, r.url);
    // After `latest`: whoever waited for this segment loads the playlist next, and must find it there.
    const newest = parsed.segments.at(-1)!;
    this.clock.observe(newest.sequence, newest.duration);
    return { ok: true, text: rewritten.text };
  }

  private fail(reason: HealthReason): Refresh {
    this.latest = null;
    this.tracker.failed(reason);
    return { ok: false, reason };
  }
}
