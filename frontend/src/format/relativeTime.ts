// How long ago something happened, in words: "il y a 5 minutes", "hier", then the date itself.
// Intl only, as the rest of src/format.
import { formatDate, intlLocale, toDate, type FormatLocale } from './format';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Calendar days from `from` to `to` in the local time zone: yesterday is -1 whatever the hour. */
function calendarDays(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((a - b) / (DAY * 1000));
}

/**
 * "à l’instant / maintenant", "il y a 5 minutes", "il y a 3 heures", "hier", "il y a 4 jours"
 * (fr); "now", "5 minutes ago", "yesterday"… (en); a week or more ago, the date (25/11/2026).
 * Returns "" for an empty or invalid value.
 */
export function formatRelativeTime(value: Date | string, locale: FormatLocale, now: Date = new Date()): string {
  const d = toDate(value);
  if (!d) return '';
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
  // A clock a little ahead of the server's must not say "dans 10 secondes".
  if (abs < 45 || (seconds > 0 && abs < 5 * MINUTE)) return rtf.format(0, 'second');
  if (abs < 45 * MINUTE) return rtf.format(Math.round(seconds / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(seconds / HOUR), 'hour');
  const days = calendarDays(d, now);
  if (Math.abs(days) < 7) return rtf.format(days, 'day');
  return formatDate(d, locale);
}
