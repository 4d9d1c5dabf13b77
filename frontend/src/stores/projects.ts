import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LocationQueryRaw } from 'vue-router';

const STORAGE_KEY = 'civisphere.projects.lastList';

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
 * What the project pages share: the filters of the list last seen, so that a project leads back to
 * the same list (kept for the browser tab's session, so a reload of the project still knows it).
 */
export const useProjectsStore = defineStore('projects', () => {
  const lastList = ref<LocationQueryRaw>(readStored());

  function rememberList(query: LocationQueryRaw): void {
    lastList.value = { ...query };
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(lastList.value));
    } catch {
      // Storage may be disabled: the list is still remembered until the page reloads.
    }
  }

  return { lastList, rememberList };
});
