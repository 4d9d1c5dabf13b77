import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LocationQueryRaw } from 'vue-router';

const STORAGE_KEY = 'civisphere.volunteers.lastSearch';

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
 * What the volunteer pages share: the last search, so that a profile leads back to it (kept for
 * the browser tab's session, so a reload of the profile still knows it).
 */
export const useVolunteersStore = defineStore('volunteers', () => {
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
