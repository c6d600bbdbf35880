import Hls from 'hls.js';
import type {
  HlsConfig,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderContext,
  PlaylistLoaderConstructor,
  PlaylistLoaderContext,
} from 'hls.js';

/** Resolves when main has segment `msn` of this tile's stream, or has given up waiting for it. */
export type AwaitSegment = (msn: number) => Promise<unknown>;

/**
 * LL-HLS blocking playlist reload, with the wait done over the contract.
 * Main's playlists announce CAN-BLOCK-RELOAD, so hls.js (lowLatencyMode) asks
 * for the next playlist at once with _HLS_msn = the segment after the newest.
 * Holding that HTTP request open would take one of the browser's six
 * connections per host for a second; sixteen tiles would starve every segment
 * download behind them. So this loader first asks main, through the contract
 * (cameras.awaitSegment), to say when that segment exists, and only then loads
 * the playlist, which main serves at once. A tile learns of a segment ~50 ms
 * after it lands instead of at its next scheduled reload, up to a segment later.
 */
export function blockingPlaylistLoader(awaitSegment: AwaitSegment): PlaylistLoaderConstructor {
  const Base = Hls.DefaultConfig.loader;
  class BlockingPlaylistLoader extends Base {
    private cancelled = false;

    constructor(config: HlsConfig) {
      super(config);
    }

    override load(context: LoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<LoaderContext>) {
      const msn = (context as PlaylistLoaderContext).deliveryDirectives?.msn;
      if (msn === undefined) return super.load(context, config, callbacks);
      this.cancelled = false;
      // Whatever main answers (ready, not ready, an error), the playlist is loaded: hls.js
      // judges from its content whether it advanced, and falls back to timed reloads if not.
      void awaitSegment(msn)
        .catch(() => undefined)
        .then(() => {
          if (!this.cancelled) super.load(context, config, callbacks);
        });
    }

    override abort(): void {
      this.cancelled = true;
      super.abort();
    }

    override destroy(): void {
      this.cancelled = true;
      super.destroy();
    }
  }
  return BlockingPlaylistLoader as unknown as PlaylistLoaderConstructor;
}
