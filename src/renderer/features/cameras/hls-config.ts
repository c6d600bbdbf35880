import type { HlsConfig, LoaderConfig } from 'hls.js';

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
 * hls.js tuned for live security video (DESIGN.md §4). Exported so bench/wall
 * runs exactly what the wall runs. Measured here on 1 s segments, 8 tiles, same
 * run: the defaults (3 segments) sit ~4 s behind live; `liveSyncDurationCount: 1`
 * 2.2 s with 41 rebuffering stalls in 30 s; a 0.5 s target 1.8 s with 4 stalls
 * (a segment-sized target re-buffers whenever a segment lands late); 0.3 s
 * gained 0.1 s for ten times the stalls.
 */
export const LIVE_HLS_CONFIG = {
  // Aim half a second behind the live edge; past 2.5 s, jump back to it.
  liveSyncDuration: 0.5,
  liveMaxLatencyDuration: 2.5,
  // Catch up by jumping back to the edge (past liveMaxLatencyDuration), not by playing
  // faster: same run, 16 tiles, a 1.5× catch-up rate stalled 27 times in 30 s (each
  // fast-forward runs into the end of the buffer) and 1× not once, at the same latency.
  maxLiveSyncPlaybackRate: 1,
  // Sixteen tiles must not hoard memory: nobody rewinds a wall tile.
  backBufferLength: 4,
  maxBufferLength: 4,
  maxMaxBufferLength: 8,
  // The cameras serve plain HLS, not LL-HLS parts.
  lowLatencyMode: false,
  // Demuxing off the main thread keeps the page responsive with many tiles; the CSP allows blob: workers.
  enableWorker: true,
  // The wall shows a fixed-quality stream per tile; no bandwidth probing.
  startLevel: 0,
  capLevelToPlayerSize: false,
  manifestLoadPolicy: { default: QUICK_LOAD },
  playlistLoadPolicy: { default: QUICK_LOAD },
  fragLoadPolicy: { default: { ...QUICK_LOAD, maxLoadTimeMs: 10_000 } },
} as const satisfies Partial<HlsConfig>;
