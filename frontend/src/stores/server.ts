import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, call } from '../api/client';

export const useServerStore = defineStore('server', () => {
  const version = ref('');
  /** null until the first health check answers. */
  const reachable = ref<boolean | null>(null);

  async function check(): Promise<void> {
    try {
      const health = await call(api.GET('/api/health'));
      version.value = health.version;
      reachable.value = true;
    } catch {
      reachable.value = false;
    }
  }

  return { version, reachable, check };
});
