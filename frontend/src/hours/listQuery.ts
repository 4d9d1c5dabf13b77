// The filters of the hours pages and their two spellings: the page's address
// (/heures/toutes?statut=en-attente&projet=4&du=2026-11-01, French names, so that the back button
// and a reload keep them) and the API's query (/api/hours?status=pending&projectId=4&from=…).
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { HourEntry, HourListQuery, HourStatus } from '../api/types';
import { isIsoDate } from './calendarDays';

export const HOUR_STATUSES: readonly HourStatus[] = ['pending', 'approved', 'rejected'];
export const HOURS_PAGE_SIZE = 50;

const STATUS_URL: Record<HourStatus, string> = { pending: 'en-attente', approved: 'validees', rejected: 'refusees' };

export interface HourFilters {
  /** The statuses shown; empty for all. */
  statuses: HourStatus[];
  projectId: string;
  volunteerId: string;
  sponsorId: string;
  from: string;
  to: string;
  /** 1-based. */
  page: number;
}

export function emptyHourFilters(): HourFilters {
  return { statuses: [], projectId: '', volunteerId: '', sponsorId: '', from: '', to: '', page: 1 };
}

function values(raw: LocationQuery[string] | undefined): string[] {
  const list = Array.isArray(raw) ? raw : raw == null ? [] : [raw];
  return list.map((v) => (v ?? '').trim()).filter(Boolean);
}

function id(raw: LocationQuery[string] | undefined): string {
  const v = values(raw)[0] ?? '';
  return /^\d{1,18}$/.test(v) && !/^0+$/.test(v) ? v : '';
}

function date(raw: LocationQuery[string] | undefined): string {
  const v = values(raw)[0] ?? '';
  return isIsoDate(v) ? v : '';
}

/** Reads the filters from the page address; anything unknown or malformed is ignored. */
export function hourFiltersFromQuery(query: LocationQuery): HourFilters {
  const raw = values(query.statut);
  const from = date(query.du);
  const to = date(query.au);
  const page = Number(values(query.page)[0]);
  return {
    statuses: HOUR_STATUSES.filter((s) => raw.includes(STATUS_URL[s])),
    projectId: id(query.projet),
    volunteerId: id(query.benevole),
    sponsorId: id(query.mecene),
    // A period the wrong way round is read the right way round.
    from: from && to && from > to ? to : from,
    to: from && to && from > to ? from : to,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The page address's query; what is not set is left out. */
export function hourFiltersToQuery(f: HourFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  const statuses = HOUR_STATUSES.filter((s) => f.statuses.includes(s));
  if (statuses.length && statuses.length < HOUR_STATUSES.length) {
    query.statut = statuses.length === 1 ? STATUS_URL[statuses[0]!] : statuses.map((s) => STATUS_URL[s]);
  }
  if (f.projectId) query.projet = f.projectId;
  if (f.volunteerId) query.benevole = f.volunteerId;
  if (f.sponsorId) query.mecene = f.sponsorId;
  if (f.from) query.du = f.from;
  if (f.to) query.au = f.to;
  if (f.page > 1) query.page = String(f.page);
  return query;
}

/** One page of entries, as the API reads the filters. */
export function apiHourQuery(f: HourFilters, pageSize = HOURS_PAGE_SIZE): HourListQuery {
  const query: HourListQuery = { limit: pageSize, offset: (Math.max(1, f.page) - 1) * pageSize };
  const statuses = HOUR_STATUSES.filter((s) => f.statuses.includes(s));
  if (statuses.length && statuses.length < HOUR_STATUSES.length) query.status = statuses;
  if (f.projectId) query.projectId = f.projectId;
  if (f.volunteerId) query.volunteerId = f.volunteerId;
  if (f.sponsorId) query.sponsorId = f.sponsorId;
  if (f.from) query.from = f.from;
  if (f.to) query.to = f.to;
  return query;
}

export function hasHourFilters(f: HourFilters): boolean {
  return !!(f.statuses.length || f.projectId || f.volunteerId || f.sponsorId || f.from || f.to);
}

export function toggleHourStatus(f: HourFilters, status: HourStatus): HourFilters {
  const next = f.statuses.includes(status) ? f.statuses.filter((s) => s !== status) : [...f.statuses, status];
  return { ...f, statuses: HOUR_STATUSES.filter((s) => next.includes(s)), page: 1 };
}

export function hourPageCount(total: number, pageSize = HOURS_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

// Sums the page computes itself ---------------------------------------------------------------------

export interface SelectionTotals {
  entries: number;
  minutes: number;
  /** In euros, summed in cents so that 0.1 + 0.2 stays 0.30. */
  value: number;
}

/** The time and value of the chosen entries (the value at today's hourly values, approved or not). */
export function selectionTotals(items: readonly Pick<HourEntry, 'id' | 'hours' | 'value'>[], ids: ReadonlySet<string>): SelectionTotals {
  let minutes = 0;
  let cents = 0;
  let entries = 0;
  for (const e of items) {
    if (!ids.has(e.id)) continue;
    entries += 1;
    minutes += Math.round(e.hours * 60);
    cents += Math.round(e.value * 100);
  }
  return { entries, minutes, value: cents / 100 };
}

/** The select-all box: checked, unchecked or in between, from the ids chosen among those shown. */
export function selectAllState(shown: readonly { id: string }[], ids: ReadonlySet<string>): 'all' | 'some' | 'none' {
  const n = shown.filter((e) => ids.has(e.id)).length;
  if (n === 0) return 'none';
  return n === shown.length ? 'all' : 'some';
}

export interface MemberHours {
  volunteerId: string;
  name: string;
  approvedMinutes: number;
  pendingMinutes: number;
  /** Value in euros of the approved time. */
  value: number;
  entries: number;
}

/**
 * A project's hours per person: every team member (even without hours yet), then anyone else who
 * logged time on it; the most approved time first, then by name. Refused entries do not count.
 */
export function hoursByMember(
  entries: readonly Pick<HourEntry, 'volunteerId' | 'volunteerName' | 'hours' | 'value' | 'status'>[],
  team: readonly { volunteerId: string; name: string }[],
  locale: string,
): MemberHours[] {
  const byId = new Map<string, MemberHours & { cents: number }>();
  const get = (volunteerId: string, name: string) => {
    let m = byId.get(volunteerId);
    if (!m) {
      m = { volunteerId, name, approvedMinutes: 0, pendingMinutes: 0, value: 0, entries: 0, cents: 0 };
      byId.set(volunteerId, m);
    }
    return m;
  };
  for (const member of team) get(member.volunteerId, member.name);
  for (const e of entries) {
    if (e.status === 'rejected') continue;
    // Hours of an erased person stay as anonymous totals: grouped under no name.
    const m = get(e.volunteerId, e.volunteerName);
    const minutes = Math.round(e.hours * 60);
    m.entries += 1;
    if (e.status === 'approved') {
      m.approvedMinutes += minutes;
      m.cents += Math.round(e.value * 100);
    } else {
      m.pendingMinutes += minutes;
    }
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...byId.values()]
    .map(({ cents, ...m }) => ({ ...m, value: cents / 100 }))
    .sort((a, b) => b.approvedMinutes - a.approvedMinutes || b.pendingMinutes - a.pendingMinutes || collator.compare(a.name, b.name));
}
