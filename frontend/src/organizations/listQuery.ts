// The organization list as the page holds it: which kind, the text, the page; kept in the address
// (/organisations?type=mecenes&q=fondation) so that the back button and a reload keep it.
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { OrganizationKind } from '../api/types';

export const ORGANIZATION_PAGE_SIZE = 30;

const KIND_URL: Record<OrganizationKind, string> = { association: 'associations', sponsor: 'mecenes' };

export interface OrganizationListState {
  kind: OrganizationKind;
  q: string;
  /** 1-based. */
  page: number;
}

function first(raw: LocationQuery[string] | undefined): string {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return typeof v === 'string' ? v : '';
}

export function organizationListFromQuery(query: LocationQuery): OrganizationListState {
  const type = first(query.type).trim();
  const q = first(query.q);
  const page = Number(first(query.page));
  return {
    kind: type === KIND_URL.sponsor ? 'sponsor' : 'association',
    q: q.trim() ? q : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function organizationListToQuery(state: OrganizationListState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.kind === 'sponsor') query.type = KIND_URL.sponsor;
  if (state.q.trim()) query.q = state.q;
  if (state.page > 1) query.page = String(state.page);
  return query;
}

/** The address's word for a kind, for links such as /organisations/nouvelle?type=mecenes. */
export function kindToQuery(kind: OrganizationKind): LocationQueryRaw {
  return kind === 'sponsor' ? { type: KIND_URL.sponsor } : {};
}

export function apiOrganizationListQuery(state: OrganizationListState, pageSize = ORGANIZATION_PAGE_SIZE) {
  return {
    kind: state.kind,
    ...(state.q.trim() ? { q: state.q.trim() } : {}),
    limit: pageSize,
    offset: (Math.max(1, state.page) - 1) * pageSize,
  };
}
