import type { HlsConfig, LoaderConfig } from 'hls.js';
import hlsWorkerUrl from 'hls.js/dist/hls.worker.js?url';

/** Recorded segments come from this computer's disk: a request that fails, failed (a file gone or damaged). */
const LOCAL_LOAD: LoaderConfig = {
  maxTimeToFirstByteMs: 4_000,
  maxLoadTimeMs: 8_000,
  timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
  errorRetry: { maxNumRetry: 0, retryDelayMs: 0, maxRetryDelayMs: 0 },
};

/**
 * hls.js for recorded video: a VOD playlist of the camera's buffer, loaded only
 * once replay knows where to start (autoStartLoad off, then startLoad at the moment
 * asked for), enough ahead for 4× and enough behind to step and rewind without
 * reloading. Demuxing in the same worker the wall uses.
 */
export const REPLAY_HLS_CONFIG = {
  autoStartLoad: false,
  lowLatencyMode: false,
  enableWorker: true,
  workerPath: hlsWorkerUrl,
  startFragPrefetch: true,
  maxBufferLength: 12,
  maxMaxBufferLength: 40,
  backBufferLength: 30,
  maxBufferHole: 0.5,
  capLevelToPlayerSize: false,
  manifestLoadPolicy: { default: LOCAL_LOAD },
  playlistLoadPolicy: { default: LOCAL_LOAD },
  fragLoadPolicy: { default: LOCAL_LOAD },
} as const satisfies Partial<HlsConfig>;
