import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, ApiError, call } from '../api/client';
import type { Vocabulary, VocabularyEntry } from '../api/types';
import { intlLocale } from '../format/format';
import { usePreferencesStore } from './preferences';
import type { LoadState } from './organization';

function byId(entries: VocabularyEntry[] | null | undefined): Map<string, string> {
  return new Map((entries ?? []).map((e) => [e.id, e.name]));
}

/**
 * The fixed lists of the volunteer forms (causes, languages, levels, weekdays, skill domains) in
 * the interface's language, loaded once per language.
 */
export const useVocabularyStore = defineStore('vocabulary', () => {
  const prefs = usePreferencesStore();
  const vocabulary = ref<Vocabulary | null>(null);
  const loadedLocale = ref<string>('');
  const state = ref<LoadState>('idle');
  const loadError = ref<ApiError | null>(null);
  let pending: Promise<void> | null = null;

  async function load(): Promise<void> {
    const locale = prefs.locale;
    state.value = 'loading';
    try {
      const v = await call(api.GET('/api/vocabulary'));
      if (locale !== prefs.locale) return; // the language changed meanwhile: a newer load follows
      vocabulary.value = v;
      loadedLocale.value = locale;
      loadError.value = null;
      state.value = 'ready';
    } catch (err) {
      loadError.value = err instanceof ApiError ? err : new ApiError(0, null, String(err));
      state.value = 'error';
    }
  }

  /** Loads the lists unless they are loaded (or loading) in the current language. */
  function ensureLoaded(): Promise<void> {
    if (state.value === 'ready' && loadedLocale.value === prefs.locale) return Promise.resolve();
    if (pending) return pending;
    pending = load().finally(() => {
      pending = null;
    });
    return pending;
  }

  const causes = computed(() => vocabulary.value?.causes ?? []);
  const languages = computed(() => vocabulary.value?.languages ?? []);
  const levels = computed(() => vocabulary.value?.levels ?? []);
  const weekdays = computed(() => vocabulary.value?.weekdays ?? []);
  const causeNames = computed(() => byId(vocabulary.value?.causes));
  const languageNames = computed(() => byId(vocabulary.value?.languages));
  const levelNames = computed(() => byId(vocabulary.value?.levels));

  function causeName(id: string): string {
    return causeNames.value.get(id) ?? id;
  }

  /** A language by its ISO code: the list's name, else the browser's, else the code. */
  function languageName(code: string): string {
    const known = languageNames.value.get(code);
    if (known) return known;
    try {
      const name = new Intl.DisplayNames([intlLocale(prefs.locale)], { type: 'language' }).of(code);
      if (name && name !== code) return name.charAt(0).toLocaleUpperCase() + name.slice(1);
    } catch {
      // Not a valid language tag: show it as it is.
    }
    return code;
  }

  function levelName(id: string): string {
    return levelNames.value.get(id) ?? id;
  }

  return {
    vocabulary,
    state,
    loadError,
    load,
    ensureLoaded,
    causes,
    languages,
    levels,
    weekdays,
    causeName,
    languageName,
    levelName,
  };
});
