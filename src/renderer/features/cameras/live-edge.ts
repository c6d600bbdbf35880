/** Media the buffer should still hold when the next segment lands, on top of the worst recent delay. */
const MARGIN_S = 0.15;
/** Behind the target by less than this: leave the picture alone rather than skip a few frames. */
const JUMP_MIN_S = 0.15;
/** Never jump closer than this to the end of what is buffered. */
const KEEP_BUFFERED_S = 0.2;
/** Segment arrivals remembered: about the last 20 s at 1 s segments. */
const ARRIVALS_KEPT = 20;

/**
 * Keeps one tile a steady distance behind live, measured on the wall clock
 * (EXT-X-PROGRAM-DATE-TIME), so every tile on the wall sits at the same delay.
 *
 * A tile plays without stalling only if, when the next segment lands, the
 * picture has not yet reached the end of the previous one: its delay must be at
 * least one segment plus however late segments arrive. So the target is the
 * segment's length plus the worst recent arrival delay (90th percentile) plus a
 * margin, and a tile further behind than that (after starting, or after a stall)
 * jumps forward within what it has buffered. hls.js's own catch-up measures from
 * the playlist's edge, not the wall clock, so each tile settles wherever its
 * first segment happened to land; that is what made the spread.
 */
export class LiveEdge {
  private readonly arrivals: number[] = [];
  private segmentS = 1;

  /**
   * A segment reached the buffer. `delayS`: seconds between its last frame's
   * wall-clock time and now; `durationS`: its length.
   */
  arrived(delayS: number, durationS: number): void {
    if (!Number.isFinite(delayS) || !(durationS > 0)) return;
    this.segmentS = durationS;
    this.arrivals.push(Math.max(0, delayS));
    if (this.arrivals.length > ARRIVALS_KEPT) this.arrivals.shift();
  }

  /** Seconds behind live this tile aims for, or null before any segment arrived. */
  target(): number | null {
    if (this.arrivals.length === 0) return null;
    const sorted = [...this.arrivals].sort((a, b) => a - b);
    const p90 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!;
    // A source whose segments arrive very late is not worth chasing beyond two segments' delay.
    return this.segmentS + Math.min(p90, 2 * this.segmentS) + MARGIN_S;
  }

  /**
   * How many seconds to jump forward now (0: stay). `latencyS`: how far behind
   * live the picture is; `bufferedAheadS`: media buffered past it.
   */
  jump(latencyS: number, bufferedAheadS: number): number {
    const target = this.target();
    if (target === null || !Number.isFinite(latencyS)) return 0;
    const behind = latencyS - target;
    if (behind < JUMP_MIN_S) return 0;
    const by = Math.min(behind, bufferedAheadS - KEEP_BUFFERED_S);
    return by >= JUMP_MIN_S ? by : 0;
  }

  /** Forget arrivals: the source restarted or the tile was hidden. */
  reset(): void {
    this.arrivals.length = 0;
  }
}
