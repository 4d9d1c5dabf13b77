import { describe, expect, it } from 'vitest';
import { indexBanner, indexToFollow, shouldPollIndex } from './indexBanner';

describe('index banner', () => {
  it('shows the rebuild progress as a whole percentage', () => {
    expect(indexBanner({ state: 'rebuilding', done: 1234, total: 100000 })).toEqual({ kind: 'rebuilding', percent: 1 });
    expect(indexBanner({ state: 'rebuilding', done: 0, total: 0 })).toEqual({ kind: 'rebuilding', percent: 0 });
    expect(indexBanner({ state: 'rebuilding', done: 12, total: 10 })).toEqual({ kind: 'rebuilding', percent: 100 });
  });

  it('says when the rebuild failed, and nothing once ready', () => {
    expect(indexBanner({ state: 'failed', done: 0, total: 0 })).toEqual({ kind: 'failed' });
    expect(indexBanner({ state: 'ready', done: 0, total: 0 })).toBeNull();
    expect(indexBanner(null)).toBeNull();
  });

  it('follows the index while answers come from the database', () => {
    const rebuilding = { state: 'rebuilding' as const, done: 5, total: 10 };
    expect(indexToFollow({ source: 'database', index: rebuilding })).toBe(rebuilding);
    expect(shouldPollIndex(indexToFollow({ source: 'database', index: rebuilding }))).toBe(true);
    const ready = { state: 'ready' as const, done: 0, total: 0 };
    expect(indexToFollow({ source: 'index', index: ready })).toBeNull();
    expect(shouldPollIndex(null)).toBe(false);
    expect(shouldPollIndex({ state: 'failed', done: 0, total: 0 })).toBe(false);
  });
});
