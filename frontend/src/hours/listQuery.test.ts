import { describe, expect, it } from 'vitest';
import {
  apiHourQuery,
  emptyHourFilters,
  hasHourFilters,
  hourFiltersFromQuery,
  hourFiltersToQuery,
  hourPageCount,
  hoursByMember,
  selectAllState,
  selectionTotals,
  toggleHourStatus,
} from './listQuery';

describe('hour filters in the address', () => {
  it('reads statuses, ids, the period and the page', () => {
    const f = hourFiltersFromQuery({
      statut: ['en-attente', 'validees', 'inconnu'],
      projet: '4',
      benevole: '12',
      mecene: '3',
      du: '2026-11-01',
      au: '2026-11-30',
      page: '2',
    });
    expect(f).toEqual({
      statuses: ['pending', 'approved'],
      projectId: '4',
      volunteerId: '12',
      sponsorId: '3',
      from: '2026-11-01',
      to: '2026-11-30',
      page: 2,
    });
  });

  it('ignores what is malformed and turns a backwards period round', () => {
    const f = hourFiltersFromQuery({ projet: 'abc', benevole: '0', du: '2026-11-30', au: '2026-11-01', page: '-3', mecene: '2026-02-30' });
    expect(f).toMatchObject({ projectId: '', volunteerId: '', sponsorId: '', from: '2026-11-01', to: '2026-11-30', page: 1 });
    expect(hourFiltersFromQuery({ du: '30/11/2026' }).from).toBe('');
  });

  it('writes back only what is set, and reads back what it writes', () => {
    expect(hourFiltersToQuery(emptyHourFilters())).toEqual({});
    const f = { ...emptyHourFilters(), statuses: ['rejected' as const], projectId: '4', from: '2026-11-01', page: 3 };
    const q = hourFiltersToQuery(f);
    expect(q).toEqual({ statut: 'refusees', projet: '4', du: '2026-11-01', page: '3' });
    expect(hourFiltersFromQuery(q as never)).toEqual(f);
    // Every status is the same as none.
    expect(hourFiltersToQuery({ ...emptyHourFilters(), statuses: ['pending', 'approved', 'rejected'] })).toEqual({});
  });

  it('builds the API query of a page', () => {
    const f = { ...emptyHourFilters(), statuses: ['approved' as const, 'pending' as const], sponsorId: '3', to: '2026-11-30', page: 2 };
    expect(apiHourQuery(f)).toEqual({ limit: 50, offset: 50, status: ['pending', 'approved'], sponsorId: '3', to: '2026-11-30' });
    expect(apiHourQuery(emptyHourFilters(), 20)).toEqual({ limit: 20, offset: 0 });
  });

  it('toggles a status back to page 1 and knows when filters are set', () => {
    const f = { ...emptyHourFilters(), page: 4 };
    const pending = toggleHourStatus(f, 'pending');
    expect(pending).toMatchObject({ statuses: ['pending'], page: 1 });
    expect(toggleHourStatus(pending, 'pending').statuses).toEqual([]);
    expect(hasHourFilters(f)).toBe(false);
    expect(hasHourFilters(pending)).toBe(true);
    expect(hasHourFilters({ ...f, to: '2026-11-30' })).toBe(true);
  });

  it('counts pages', () => {
    expect(hourPageCount(0)).toBe(1);
    expect(hourPageCount(50)).toBe(1);
    expect(hourPageCount(51)).toBe(2);
  });
});

describe('selection', () => {
  const items = [
    { id: '1', hours: 1.5, value: 0.1 },
    { id: '2', hours: 80 / 60, value: 0.2 },
    { id: '3', hours: 2, value: 90 },
  ];

  it('adds the time and value of the chosen entries, to the cent', () => {
    expect(selectionTotals(items, new Set(['1', '2']))).toEqual({ entries: 2, minutes: 170, value: 0.3 });
    expect(selectionTotals(items, new Set())).toEqual({ entries: 0, minutes: 0, value: 0 });
    expect(selectionTotals(items, new Set(['3', 'absent']))).toEqual({ entries: 1, minutes: 120, value: 90 });
  });

  it('says whether all, some or none of those shown are chosen', () => {
    expect(selectAllState(items, new Set(['1', '2', '3']))).toBe('all');
    expect(selectAllState(items, new Set(['2', 'elsewhere']))).toBe('some');
    expect(selectAllState(items, new Set(['elsewhere']))).toBe('none');
    expect(selectAllState([], new Set())).toBe('none');
  });
});

describe('hoursByMember', () => {
  const team = [
    { volunteerId: '1', name: 'Élodie Dubœuf' },
    { volunteerId: '2', name: 'Łukasz Wiśniewski' },
    { volunteerId: '5', name: 'Anaïs Zoé' },
  ];
  const entries = [
    { volunteerId: '2', volunteerName: 'Łukasz Wiśniewski', hours: 3, value: 54, status: 'approved' as const },
    { volunteerId: '2', volunteerName: 'Łukasz Wiśniewski', hours: 1, value: 18, status: 'pending' as const },
    { volunteerId: '1', volunteerName: 'Élodie Dubœuf', hours: 1.5, value: 90.1, status: 'approved' as const },
    { volunteerId: '1', volunteerName: 'Élodie Dubœuf', hours: 5, value: 300, status: 'rejected' as const },
    { volunteerId: '9', volunteerName: 'Ольга Петрова', hours: 2, value: 0, status: 'pending' as const },
  ];

  it('sums approved and pending time per person, the most approved first', () => {
    const rows = hoursByMember(entries, team, 'fr');
    expect(rows.map((r) => r.name)).toEqual(['Łukasz Wiśniewski', 'Élodie Dubœuf', 'Ольга Петрова', 'Anaïs Zoé']);
    expect(rows[0]).toEqual({ volunteerId: '2', name: 'Łukasz Wiśniewski', approvedMinutes: 180, pendingMinutes: 60, value: 54, entries: 2 });
    // The refused 5 hours do not count.
    expect(rows[1]).toMatchObject({ approvedMinutes: 90, pendingMinutes: 0, value: 90.1, entries: 1 });
    // Someone who logged time without being on the team is listed too; a member without hours last.
    expect(rows[2]).toMatchObject({ volunteerId: '9', pendingMinutes: 120 });
    expect(rows[3]).toMatchObject({ volunteerId: '5', approvedMinutes: 0, pendingMinutes: 0, entries: 0 });
  });
});
