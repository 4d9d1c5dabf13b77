import { computed, type ComputedRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { formatNumber } from '../format/format';
import { usePreferencesStore } from '../stores/preferences';
import type { AvailabilityWords } from './availability';

/** The words of availabilitySummary in the interface's language. */
export function useAvailabilityWords(): ComputedRef<AvailabilityWords> {
  const { t, te } = useI18n();
  const prefs = usePreferencesStore();
  return computed(() => {
    void prefs.locale; // recomputed when the language changes
    return {
      day: (id: string) => (te(`volunteers.days.${id}`) ? t(`volunteers.days.${id}`) : id),
      evenings: t('volunteers.availability.evenings'),
      weekends: t('volunteers.availability.weekends'),
      hours: (n: number) => t('volunteers.availability.hoursPerMonth', { hours: formatNumber(n, prefs.locale) }),
      mode: (m: string) => (te(`volunteers.modes.${m}`) ? t(`volunteers.modes.${m}`) : ''),
    };
  });
}
