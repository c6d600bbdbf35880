import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles from 0.5 s and is capped at 4 s, so a returning camera is retried within 4 s', () => {
    const b = new Backoff();
    expect(Array.from({ length: 7 }, () => b.next())).toEqual([500, 1000, 2000, 4000, 4000, 4000, 4000]);
    for (let i = 0; i < 100; i++) b.next();
    expect(b.next()).toBe(4000);
  });

  it('starts again from the base after a success', () => {
    const b = new Backoff();
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(500);
  });
});
