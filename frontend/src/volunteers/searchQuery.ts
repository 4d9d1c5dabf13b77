// The volunteer search as the page holds it, and its two spellings: the page's address
// (/benevoles?q=compta&ville=Besançon, French names, so that the back button and a reload keep the
// search) and the API's query string (/api/volunteers?q=compta&city=Besançon).
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { VolunteerSearchQuery } from '../api/types';

/** The facets of a search, in the order of the facet panel. Names are the API's facet keys. */
export const FACETS = ['skills', 'causes', 'city', 'availability', 'languages', 'level'] as const;
export type Facet = (typeof FACETS)[number];

/** Facets whose filter takes one value: choosing another value replaces it. */
export const SINGLE_VALUE_FACETS: readonly Facet[] = ['city', 'level'];

export const STATUSES = ['active', 'archived', 'all'] as const;
export type StatusFilter = (typeof STATUSES)[number];

export const PAGE_SIZE = 20;

/** The parameter of each facet's filter in the page address and in the API. */
const URL_KEYS: Record<Facet, string> = {
  skills: 'competence',
  causes: 'cause',
  city: 'ville',
  availability: 'dispo',
  languages: 'langue',
  level: 'niveau',
};
const STATUS_URL: Record<StatusFilter, string> = { active: '', archived: 'archives', all: 'tous' };

export type Filters = Record<Facet, string[]>;

export interface SearchState {
  q: string;
  filters: Filters;
  status: StatusFilter;
  /** 1-based. */
  page: number;
}

export function emptyFilters(): Filters {
  return { skills: [], causes: [], city: [], availability: [], languages: [], level: [] };
}

export function emptySearch(): SearchState {
  return { q: '', filters: emptyFilters(), status: 'active', page: 1 };
}

function values(raw: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : raw == null ? [] : [raw];
  const out: string[] = [];
  for (const v of list) {
    const s = (v ?? '').trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function first(raw: LocationQuery[string] | undefined): string {
  return values(raw)[0] ?? '';
}

/** Reads the search from the page address; anything unknown or malformed is ignored. */
export function searchFromQuery(query: LocationQuery): SearchState {
  const state = emptySearch();
  // The text keeps its inner spaces as typed; only an all-blank text counts as none.
  const q = Array.isArray(query.q) ? query.q[0] : query.q;
  state.q = typeof q === 'string' && q.trim() ? q : '';
  for (const facet of FACETS) {
    const list = values(query[URL_KEYS[facet]]);
    state.filters[facet] = SINGLE_VALUE_FACETS.includes(facet) ? list.slice(0, 1) : list;
  }
  const status = first(query.statut);
  state.status = (Object.keys(STATUS_URL) as StatusFilter[]).find((s) => STATUS_URL[s] === status && s !== 'active') ?? 'active';
  const page = Number(first(query.page));
  state.page = Number.isInteger(page) && page > 1 ? page : 1;
  return state;
}

/** The page address's query for a search: defaults are left out, so a fresh search is /benevoles. */
export function searchToQuery(state: SearchState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.q.trim()) query.q = state.q;
  for (const facet of FACETS) {
    const list = state.filters[facet];
    if (list.length === 1) query[URL_KEYS[facet]] = list[0]!;
    else if (list.length > 1) query[URL_KEYS[facet]] = [...list];
  }
  if (state.status !== 'active') query.statut = STATUS_URL[state.status];
  if (state.page > 1) query.page = String(state.page);
  return query;
}

/** The filters and text as the API reads them (GET /api/volunteers and the exports). */
export function apiSearchQuery(state: SearchState): VolunteerSearchQuery {
  const f = state.filters;
  const query: VolunteerSearchQuery = {};
  if (state.q.trim()) query.q = state.q.trim();
  if (f.skills.length) query.skill = [...f.skills];
  if (f.causes.length) query.cause = [...f.causes];
  if (f.city[0]) query.city = f.city[0];
  if (f.availability.length) query.availability = [...f.availability];
  if (f.languages.length) query.language = [...f.languages];
  if (f.level[0]) query.level = f.level[0];
  query.status = state.status;
  return query;
}

/** One page of results, with facet counts. */
export function apiPageQuery(state: SearchState, pageSize = PAGE_SIZE): VolunteerSearchQuery {
  return { ...apiSearchQuery(state), limit: pageSize, offset: (Math.max(1, state.page) - 1) * pageSize, facets: true };
}

/** A query written as a query string, multi-value parameters repeated as the API reads them. */
function toSearchParams(query: VolunteerSearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else if (value !== undefined && value !== null) params.set(key, String(value));
  }
  return params;
}

export function apiSearchParams(state: SearchState): URLSearchParams {
  return toSearchParams(apiSearchQuery(state));
}

export function apiPageParams(state: SearchState, pageSize = PAGE_SIZE): URLSearchParams {
  return toSearchParams(apiPageQuery(state, pageSize));
}

/** The API path of the export of every volunteer matching the search. */
export function exportPath(state: SearchState, format: 'xlsx' | 'csv'): string {
  const query = apiSearchParams(state).toString();
  return `/api/volunteers/export.${format}${query ? `?${query}` : ''}`;
}

export function isFilterActive(state: SearchState, facet: Facet, value: string): boolean {
  return state.filters[facet].includes(value);
}

function withFilters(state: SearchState, facet: Facet, list: string[]): SearchState {
  return { ...state, filters: { ...state.filters, [facet]: list }, page: 1 };
}

/** Adds the value to the facet's filter, or takes it away when it is already there. Back to page 1. */
export function toggleFilter(state: SearchState, facet: Facet, value: string): SearchState {
  const current = state.filters[facet];
  if (current.includes(value)) return withFilters(state, facet, current.filter((v) => v !== value));
  return withFilters(state, facet, SINGLE_VALUE_FACETS.includes(facet) ? [value] : [...current, value]);
}

export function removeFilter(state: SearchState, facet: Facet, value: string): SearchState {
  return withFilters(state, facet, state.filters[facet].filter((v) => v !== value));
}

/** Every filter taken away; the text and the status stay. */
export function clearFilters(state: SearchState): SearchState {
  return { ...state, filters: emptyFilters(), page: 1 };
}

export interface ActiveFilter {
  facet: Facet;
  value: string;
}

export function activeFilters(state: SearchState): ActiveFilter[] {
  return FACETS.flatMap((facet) => state.filters[facet].map((value) => ({ facet, value })));
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((facet) => state.filters[facet].length > 0);
}

/** No text and no filter: the whole file (of the chosen status). */
export function isUnfiltered(state: SearchState): boolean {
  return !state.q.trim() && !hasFilters(state);
}

/** Whether two searches ask the server the same thing. */
export function sameSearch(a: SearchState, b: SearchState): boolean {
  return apiPageParams(a).toString() === apiPageParams(b).toString();
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
