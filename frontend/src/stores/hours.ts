import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, call } from '../api/client';

/**
 * What the hours pages share: how many entries wait for review (the badge on the "À valider" tab)
 * and a counter bumped by every change, so that a list kept alive in another tab reloads when it
 * is shown again.
 */
export const useHoursStore = defineStore('hours', () => {
  const pending = ref<number | null>(null);
  const changes = ref(0);

  async function refreshPending(): Promise<void> {
    try {
      pending.value = (await call(api.GET('/api/hours', { params: { query: { status: ['pending'], limit: 1 } } }))).totals.entries;
    } catch {
      // The badge is a convenience: the queue itself says what waits.
    }
  }

  /** Hours were saved, reviewed or deleted somewhere. */
  function changed(): void {
    changes.value += 1;
    void refreshPending();
  }

  return { pending, changes, refreshPending, changed };
});
