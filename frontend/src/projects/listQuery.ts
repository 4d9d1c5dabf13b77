// The project list's filters as the page holds them, and their two spellings: the page's address
// (/projets?statut=recrutement&mecene=4, French names, so that the back button and a reload keep
// them) and the API's query (/api/projects?status=recruiting&sponsorId=4).
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { ProjectListQuery, ProjectStatus } from '../api/types';
import { DEFAULT_STATUSES, PROJECT_STATUSES } from './status';

export const PAGE_SIZE = 20;

/** The status names of the address. */
const STATUS_URL: Record<ProjectStatus, string> = {
  draft: 'brouillon',
  recruiting: 'recrutement',
  inProgress: 'en-cours',
  completed: 'termine',
  evaluated: 'evalue',
  cancelled: 'annule',
};
const ALL_STATUSES_URL = 'tous';

export interface ProjectListState {
  q: string;
  /** The statuses shown, never empty, in the order of a project's life. */
  statuses: ProjectStatus[];
  organizationId: string;
  sponsorId: string;
  programId: string;
  /** 1-based. */
  page: number;
}

export function emptyProjectList(): ProjectListState {
  return { q: '', statuses: [...DEFAULT_STATUSES], organizationId: '', sponsorId: '', programId: '', page: 1 };
}

function values(raw: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : raw == null ? [] : [raw];
  return list.map((v) => (v ?? '').trim()).filter(Boolean);
}

/** An ID from the address: digits only, else none. */
function id(raw: LocationQuery[string] | undefined): string {
  const v = values(raw)[0] ?? '';
  return /^\d{1,18}$/.test(v) && !/^0+$/.test(v) ? v : '';
}

/** The statuses in the order of a project's life, each once. */
function ordered(statuses: Iterable<ProjectStatus>): ProjectStatus[] {
  const set = new Set(statuses);
  return PROJECT_STATUSES.filter((s) => set.has(s));
}

function sameStatuses(a: readonly ProjectStatus[], b: readonly ProjectStatus[]): boolean {
  return a.length === b.length && a.every((s) => b.includes(s));
}

export function isAllStatuses(statuses: readonly ProjectStatus[]): boolean {
  return sameStatuses(statuses, PROJECT_STATUSES);
}

export function isDefaultStatuses(statuses: readonly ProjectStatus[]): boolean {
  return sameStatuses(statuses, DEFAULT_STATUSES);
}

/** Reads the filters from the page address; anything unknown or malformed is ignored. */
export function projectListFromQuery(query: LocationQuery): ProjectListState {
  const state = emptyProjectList();
  const q = Array.isArray(query.q) ? query.q[0] : query.q;
  state.q = typeof q === 'string' && q.trim() ? q : '';
  const raw = values(query.statut);
  if (raw.includes(ALL_STATUSES_URL)) {
    state.statuses = [...PROJECT_STATUSES];
  } else {
    const chosen = ordered(PROJECT_STATUSES.filter((s) => raw.includes(STATUS_URL[s])));
    if (chosen.length) state.statuses = chosen;
  }
  state.organizationId = id(query.association);
  state.sponsorId = id(query.mecene);
  state.programId = id(query.programme);
  const page = Number(values(query.page)[0]);
  state.page = Number.isInteger(page) && page > 1 ? page : 1;
  return state;
}

/** The page address's query: defaults are left out, so the list as it opens is plain /projets. */
export function projectListToQuery(state: ProjectListState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.q.trim()) query.q = state.q;
  const statuses = ordered(state.statuses);
  if (isAllStatuses(statuses)) query.statut = ALL_STATUSES_URL;
  else if (statuses.length && !isDefaultStatuses(statuses)) {
    query.statut = statuses.length === 1 ? STATUS_URL[statuses[0]!] : statuses.map((s) => STATUS_URL[s]);
  }
  if (state.organizationId) query.association = state.organizationId;
  if (state.sponsorId) query.mecene = state.sponsorId;
  if (state.programId) query.programme = state.programId;
  if (state.page > 1) query.page = String(state.page);
  return query;
}

/** The filters other than the status, as the API reads them. */
function apiFilters(state: ProjectListState): ProjectListQuery {
  const query: ProjectListQuery = {};
  if (state.q.trim()) query.q = state.q.trim();
  if (state.organizationId) query.organizationId = state.organizationId;
  if (state.sponsorId) query.sponsorId = state.sponsorId;
  if (state.programId) query.programId = state.programId;
  return query;
}

/** One page of the list. */
export function apiProjectListQuery(state: ProjectListState, pageSize = PAGE_SIZE): ProjectListQuery {
  return {
    ...apiFilters(state),
    status: ordered(state.statuses),
    limit: pageSize,
    offset: (Math.max(1, state.page) - 1) * pageSize,
  };
}

/** The query that counts the projects of one status under the other filters (its total is the count). */
export function apiStatusCountQuery(state: ProjectListState, status: ProjectStatus): ProjectListQuery {
  return { ...apiFilters(state), status: [status], limit: 1, offset: 0 };
}

/**
 * A status chip clicked: shown statuses gain or lose it, back to page 1. The last status shown
 * stays: a list of no status would show nothing.
 */
export function toggleStatus(state: ProjectListState, status: ProjectStatus): ProjectListState {
  const has = state.statuses.includes(status);
  if (has && state.statuses.length === 1) return state;
  const next = has ? state.statuses.filter((s) => s !== status) : [...state.statuses, status];
  return { ...state, statuses: ordered(next), page: 1 };
}

/** The "all" chip: every status, or back to the default ones when every status is already shown. */
export function toggleAllStatuses(state: ProjectListState): ProjectListState {
  const statuses = isAllStatuses(state.statuses) ? [...DEFAULT_STATUSES] : [...PROJECT_STATUSES];
  return { ...state, statuses, page: 1 };
}

/** A sponsor chosen (or none): a program of another sponsor no longer fits. */
export function withSponsor(state: ProjectListState, sponsorId: string, programSponsor: (programId: string) => string | undefined): ProjectListState {
  const keepProgram = state.programId && sponsorId && programSponsor(state.programId) === sponsorId;
  return { ...state, sponsorId, programId: keepProgram ? state.programId : '', page: 1 };
}

export function hasFilters(state: ProjectListState): boolean {
  return !!(state.q.trim() || state.organizationId || state.sponsorId || state.programId);
}

/** No text and no select: only the status may narrow the list. */
export function clearFilters(state: ProjectListState): ProjectListState {
  return { ...state, q: '', organizationId: '', sponsorId: '', programId: '', page: 1 };
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
