// What the facet panel shows: the values the server counted, plus the filters in force (which a
// search with no result does not count), each with a label in the reader's language.
import type { FacetCount } from '../api/types';
import { FACETS, isFilterActive, type Facet, type SearchState } from './searchQuery';

export type FacetCounts = Partial<Record<string, FacetCount[] | null>>;

export interface FacetEntry {
  value: string;
  label: string;
  count: number;
  active: boolean;
}

/** Levels from the lowest to the highest, the order of the level facet. */
export const LEVEL_ORDER = ['beginner', 'intermediate', 'confirmed', 'expert'] as const;

/** Remembers the label of every value seen, for filters the current result does not count. */
export class LabelCache {
  private readonly labels = new Map<string, string>();

  remember(facets: FacetCounts | null | undefined): void {
    for (const facet of FACETS) {
      for (const entry of facets?.[facet] ?? []) {
        if (entry.label) this.labels.set(`${facet}\u0000${entry.value}`, entry.label);
      }
    }
  }

  get(facet: Facet, value: string): string | undefined {
    return this.labels.get(`${facet}\u0000${value}`);
  }

  /** Labels depend on the language: forget them when it changes. */
  clear(): void {
    this.labels.clear();
  }
}

/** A label for a filter value: the server's, else a fallback (vocabulary), else the value itself. */
export function filterLabel(
  facet: Facet,
  value: string,
  facets: FacetCounts | null | undefined,
  cache?: LabelCache,
  fallback?: (facet: Facet, value: string) => string | undefined,
): string {
  const counted = facets?.[facet]?.find((e) => e.value === value)?.label;
  return counted || cache?.get(facet, value) || fallback?.(facet, value) || value;
}

/**
 * The entries of one facet: the counted values (levels in level order, the others as the server
 * sorted them, most frequent first) and then the active filters the server did not count.
 */
export function facetEntries(
  facet: Facet,
  facets: FacetCounts | null | undefined,
  state: SearchState,
  cache?: LabelCache,
  fallback?: (facet: Facet, value: string) => string | undefined,
): FacetEntry[] {
  const counted = [...(facets?.[facet] ?? [])];
  if (facet === 'level') {
    const rank = (v: string) => (LEVEL_ORDER as readonly string[]).indexOf(v);
    counted.sort((a, b) => rank(a.value) - rank(b.value));
  }
  const entries: FacetEntry[] = counted.map((e) => ({
    value: e.value,
    label: e.label || e.value,
    count: e.count,
    active: isFilterActive(state, facet, e.value),
  }));
  for (const value of state.filters[facet]) {
    if (!entries.some((e) => e.value === value)) {
      entries.push({ value, label: filterLabel(facet, value, facets, cache, fallback), count: 0, active: true });
    }
  }
  return entries;
}

/**
 * The entries shown while the facet is folded: the first `limit`, plus any active entry further
 * down so that a filter in force is never hidden.
 */
export function visibleEntries(entries: FacetEntry[], limit: number, expanded: boolean): FacetEntry[] {
  if (expanded || entries.length <= limit) return entries;
  return entries.filter((e, i) => i < limit || e.active);
}
