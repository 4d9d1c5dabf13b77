// The survey list's filters are the page address (/impact?projet=3&page=2), so that the back
// button and a reload keep them.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';

export const SURVEY_PAGE_SIZE = 20;

export interface SurveyListState {
  projectId: string;
  programId: string;
  page: number;
}

function digits(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && /^\d+$/.test(value) ? value : '';
}

export function surveyListFromQuery(query: LocationQuery): SurveyListState {
  const page = Number(digits(query.page) || '1');
  return { projectId: digits(query.projet), programId: digits(query.programme), page: page >= 1 ? page : 1 };
}

export function surveyListToQuery(state: SurveyListState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.projectId) query.projet = state.projectId;
  if (state.programId) query.programme = state.programId;
  if (state.page > 1) query.page = String(state.page);
  return query;
}

/** The API's query for the list: the project's or the program's surveys, a page of them. */
export function apiSurveyListQuery(state: SurveyListState): { projectId?: string; programId?: string; limit: number; offset: number } {
  return {
    ...(state.projectId ? { projectId: state.projectId } : {}),
    ...(state.programId ? { programId: state.programId } : {}),
    limit: SURVEY_PAGE_SIZE,
    offset: (state.page - 1) * SURVEY_PAGE_SIZE,
  };
}

export function surveyPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / SURVEY_PAGE_SIZE));
}

export function hasSurveyFilters(state: SurveyListState): boolean {
  return state.projectId !== '' || state.programId !== '';
}

/** The address of a new survey, attached to a project or a program when one is given. */
export function newSurveyLocation(start: { projectId?: string; programId?: string } = {}): { path: string; query: LocationQueryRaw } {
  const query: LocationQueryRaw = {};
  if (start.programId) query.programme = start.programId;
  else if (start.projectId) query.projet = start.projectId;
  return { path: '/impact/enquetes/nouvelle', query };
}
