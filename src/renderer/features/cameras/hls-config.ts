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
 * hls.js tuned for live security video (DESIGN.md §4). Measured on 1 s
 * segments: the defaults (3 segments behind) sit ~4 s behind live; one segment
 * behind sits ~1.4 s. Exported so bench/wall runs exactly what the wall runs.
 */
export const LIVE_HLS_CONFIG = {
  // Aim one segment behind the live edge; past three, jump back to it.
  liveSyncDurationCount: 1,
  liveMaxLatencyDurationCount: 3,
  // When drifting behind, play slightly faster to catch up instead of jumping.
  maxLiveSyncPlaybackRate: 1.5,
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
