import type {
  HlsConfig,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderStats,
  PlaylistLoaderContext,
  PlaylistLoaderConstructor,
} from 'hls.js';

const stats = (bytes: number): LoaderStats => {
  const now = performance.now();
  return {
    aborted: false,
    loaded: bytes,
    retry: 0,
    total: bytes,
    chunkCount: 0,
    bwEstimate: 0,
    loading: { start: now, first: now, end: now },
    parsing: { start: 0, end: 0 },
    buffering: { start: 0, first: 0, end: 0 },
  };
};

/**
 * hls.js's playlist loader for a replay whose playlist main already handed over in
 * replay.open's answer: that URL is answered from the text in hand (a request to main
 * and back saved on the way to the first frame, tens of ms on a busy desk); any other
 * playlist, or the same one asked again, goes to the network as usual.
 */
export function inlinePlaylistLoader(url: string, text: string): PlaylistLoaderConstructor {
  let unused = true;
  return class InlinePlaylistLoader implements Loader<PlaylistLoaderContext> {
    context: PlaylistLoaderContext | null = null;
    stats: LoaderStats = stats(0);
    private network: Loader<PlaylistLoaderContext> | null = null;
    private aborted = false;

    constructor(private readonly config: HlsConfig) {}

    load(
      context: PlaylistLoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<PlaylistLoaderContext>,
    ) {
      this.context = context;
      if (!unused || context.url !== url) {
        // The player's own loader, as hls.js would have used without this one.
        const Network = this.config.loader as unknown as new (config: HlsConfig) => Loader<PlaylistLoaderContext>;
        this.network = new Network(this.config);
        this.network.load(context, config, callbacks);
        this.stats = this.network.stats;
        return;
      }
      unused = false;
      this.stats = stats(text.length);
      // After load() returns, as a network answer would be: hls.js finishes its own bookkeeping first.
      queueMicrotask(() => {
        if (this.aborted) return;
        callbacks.onSuccess({ url, data: text, code: 200 }, this.stats, context, null);
      });
    }

    abort() {
      this.aborted = true;
      this.stats.aborted = true;
      this.network?.abort();
    }

    destroy() {
      this.abort();
      this.network?.destroy();
      this.network = null;
      this.context = null;
    }
  };
}
