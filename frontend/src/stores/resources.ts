import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LocationQueryRaw } from 'vue-router';

const STORAGE_KEY = 'civisphere.resources.lastSearch';

function readStored(): LocationQueryRaw {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as LocationQueryRaw) : {};
  } catch {
    return {};
  }
}

/**
 * What the library pages share: the last search, so that a guide or a note leads back to the
 * results it was opened from (kept for the browser tab's session, like the volunteers' search).
 */
export const useResourcesStore = defineStore('resources', () => {
  const lastSearch = ref<LocationQueryRaw>(readStored());

  function rememberSearch(query: LocationQueryRaw): void {
    lastSearch.value = { ...query };
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(lastSearch.value));
    } catch {
      // Storage may be disabled: the search is still remembered until the page reloads.
    }
  }

  return { lastSearch, rememberSearch };
});
