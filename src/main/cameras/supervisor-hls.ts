import type { HealthReason, StreamHealth } from '../../shared/contract/cameras';
import { Backoff, type BackoffLimits } from './backoff';
import { HealthTracker, REASON_MESSAGES } from './health';
import { notFound, plain, playlistResponse, segmentResponse, type MediaResponse } from './media-response';
import { newestSegmentKey, parsePlaylist, rewriteMediaPlaylist } from './playlist';
import { splitCredentials } from './redact';
import { LookTimer, SegmentClock } from './segment-clock';
import type { StreamSource } from './sources';
import type { Supervisor } from './supervisor';
import { fetchUpstream, type UpstreamAuth } from './upstream';

const PLAYLIST_TIMEOUT_MS = 3000;
const PLAYLIST_MAX_BYTES = 1024 * 1024;
const SEGMENT_TIMEOUT_MS = 10_000;
const SEGMENT_MAX_BYTES = 50 * 1024 * 1024;
/** Renderer requests within this age share the last fetched playlist instead of asking the camera again. */
const SHARED_PLAYLIST_MS = 250;
/** Local names remembered, so a segment from a slightly older playlist still resolves. */
const REMEMBERED_NAMES = 64;
const LOCAL_NAME = /^(?:s\d{1,20}\.(?:ts|m4s|mp4|aac)|init\d{1,4}\.mp4|key\d{1,4}\.bin)$/;

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

  constructor(
    readonly source: StreamSource,
    onHealth: (h: StreamHealth) => void,
    backoff?: BackoffLimits,
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
    const r = await fetchUpstream(url, this.auth, { timeoutMs: SEGMENT_TIMEOUT_MS, maxBytes: SEGMENT_MAX_BYTES });
    if (!r.ok) return r.reason === 'notFound' ? notFound() : plain(502, REASON_MESSAGES[r.reason]);
    return segmentResponse(name, r.body);
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
