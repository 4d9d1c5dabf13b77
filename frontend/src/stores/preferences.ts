import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, call } from '../api/client';
import { applyLocale } from '../i18n';
import {
  isLocale,
  mergeServerPreferences,
  pickInitialLocale,
  pickInitialTheme,
  resolveTheme,
  STORAGE_KEYS,
  type Locale,
  type ThemePreference,
} from '../preferences/preferences';

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function forgetStorage(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage may be disabled: nothing to forget.
  }
}

function navigatorLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function writeStorage(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage may be disabled; the server keeps the preference anyway.
  }
}

export const usePreferencesStore = defineStore('preferences', () => {
  const locale = ref<Locale>(
    pickInitialLocale(readStorage(STORAGE_KEYS.locale), navigatorLanguages()),
  );
  const theme = ref<ThemePreference>(pickInitialTheme(readStorage(STORAGE_KEYS.theme)));
  // Whether the language was chosen (here or on the server) rather than detected from the system.
  let localeChosen = isLocale(readStorage(STORAGE_KEYS.locale));
  const systemDark = ref(false);
  /** Set when the last change could not be saved on the server. */
  const saveFailed = ref(false);

  // Bumped by every change the user makes: a server answer that started before it is stale.
  let changes = 0;

  const effectiveTheme = computed(() => resolveTheme(theme.value, systemDark.value));

  const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  if (media) {
    systemDark.value = media.matches;
    media.addEventListener?.('change', (e) => {
      systemDark.value = e.matches;
    });
  }

  function apply(): void {
    applyLocale(locale.value);
    document.documentElement.style.colorScheme = effectiveTheme.value;
    document.documentElement.dataset.theme = effectiveTheme.value;
  }

  // Only explicit choices are cached locally, for an instant start: a language merely detected
  // from the system must not stick once the system's language changes.
  function remember(): void {
    if (localeChosen) writeStorage(STORAGE_KEYS.locale, locale.value);
    else forgetStorage(STORAGE_KEYS.locale);
    writeStorage(STORAGE_KEYS.theme, theme.value);
  }

  /** Fetches the server's preferences; they win where they are set. */
  async function loadFromServer(): Promise<void> {
    const started = changes;
    try {
      const server = await call(api.GET('/api/settings/preferences'));
      if (started !== changes) return;
      const merged = mergeServerPreferences({ locale: locale.value, theme: theme.value }, server, navigatorLanguages());
      locale.value = merged.locale;
      theme.value = merged.theme;
      localeChosen = isLocale(server.locale);
      apply();
      remember();
    } catch {
      // Offline or older server: keep the local choice.
    }
  }

  async function save(): Promise<void> {
    apply();
    remember();
    try {
      // An empty locale keeps "follow the system" when only the theme was changed.
      const body = { locale: localeChosen ? locale.value : ('' as const), theme: theme.value };
      await call(api.PUT('/api/settings/preferences', { body }));
      saveFailed.value = false;
    } catch {
      saveFailed.value = true;
    }
  }

  async function setLocale(value: Locale): Promise<void> {
    if (value === locale.value) return;
    changes++;
    locale.value = value;
    localeChosen = true;
    await save();
  }

  async function setTheme(value: ThemePreference): Promise<void> {
    if (value === theme.value) return;
    changes++;
    theme.value = value;
    document.documentElement.style.colorScheme = effectiveTheme.value;
    await save();
  }

  apply();

  return { locale, theme, systemDark, effectiveTheme, saveFailed, loadFromServer, setLocale, setTheme };
});
