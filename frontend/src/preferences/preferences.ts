// Pure logic for the language and theme preferences (no DOM, no storage): easy to test.
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const THEMES = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof THEMES)[number];
export type EffectiveTheme = 'light' | 'dark';

export const DEFAULT_LOCALE: Locale = 'fr';
export const DEFAULT_THEME: ThemePreference = 'system';

export const STORAGE_KEYS = { locale: 'civisphere.locale', theme: 'civisphere.theme' } as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/**
 * The language to start with, before the server answers: the stored choice if valid, otherwise
 * the first of the browser's languages that we support, otherwise French.
 */
export function pickInitialLocale(stored: string | null | undefined, navigatorLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of navigatorLanguages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

export function pickInitialTheme(stored: string | null | undefined): ThemePreference {
  return isThemePreference(stored) ? stored : DEFAULT_THEME;
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): EffectiveTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

export interface PreferenceValues {
  locale: Locale;
  theme: ThemePreference;
}

/**
 * The server's preferences win wherever the server has a valid value. An empty server locale
 * means "follow the system": the browser's languages decide, not a value cached earlier.
 */
export function mergeServerPreferences(
  local: PreferenceValues,
  server: { locale?: string | null; theme?: string | null },
  navigatorLanguages: readonly string[],
): PreferenceValues {
  let locale = local.locale;
  if (isLocale(server.locale)) locale = server.locale;
  else if (server.locale === '') locale = pickInitialLocale(null, navigatorLanguages);
  return {
    locale,
    theme: isThemePreference(server.theme) ? server.theme : local.theme,
  };
}
