import { describe, expect, it } from 'vitest';
import { facetEntries, filterLabel, LabelCache, visibleEntries, type FacetEntry } from './facets';
import { emptySearch, toggleFilter } from './searchQuery';

const facets = {
  city: [
    { value: 'Besançon', label: 'Besançon', count: 3 },
    { value: 'Dijon', label: 'Dijon', count: 2 },
  ],
  level: [
    { value: 'expert', label: 'Expert', count: 4 },
    { value: 'beginner', label: 'Débutant', count: 1 },
    { value: 'confirmed', label: 'Confirmé', count: 6 },
  ],
  causes: [{ value: 'culture', label: 'Culture', count: 2 }],
};

describe('facetEntries', () => {
  it('marks the active values', () => {
    const s = toggleFilter(emptySearch(), 'city', 'Dijon');
    expect(facetEntries('city', facets, s).map((e) => [e.label, e.count, e.active])).toEqual([
      ['Besançon', 3, false],
      ['Dijon', 2, true],
    ]);
  });

  it('orders levels from beginner to expert', () => {
    expect(facetEntries('level', facets, emptySearch()).map((e) => e.value)).toEqual(['beginner', 'confirmed', 'expert']);
  });

  it('keeps an active filter the server did not count, with a remembered label', () => {
    const cache = new LabelCache();
    cache.remember({ skills: [{ value: 'custom:oeuvres', label: 'Œuvres caritatives', count: 1 }] });
    const s = toggleFilter(emptySearch(), 'skills', 'custom:oeuvres');
    expect(facetEntries('skills', {}, s, cache)).toEqual([
      { value: 'custom:oeuvres', label: 'Œuvres caritatives', count: 0, active: true },
    ]);
  });

  it('falls back to the vocabulary, then to the value', () => {
    const s = toggleFilter(toggleFilter(emptySearch(), 'languages', 'ru'), 'languages', 'xx');
    const fallback = (_: string, v: string) => (v === 'ru' ? 'Russe' : undefined);
    expect(facetEntries('languages', null, s, undefined, fallback).map((e) => e.label)).toEqual(['Russe', 'xx']);
  });
});

describe('filterLabel', () => {
  it('prefers the label of the current result', () => {
    const cache = new LabelCache();
    cache.remember({ causes: [{ value: 'culture', label: 'Old label', count: 1 }] });
    expect(filterLabel('causes', 'culture', facets, cache)).toBe('Culture');
    expect(filterLabel('causes', 'culture', null, cache)).toBe('Old label');
    cache.clear();
    expect(filterLabel('causes', 'culture', null, cache)).toBe('culture');
  });
});

describe('visibleEntries', () => {
  const entries: FacetEntry[] = ['Besançon', 'Dijon', 'Lyon', 'Paris', 'Ольгино'].map((label, i) => ({
    value: label,
    label,
    count: 10 - i,
    active: label === 'Ольгино',
  }));

  it('shows the first ones and any active one further down while folded', () => {
    expect(visibleEntries(entries, 2, false).map((e) => e.label)).toEqual(['Besançon', 'Dijon', 'Ольгино']);
    expect(visibleEntries(entries, 2, true)).toHaveLength(5);
    expect(visibleEntries(entries, 10, false)).toHaveLength(5);
  });
});
