// Time as people type it in a timesheet cell: "1,5", "1.5", "1h30", "1 h 30", "90min", "1:30",
// "45 min" — turned into decimal hours, to the minute, as the API stores them.
import { formatNumber, type FormatLocale } from '../format/format';

/** The most one entry may hold: a day. The server refuses more, for one entry or a whole day. */
export const MAX_HOURS_PER_DAY = 24;

export type DurationProblem = 'invalid' | 'zero' | 'tooMany';

export type ParsedDuration =
  | { kind: 'empty' }
  | { kind: 'ok'; hours: number; minutes: number }
  | { kind: 'problem'; problem: DurationProblem };

const NUMBER = String.raw`(\d+(?:[.,]\d*)?|[.,]\d+)`;
/** 1,5 · 1.5 · 2 · ,5 — optionally followed by h / heure(s) / hour(s). */
const DECIMAL_HOURS = new RegExp(String.raw`^${NUMBER}\s*(?:h|hr|hrs|heures?|hours?)?$`);
/** 1h30 · 1 h 30 · 1h30min · 0h05 — whole hours then minutes. */
const HOURS_MINUTES = /^(\d+)\s*(?:h|hr|heures?|hours?)\s*(\d{1,2})\s*(?:m|mn|min|minutes?)?$/;
/** 1:30 · 0:45. */
const CLOCK = /^(\d+):(\d{2})$/;
/** 90min · 90 mn · 45 m · 1,5 min (rounded to the minute). */
const MINUTES = new RegExp(String.raw`^${NUMBER}\s*(?:m|mn|min|mins|minutes?)$`);

function decimal(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Reads what was typed in a cell. Empty (or blanks) is no entry; anything else is a time or a problem. */
export function parseDuration(input: string): ParsedDuration {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return { kind: 'empty' };
  let minutes: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = DECIMAL_HOURS.exec(text))) minutes = decimal(m[1]!) * 60;
  else if ((m = HOURS_MINUTES.exec(text))) {
    const mins = Number(m[2]);
    if (mins < 60) minutes = Number(m[1]) * 60 + mins;
  } else if ((m = CLOCK.exec(text))) {
    const mins = Number(m[2]);
    if (mins < 60) minutes = Number(m[1]) * 60 + mins;
  } else if ((m = MINUTES.exec(text))) minutes = decimal(m[1]!);
  if (minutes === null || !Number.isFinite(minutes)) return { kind: 'problem', problem: 'invalid' };
  const rounded = Math.round(minutes);
  if (rounded <= 0) return { kind: 'problem', problem: 'zero' };
  if (rounded > MAX_HOURS_PER_DAY * 60) return { kind: 'problem', problem: 'tooMany' };
  return { kind: 'ok', hours: rounded / 60, minutes: rounded };
}

/** Decimal hours to whole minutes, as the server counts them (1.3333 h → 80). */
export function hoursToMinutes(hours: number): number {
  return Math.round(hours * 60);
}

/** Minutes back to decimal hours without float noise in sums (80 → 1.3333…, 90 → 1.5). */
export function minutesToHours(minutes: number): number {
  return minutes / 60;
}

/**
 * Hours as they are written back into an input: "1,5" (fr) or "1.5" (en) when a round decimal,
 * else "1h20" — never "1,333333".
 */
export function durationInputText(hours: number, locale: FormatLocale): string {
  const minutes = hoursToMinutes(hours);
  if (minutes <= 0) return '';
  if (minutes % 15 === 0 || minutes % 6 === 0) {
    return formatNumber(minutes / 60, locale, { maximumFractionDigits: 2 }).replace(/\s/g, '');
  }
  const h = Math.floor(minutes / 60);
  return `${h}h${String(minutes % 60).padStart(2, '0')}`;
}
