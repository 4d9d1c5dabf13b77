import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  apiPageParams,
  apiSearchParams,
  clearFilters,
  emptySearch,
  exportPath,
  hasFilters,
  isUnfiltered,
  pageCount,
  removeFilter,
  sameSearch,
  searchFromQuery,
  searchToQuery,
  toggleFilter,
  type SearchState,
} from './searchQuery';

function state(patch: Omit<Partial<SearchState>, 'filters'> & { filters?: Partial<SearchState['filters']> } = {}): SearchState {
  const base = emptySearch();
  return { ...base, ...patch, filters: { ...base.filters, ...patch.filters } };
}

describe('search ↔ page address', () => {
  it('leaves the defaults out, so a fresh search is plain /benevoles', () => {
    expect(searchToQuery(emptySearch())).toEqual({});
    expect(searchFromQuery({})).toEqual(emptySearch());
  });

  it('writes filters with French names and reads them back', () => {
    const s = state({
      q: 'compta',
      filters: { skills: ['accounting', 'custom:œuvres-caritatives'], city: ['Besançon'], causes: ['education'], languages: ['ru'] },
      status: 'archived',
      page: 3,
    });
    const query = searchToQuery(s);
    expect(query).toEqual({
      q: 'compta',
      competence: ['accounting', 'custom:œuvres-caritatives'],
      cause: 'education',
      ville: 'Besançon',
      langue: 'ru',
      statut: 'archives',
      page: '3',
    });
    // vue-router hands back strings (or arrays of strings) exactly as written.
    expect(searchFromQuery(query as Record<string, string | string[]>)).toEqual(s);
  });

  it('reads all statuses and ignores nonsense', () => {
    expect(searchFromQuery({ statut: 'tous' }).status).toBe('all');
    expect(searchFromQuery({ statut: 'archives' }).status).toBe('archived');
    expect(searchFromQuery({ statut: 'supprimés' }).status).toBe('active');
    expect(searchFromQuery({ page: '-2' }).page).toBe(1);
    expect(searchFromQuery({ page: '2.5' }).page).toBe(1);
    expect(searchFromQuery({ page: 'deux' }).page).toBe(1);
  });

  it('keeps one value for single-value facets, drops blanks and repeats', () => {
    const s = searchFromQuery({ ville: ['Besançon', 'Dijon'], niveau: 'expert', competence: ['accounting', ' ', 'accounting', null] });
    expect(s.filters.city).toEqual(['Besançon']);
    expect(s.filters.level).toEqual(['expert']);
    expect(s.filters.skills).toEqual(['accounting']);
  });

  it('keeps the text as typed but treats blank text as none', () => {
    expect(searchFromQuery({ q: 'Élodie ' }).q).toBe('Élodie ');
    expect(searchFromQuery({ q: '   ' }).q).toBe('');
    expect(searchFromQuery({ q: ['Ольга', 'x'] }).q).toBe('Ольга');
  });
});

describe('search → API', () => {
  it('repeats multi-value parameters and trims the text', () => {
    const s = state({ q: '  graphisme ', filters: { skills: ['graphic-design', 'accounting'], city: ['Besançon'] } });
    expect(apiSearchParams(s).toString()).toBe('q=graphisme&skill=graphic-design&skill=accounting&city=Besan%C3%A7on&status=active');
  });

  it('pages by 20 with facets', () => {
    const params = apiPageParams(state({ page: 3 }));
    expect(params.get('limit')).toBe('20');
    expect(params.get('offset')).toBe('40');
    expect(params.get('facets')).toBe('true');
  });

  it('exports the whole search without paging', () => {
    const s = state({ q: 'Œuvre', page: 4, filters: { availability: ['evenings'] }, status: 'all' });
    expect(exportPath(s, 'csv')).toBe('/api/volunteers/export.csv?q=%C5%92uvre&availability=evenings&status=all');
    expect(exportPath(emptySearch(), 'xlsx')).toBe('/api/volunteers/export.xlsx?status=active');
  });

  it('tells whether two searches ask the same thing', () => {
    expect(sameSearch(state({ q: 'compta' }), state({ q: 'compta  ' }))).toBe(true);
    expect(sameSearch(state({ q: 'compta' }), state({ q: 'compta', page: 2 }))).toBe(false);
  });
});

describe('facet toggling', () => {
  it('adds and removes values of multi-value facets, back to page 1', () => {
    let s = state({ page: 4 });
    s = toggleFilter(s, 'skills', 'accounting');
    s = toggleFilter(s, 'skills', 'graphic-design');
    expect(s.filters.skills).toEqual(['accounting', 'graphic-design']);
    expect(s.page).toBe(1);
    s = toggleFilter(s, 'skills', 'accounting');
    expect(s.filters.skills).toEqual(['graphic-design']);
  });

  it('replaces the value of single-value facets', () => {
    let s = toggleFilter(emptySearch(), 'city', 'Besançon');
    s = toggleFilter(s, 'city', 'Dijon');
    expect(s.filters.city).toEqual(['Dijon']);
    expect(toggleFilter(s, 'city', 'Dijon').filters.city).toEqual([]);
  });

  it('never changes the search it is given', () => {
    const s = state({ filters: { causes: ['education'] } });
    toggleFilter(s, 'causes', 'health');
    removeFilter(s, 'causes', 'education');
    expect(s.filters.causes).toEqual(['education']);
  });

  it('lists, removes and clears filters, keeping the text and status', () => {
    const s = state({ q: 'Élodie', status: 'all', filters: { city: ['Besançon'], languages: ['fr', 'ru'] } });
    expect(activeFilters(s)).toEqual([
      { facet: 'city', value: 'Besançon' },
      { facet: 'languages', value: 'fr' },
      { facet: 'languages', value: 'ru' },
    ]);
    expect(removeFilter(s, 'languages', 'fr').filters.languages).toEqual(['ru']);
    const cleared = clearFilters(s);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared.q).toBe('Élodie');
    expect(cleared.status).toBe('all');
    expect(isUnfiltered(cleared)).toBe(false);
    expect(isUnfiltered({ ...cleared, q: ' ' })).toBe(true);
  });

  it('counts pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
    expect(pageCount(1234)).toBe(62);
  });
});
