// A project's or a program's dates in words: "Du 01/12/2026 au 01/02/2027", "À partir du …".
import { formatDate, type FormatLocale } from '../format/format';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The period in words (keys under projects.dates), "" when neither date is known. */
export function dateRangeText(start: string, end: string, t: Translate, locale: FormatLocale): string {
  const from = start ? formatDate(start, locale) : '';
  const to = end ? formatDate(end, locale) : '';
  if (from && to) return from === to ? t('projects.dates.on', { date: from }) : t('projects.dates.range', { start: from, end: to });
  if (from) return t('projects.dates.from', { start: from });
  if (to) return t('projects.dates.until', { end: to });
  return '';
}
