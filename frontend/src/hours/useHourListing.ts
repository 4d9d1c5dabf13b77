// What the two listing tabs of the hours section share (the review queue and every entry): the
// filters read from the address while the tab is shown, the abortable load of a page of
// /api/hours, a reload when hours changed elsewhere while the tab was kept alive, and the
// period inputs.
import { computed, onActivated, onBeforeUnmount, ref, watch, type Ref, type WritableComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api, call } from '../api/client';
import type { HourList } from '../api/types';
import { useHoursStore } from '../stores/hours';
import { usePreferencesStore } from '../stores/preferences';
import { apiHourQuery, emptyHourFilters, hourFiltersFromQuery, hourFiltersToQuery, hourPageCount, type HourFilters } from './listQuery';
import { onHoursTab, type HoursTab } from './tabs';

export interface HourListingOptions {
  tab: Exclude<HoursTab, 'timesheet'>;
  /** The tab's address. */
  path: string;
  /** Filters the tab always applies to what it asks the server, whatever the address says (the
   * queue: pending only); the address leaves them out. */
  fixed?: Partial<HourFilters>;
  /** Called with every page loaded. */
  loaded?: (res: HourList) => void;
}

export interface HourListing {
  filters: Ref<HourFilters>;
  go(next: HourFilters): void;
  result: Ref<HourList | null>;
  loading: Ref<boolean>;
  error: Ref<unknown>;
  load(): Promise<void>;
  /** Tells the other tabs that hours changed, and reloads this one. */
  changed(): Promise<void>;
  periodFrom: WritableComputedRef<string>;
  periodTo: WritableComputedRef<string>;
}

export function useHourListing(opts: HourListingOptions): HourListing {
  const route = useRoute();
  const router = useRouter();
  const prefs = usePreferencesStore();
  const hoursStore = useHoursStore();

  const filters = ref(hourFiltersFromQuery(route.query));
  watch(
    () => route.fullPath,
    () => {
      if (onHoursTab(route, opts.tab)) filters.value = hourFiltersFromQuery(route.query);
    },
  );

  // The fixed filters at their empty value, so that the address never shows them.
  const empty = emptyHourFilters();
  const unfixed: Partial<HourFilters> = {};
  for (const key of Object.keys(opts.fixed ?? {}) as (keyof HourFilters)[]) {
    Object.assign(unfixed, { [key]: empty[key] });
  }

  function go(next: HourFilters) {
    void router.replace({ path: opts.path, query: hourFiltersToQuery({ ...next, ...unfixed }) });
  }

  const result = ref<HourList | null>(null);
  const loading = ref(false);
  const error = ref<unknown>(null);
  let controller: AbortController | null = null;
  const query = computed(() => apiHourQuery({ ...filters.value, ...opts.fixed }));

  async function load() {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loading.value = true;
    try {
      const res = await call(api.GET('/api/hours', { params: { query: query.value }, signal: mine.signal }));
      if (controller !== mine) return;
      result.value = res;
      error.value = null;
      opts.loaded?.(res);
      const pages = hourPageCount(res.total);
      if (!(res.items ?? []).length && res.total > 0 && filters.value.page > pages) go({ ...filters.value, page: pages });
    } catch (err) {
      if (controller === mine) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  watch(() => `${prefs.locale}?${JSON.stringify(query.value)}`, () => void load(), { immediate: true });
  let seenChanges = hoursStore.changes;
  onActivated(() => {
    if (seenChanges !== hoursStore.changes) void load();
    seenChanges = hoursStore.changes;
  });
  onBeforeUnmount(() => controller?.abort());

  function changed() {
    hoursStore.changed();
    seenChanges = hoursStore.changes;
    return load();
  }

  const periodFrom = computed({
    get: () => filters.value.from,
    set: (v: string) => go({ ...filters.value, from: v, to: v ? filters.value.to : '', page: 1 }),
  });
  const periodTo = computed({
    get: () => filters.value.to,
    set: (v: string) => go({ ...filters.value, to: v, page: 1 }),
  });

  return { filters, go, result, loading, error, load, changed, periodFrom, periodTo };
}
