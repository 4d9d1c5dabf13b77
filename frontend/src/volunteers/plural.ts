// vue-i18n's plural syntax uses "|", which the locale files keep out (see locales.test.ts): a
// counted message has three keys instead, <base>.none, <base>.one and <base>.many.
export type PluralForm = 'none' | 'one' | 'many';

/** The form for a count: none for 0, one for 1 (and, in French, for 1,5), many otherwise. */
export function pluralForm(count: number, locale: string): PluralForm {
  if (count === 0) return 'none';
  if (locale === 'fr') return Math.abs(count) < 2 ? 'one' : 'many';
  return Math.abs(count) === 1 ? 'one' : 'many';
}

export function pluralKey(base: string, count: number, locale: string): string {
  return `${base}.${pluralForm(count, locale)}`;
}

/** For labels after a number ("0 ligne lue", "0 rows read"): one or many, zero following the language. */
export function countForm(count: number, locale: string): 'one' | 'many' {
  if (locale === 'fr') return Math.abs(count) < 2 ? 'one' : 'many';
  return Math.abs(count) === 1 ? 'one' : 'many';
}
