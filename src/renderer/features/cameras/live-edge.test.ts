import { describe, expect, it } from 'vitest';
import { LiveEdge } from './live-edge';

describe('LiveEdge', () => {
  it('has no target before a segment arrived, and never jumps then', () => {
    const edge = new LiveEdge();
    expect(edge.target()).toBeNull();
    expect(edge.jump(5, 3)).toBe(0);
  });

  it('aims one segment plus the worst recent arrival delay plus a margin behind live', () => {
    const edge = new LiveEdge();
    for (let i = 0; i < 18; i++) edge.arrived(0.1, 1);
    edge.arrived(0.3, 1);
    edge.arrived(0.3, 1);
    // 90th percentile of 20 arrivals: the 19th smallest, 0.3 s.
    expect(edge.target()).toBeCloseTo(1 + 0.3 + 0.15, 5);
    // Only the last 20 arrivals count: twenty quick ones forget the slow ones.
    for (let i = 0; i < 20; i++) edge.arrived(0.05, 1);
    expect(edge.target()).toBeCloseTo(1.2, 5);
  });

  it('jumps forward to the target when far enough behind, within what is buffered', () => {
    const edge = new LiveEdge();
    edge.arrived(0.1, 1); // target 1.25
    expect(edge.jump(1.3, 1)).toBe(0); // 0.05 behind: leave the picture alone
    expect(edge.jump(2.25, 1.5)).toBeCloseTo(1, 5); // 1 s behind, 1.5 s buffered
    expect(edge.jump(2.25, 0.6)).toBeCloseTo(0.4, 5); // only 0.6 s buffered: keep 0.2 s of it
    expect(edge.jump(2.25, 0.3)).toBe(0); // nothing worth jumping to
    expect(edge.jump(Number.NaN, 2)).toBe(0);
  });

  it('ignores nonsense arrivals, counts early ones as on time, and caps a very late source', () => {
    const edge = new LiveEdge();
    edge.arrived(Number.NaN, 1);
    edge.arrived(0.2, 0);
    expect(edge.target()).toBeNull();
    edge.arrived(-0.05, 2); // a segment listed a moment before its last frame's clock time
    expect(edge.target()).toBeCloseTo(2.15, 5);
    edge.reset();
    edge.arrived(9, 1);
    expect(edge.target()).toBeCloseTo(1 + 2 + 0.15, 5);
  });
});
