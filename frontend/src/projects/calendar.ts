// The calendar of all projects: a month as weeks of days (Monday first, as in France), the
// milestones and tasks of each day, the list of what comes next, and the view kept in the address
// (/projets/agenda?mois=2026-12&vue=liste).
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { CalendarEntry } from '../api/types';
import { intlLocale, type FormatLocale } from '../format/format';
import { isoDate } from './agenda';

export interface Month {
  year: number;
  /** 1 to 12. */
  month: number;
}

export interface CalendarDay {
  /** YYYY-MM-DD. */
  date: string;
  day: number;
  inMonth: boolean;
}

export type CalendarView = 'month' | 'list';

export interface CalendarState {
  view: CalendarView;
  /** The month shown; null for the current one. */
  month: Month | null;
}

export function monthOf(date: string | Date): Month {
  if (date instanceof Date) return { year: date.getFullYear(), month: date.getMonth() + 1 };
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

/** "2026-12" → December 2026; anything else → null. */
export function parseMonth(value: string): Month | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const month = Number(m[2]);
  const year = Number(m[1]);
  return month >= 1 && month <= 12 && year >= 1900 && year <= 9999 ? { year, month } : null;
}

export function formatMonthKey(m: Month): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

export function addMonths(m: Month, count: number): Month {
  const index = m.year * 12 + (m.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The weeks that show a month, Monday first: the days before the 1st and after the last day fill
 * the first and last weeks (marked outside the month).
 */
export function monthGrid(m: Month): CalendarDay[][] {
  const first = new Date(m.year, m.month - 1, 1);
  const offset = (first.getDay() + 6) % 7; // days since Monday
  const start = new Date(m.year, m.month - 1, 1 - offset);
  const daysInMonth = new Date(m.year, m.month, 0).getDate();
  const weeks = Math.ceil((offset + daysInMonth) / 7);
  const grid: CalendarDay[][] = [];
  for (let w = 0; w < weeks; w++) {
    const week: CalendarDay[] = [];
    for (let d = 0; d < 7; d++) {
      const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + w * 7 + d);
      week.push({ date: isoDate(day), day: day.getDate(), inMonth: day.getMonth() === m.month - 1 });
    }
    grid.push(week);
  }
  return grid;
}

/** Within a day: milestones before tasks, open before done, then by title. */
function compareInDay(a: CalendarEntry, b: CalendarEntry): number {
  if (a.kind !== b.kind) return a.kind === 'milestone' ? -1 : 1;
  if (a.done !== b.done) return a.done ? 1 : -1;
  return a.title.localeCompare(b.title, 'fr', { sensitivity: 'base' }) || a.projectTitle.localeCompare(b.projectTitle, 'fr');
}

/** The entries of each day, in the order of compareInDay. */
export function groupByDay(entries: readonly CalendarEntry[]): Map<string, CalendarEntry[]> {
  const days = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    if (!e.date) continue;
    const list = days.get(e.date);
    if (list) list.push(e);
    else days.set(e.date, [e]);
  }
  for (const list of days.values()) list.sort(compareInDay);
  return days;
}

export interface DayGroup {
  date: string;
  entries: CalendarEntry[];
}

function groups(entries: readonly CalendarEntry[]): DayGroup[] {
  return [...groupByDay(entries)].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, entries: list }));
}

/** What comes from today on, by day; done items left out. */
export function upcoming(entries: readonly CalendarEntry[], today: string, limitDays = 60): DayGroup[] {
  return groups(entries.filter((e) => !e.done && e.date >= today)).slice(0, limitDays);
}

/** What should have been done before today and is not, by day. */
export function overdue(entries: readonly CalendarEntry[], today: string): DayGroup[] {
  return groups(entries.filter((e) => !e.done && e.date < today));
}

/** "Décembre 2026" / "December 2026". */
export function monthTitle(m: Month, locale: FormatLocale): string {
  const text = new Intl.DateTimeFormat(intlLocale(locale), { month: 'long', year: 'numeric' }).format(new Date(m.year, m.month - 1, 1));
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Short weekday names, Monday first: "lun.", "mar."… / "Mon", "Tue"… */
export function weekdayNames(locale: FormatLocale, width: 'short' | 'long' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(intlLocale(locale), { weekday: width });
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(2024, 0, 1 + i)));
}

/** "Mardi 15 décembre" / "Tuesday 15 December", for the headings of the list view. */
export function dayTitle(date: string, locale: FormatLocale, withYear = false): string {
  const [y, m, d] = date.split('-').map(Number);
  const text = new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(new Date(y!, m! - 1, d!));
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function calendarFromQuery(query: LocationQuery): CalendarState {
  const vue = Array.isArray(query.vue) ? query.vue[0] : query.vue;
  const mois = Array.isArray(query.mois) ? query.mois[0] : query.mois;
  return { view: vue === 'liste' ? 'list' : 'month', month: typeof mois === 'string' ? parseMonth(mois) : null };
}

export function calendarToQuery(state: CalendarState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.view === 'list') query.vue = 'liste';
  if (state.month) query.mois = formatMonthKey(state.month);
  return query;
}
