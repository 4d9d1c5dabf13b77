import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, ApiError, call } from '../api/client';
import type { OrganizationInput, OrganizationProfile } from '../api/types';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export const useOrganizationStore = defineStore('organization', () => {
  const profile = ref<OrganizationProfile | null>(null);
  const state = ref<LoadState>('idle');
  const loadError = ref<ApiError | null>(null);
  // Bumped by every successful save: a load that started before it must not overwrite the newer
  // profile with what the server had before (e.g. the start-up load racing the desktop self-test).
  let generation = 0;

  async function load(): Promise<void> {
    const started = generation;
    state.value = 'loading';
    try {
      const loaded = await call(api.GET('/api/settings/organization'));
      if (started !== generation) return;
      profile.value = loaded;
      loadError.value = null;
      state.value = 'ready';
    } catch (err) {
      if (started !== generation) return;
      loadError.value = err instanceof ApiError ? err : new ApiError(0, null, String(err));
      state.value = 'error';
    }
  }

  /** Loads the profile unless it is already loaded or loading. */
  async function ensureLoaded(): Promise<void> {
    if (state.value === 'idle' || state.value === 'error') await load();
  }

  /** Saves the profile; throws ApiError on failure (nothing is changed here then). */
  async function save(input: OrganizationInput): Promise<OrganizationProfile> {
    const saved = await call(api.PUT('/api/settings/organization', { body: input }));
    generation++;
    profile.value = saved;
    state.value = 'ready';
    loadError.value = null;
    return saved;
  }

  return { profile, state, loadError, load, ensureLoaded, save };
});
