// A volunteer's availability in words: "lundi et jeudi, en soirée · 10 h par mois · à distance".
import type { Availability } from '../api/types';
import { intlLocale, type FormatLocale } from '../format/format';

/** Weekdays, Monday first as in France. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export const WORK_MODES = ['onsite', 'remote', 'either'] as const;

export interface AvailabilityWords {
  /** A weekday as written inside a sentence ("lundi", "Monday"). */
  day(id: string): string;
  evenings: string;
  weekends: string;
  /** "10 h par mois". */
  hours(count: number): string;
  /** "à distance"; "" for an unknown mode. */
  mode(mode: string): string;
}

export interface AvailabilityParts {
  /** "lundi et jeudi"; "" when none. */
  days: string;
  /** "en soirée et le week-end"; "" when none. */
  moments: string;
  /** Both: "lundi et jeudi, en soirée"; "" when none. */
  when: string;
  hours: string;
  mode: string;
}

/** The days in week order, unknown ones left out, each once. */
export function sortDays(days: readonly string[] | null | undefined): string[] {
  const set = new Set(days ?? []);
  return WEEKDAYS.filter((d) => set.has(d));
}

function joinList(items: string[], locale: FormatLocale): string {
  if (items.length <= 1) return items.join('');
  return new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

export function availabilityParts(
  a: Availability | null | undefined,
  words: AvailabilityWords,
  locale: FormatLocale,
): AvailabilityParts {
  const days = joinList(sortDays(a?.days).map((d) => words.day(d)), locale);
  const moments = joinList([a?.evenings ? words.evenings : '', a?.weekends ? words.weekends : ''].filter(Boolean), locale);
  const hours = a?.hoursPerMonth && a.hoursPerMonth > 0 ? words.hours(a.hoursPerMonth) : '';
  const mode = a?.mode ? words.mode(a.mode) : '';
  return { days, moments, when: [days, moments].filter(Boolean).join(', '), hours, mode };
}

/** One line, parts separated by " · "; "" when nothing is known. */
export function availabilitySummary(
  a: Availability | null | undefined,
  words: AvailabilityWords,
  locale: FormatLocale,
): string {
  const p = availabilityParts(a, words, locale);
  return [p.when, p.hours, p.mode].filter(Boolean).join(' · ');
}
