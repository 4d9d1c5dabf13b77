import { describe, expect, it } from 'vitest';
import {
  apiProjectListQuery,
  apiStatusCountQuery,
  clearFilters,
  emptyProjectList,
  hasFilters,
  pageCount,
  projectListFromQuery,
  projectListToQuery,
  toggleAllStatuses,
  toggleStatus,
  withSponsor,
} from './listQuery';

describe('project list in the address', () => {
  it('is plain /projets by default: the projects still alive', () => {
    const state = projectListFromQuery({});
    expect(state).toEqual(emptyProjectList());
    expect(state.statuses).toEqual(['draft', 'recruiting', 'inProgress', 'completed']);
    expect(projectListToQuery(state)).toEqual({});
  });

  it('reads and writes French names, statuses in the order of a project’s life', () => {
    const state = projectListFromQuery({
      q: 'comptabilité ',
      statut: ['en-cours', 'recrutement', 'inconnu'],
      association: '12',
      mecene: '4',
      programme: '7',
      page: '3',
    });
    expect(state).toEqual({
      q: 'comptabilité ',
      statuses: ['recruiting', 'inProgress'],
      organizationId: '12',
      sponsorId: '4',
      programId: '7',
      page: 3,
    });
    expect(projectListToQuery(state)).toEqual({
      q: 'comptabilité ',
      statut: ['recrutement', 'en-cours'],
      association: '12',
      mecene: '4',
      programme: '7',
      page: '3',
    });
  });

  it('spells every status as “tous” and one status alone as a single value', () => {
    expect(projectListFromQuery({ statut: 'tous' }).statuses).toHaveLength(6);
    expect(projectListToQuery(toggleAllStatuses(emptyProjectList()))).toEqual({ statut: 'tous' });
    expect(projectListToQuery({ ...emptyProjectList(), statuses: ['cancelled'] })).toEqual({ statut: 'annule' });
  });

  it('ignores malformed IDs, pages and blank text', () => {
    const state = projectListFromQuery({ q: '   ', association: 'abc', mecene: '0', programme: '-1', page: '0', statut: 'nimporte' });
    expect(state).toEqual(emptyProjectList());
  });
});

describe('project list filters', () => {
  it('toggle a status and go back to page 1, never leaving the list without any', () => {
    const start = { ...emptyProjectList(), page: 4 };
    const withCancelled = toggleStatus(start, 'cancelled');
    expect(withCancelled.statuses).toEqual(['draft', 'recruiting', 'inProgress', 'completed', 'cancelled']);
    expect(withCancelled.page).toBe(1);
    expect(toggleStatus(withCancelled, 'draft').statuses).toEqual(['recruiting', 'inProgress', 'completed', 'cancelled']);
    const one = { ...start, statuses: ['draft' as const] };
    expect(toggleStatus(one, 'draft')).toBe(one);
  });

  it('“all” shows every status, and again returns to the default ones', () => {
    const all = toggleAllStatuses(emptyProjectList());
    expect(all.statuses).toHaveLength(6);
    expect(toggleAllStatuses(all).statuses).toEqual(emptyProjectList().statuses);
  });

  it('drop a program of another sponsor when the sponsor changes', () => {
    const sponsorOf = (programId: string) => ({ '7': '4', '8': '5' })[programId];
    const state = { ...emptyProjectList(), sponsorId: '4', programId: '7', page: 2 };
    expect(withSponsor(state, '4', sponsorOf)).toMatchObject({ programId: '7', page: 1 });
    expect(withSponsor(state, '5', sponsorOf)).toMatchObject({ sponsorId: '5', programId: '' });
    expect(withSponsor(state, '', sponsorOf)).toMatchObject({ sponsorId: '', programId: '' });
  });

  it('clear the text and selects but keep the statuses', () => {
    const state = { ...emptyProjectList(), q: 'jardin', organizationId: '3', statuses: ['cancelled' as const] };
    expect(hasFilters(state)).toBe(true);
    const cleared = clearFilters(state);
    expect(hasFilters(cleared)).toBe(false);
    expect(cleared.statuses).toEqual(['cancelled']);
  });
});

describe('project list API queries', () => {
  it('ask one page with the statuses shown', () => {
    const state = { ...emptyProjectList(), q: ' Œuvre ', sponsorId: '4', page: 2 };
    expect(apiProjectListQuery(state)).toEqual({
      q: 'Œuvre',
      sponsorId: '4',
      status: ['draft', 'recruiting', 'inProgress', 'completed'],
      limit: 20,
      offset: 20,
    });
  });

  it('count each status under the same other filters', () => {
    const state = { ...emptyProjectList(), organizationId: '3', statuses: ['draft' as const] };
    expect(apiStatusCountQuery(state, 'cancelled')).toEqual({ organizationId: '3', status: ['cancelled'], limit: 1, offset: 0 });
  });

  it('count pages', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});
