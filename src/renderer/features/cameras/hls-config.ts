import type { HlsConfig, LoaderConfig } from 'hls.js';
// The ES module build of hls.js cannot inline its transmuxer worker as the UMD build does:
// without workerPath it demuxes every tile on the page's main thread.
import hlsWorkerUrl from 'hls.js/dist/hls.worker.js?url';
import { blockingPlaylistLoader, type AwaitSegment } from './blocking-playlist-loader';

/**
 * Playlist and fragment loading: give up on one request quickly and let the
 * player's own recovery (usePlayer) retry with backoff, so a dead camera turns
 * into an honest error within seconds instead of hls.js retrying silently for a minute.
 */
const QUICK_LOAD: LoaderConfig = {
  maxTimeToFirstByteMs: 4_000,
  maxLoadTimeMs: 8_000,
  timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
  errorRetry: { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 2_000, backoff: 'exponential' },
};

/**
 * hls.js tuned for live security video (DESIGN.md §4); bench/wall measures it in
 * the real desk page. Measured here on 1 s segments, 16 tiles, same
 * run: the defaults (3 segments) sit ~4 s behind live. Most of what remains with
 * a short target is waiting: for the next playlist reload (up to a segment) and,
 * in a browser, for one of six connections. Blocking reload through main
 * (blocking-playlist-loader.ts) removes the first, and LiveEdge (usePlayer)
 * holds every tile at the same wall-clock delay.
 */
const LIVE_HLS_CONFIG = {
  // Start about a segment behind the edge (hls.js keeps at least one segment back);
  // LiveEdge then sets the delay from how late segments really arrive.
  liveSyncDuration: 1,
  liveMaxLatencyDuration: 3,
  // No rate-based catch-up: a faster picture runs into the end of the buffer and
  // stalls (same run, 16 tiles: 27 stalls in 30 s at 1.5×). LiveEdge jumps instead.
  maxLiveSyncPlaybackRate: 1,
  // LiveEdge adapts the delay to late segments; hls.js adding a second per stall would fight it.
  liveSyncOnStallIncrease: 0,
  // Sixteen tiles must not hoard memory: nobody rewinds a wall tile.
  backBufferLength: 4,
  maxBufferLength: 4,
  maxMaxBufferLength: 8,
  // Delivery directives (_HLS_msn) for blocking reload. The cameras send whole
  // segments, no LL-HLS parts, so nothing else of low-latency mode applies.
  lowLatencyMode: true,
  // Demuxing off the main thread keeps the page responsive with many tiles: one worker
  // for all of them, a script on the app's own origin (CSP worker-src 'self'). If it
  // cannot start, hls.js falls back to demuxing inline.
  enableWorker: true,
  workerPath: hlsWorkerUrl,
  // The wall shows a fixed-quality stream per tile; no bandwidth probing.
  startLevel: 0,
  capLevelToPlayerSize: false,
  manifestLoadPolicy: { default: QUICK_LOAD },
  playlistLoadPolicy: { default: QUICK_LOAD },
  fragLoadPolicy: { default: { ...QUICK_LOAD, maxLoadTimeMs: 10_000 } },
} as const satisfies Partial<HlsConfig>;

/** The wall's config for one tile: LIVE_HLS_CONFIG with its stream's blocking playlist loader. */
export const liveHlsConfig = (awaitSegment: AwaitSegment): Partial<HlsConfig> => ({
  ...LIVE_HLS_CONFIG,
  pLoader: blockingPlaylistLoader(awaitSegment),
});
