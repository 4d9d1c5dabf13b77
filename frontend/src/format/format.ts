// Locale-aware formatting, Intl only. Users are European: English uses en-GB conventions
// (25/11/2026), and amounts are in euros.
export type FormatLocale = 'fr' | 'en';

const INTL_LOCALE: Record<FormatLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

export function intlLocale(locale: FormatLocale): string {
  return INTL_LOCALE[locale] ?? 'fr-FR';
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a Date, a `YYYY-MM-DD` date (as a local calendar date) or an RFC 3339 time. */
export function toDate(value: Date | string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (!value) return null;
  const m = DATE_ONLY.exec(value);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface TimeOptions {
  /** IANA time zone; defaults to the system's. */
  timeZone?: string;
}

/** 25/11/2026 in both languages. Returns "" for an empty or invalid value. */
export function formatDate(value: Date | string, locale: FormatLocale, options: TimeOptions = {}): string {
  const d = toDate(value);
  if (!d) return '';
  // A bare calendar date has no time zone: never shift it.
  const timeZone = typeof value === 'string' && DATE_ONLY.test(value) ? undefined : options.timeZone;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone,
  }).format(d);
}

/** 3 mars 2026 (fr) / 3 March 2026 (en): a date in a sentence. Returns "" for an empty or invalid value. */
export function formatLongDate(value: Date | string, locale: FormatLocale, options: TimeOptions = {}): string {
  const d = toDate(value);
  if (!d) return '';
  const timeZone = typeof value === 'string' && DATE_ONLY.test(value) ? undefined : options.timeZone;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d);
}

/** 25/11/2026 17:05 (fr), 25/11/2026, 17:05 (en). Returns "" for an empty or invalid value. */
export function formatDateTime(value: Date | string, locale: FormatLocale, options: TimeOptions = {}): string {
  const d = toDate(value);
  if (!d) return '';
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: options.timeZone,
  }).format(d);
}

/** 12 345,5 (fr, with U+202F) / 12,345.5 (en). */
export function formatNumber(
  value: number,
  locale: FormatLocale,
  options: { minimumFractionDigits?: number; maximumFractionDigits?: number } = {},
): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
    maximumFractionDigits: options.maximumFractionDigits ?? 2,
  }).format(value);
}

/** 12 345,50 € (fr) / €12,345.50 (en). */
export function formatCurrency(value: number, locale: FormatLocale, currency = 'EUR'): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(value);
}

/** 3,5 h (fr) / 3.5 h (en), with a no-break space before the unit. */
export function formatHours(value: number, locale: FormatLocale): string {
  return `${formatNumber(value, locale, { maximumFractionDigits: 2 })}\u00a0h`;
}

/** A file size: 850 octets, 12,5 Ko, 3,2 Mo (fr) / 850 bytes, 12.5 KB, 3.2 MB (en); 1 Ko = 1024 octets. */
export function formatFileSize(bytes: number, locale: FormatLocale): string {
  const units = locale === 'en' ? ['bytes', 'KB', 'MB', 'GB'] : ['octets', 'Ko', 'Mo', 'Go'];
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${formatNumber(value, locale, { maximumFractionDigits: digits })}\u00a0${units[unit]}`;
}

/** A percentage from 0 to 100: 42 % (fr, with a no-break space) / 42% (en). */
export function formatPercent(value: number, locale: FormatLocale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** The short name of a calendar date's weekday: lun. (fr) / Mon (en). */
export function formatWeekday(value: string, locale: FormatLocale): string {
  const d = toDate(value);
  return d ? new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'short' }).format(d) : '';
}

/** Day and month of a calendar date, for a column that says its year elsewhere: 23/11. */
export function formatDayMonth(value: string, locale: FormatLocale): string {
  const d = toDate(value);
  return d ? new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit' }).format(d) : '';
}
