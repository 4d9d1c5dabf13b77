import { describe, expect, it } from 'vitest';
import { availabilityParts, availabilitySummary, sortDays, type AvailabilityWords } from './availability';

const fr: AvailabilityWords = {
  day: (d) => ({ monday: 'lundi', thursday: 'jeudi', saturday: 'samedi' })[d] ?? d,
  evenings: 'en soirée',
  weekends: 'le week-end',
  hours: (n) => `${n}\u00a0h par mois`,
  mode: (m) => ({ onsite: 'sur place', remote: 'à distance', either: 'sur place ou à distance' })[m] ?? '',
};
const en: AvailabilityWords = {
  day: (d) => d.charAt(0).toUpperCase() + d.slice(1),
  evenings: 'evenings',
  weekends: 'weekends',
  hours: (n) => `${n} h a month`,
  mode: (m) => (m === 'remote' ? 'remote' : ''),
};

describe('availability in words', () => {
  it('puts days in week order, Monday first', () => {
    expect(sortDays(['saturday', 'monday', 'thursday', 'monday', 'funday'])).toEqual(['monday', 'thursday', 'saturday']);
  });

  it('writes a French sentence', () => {
    const a = { days: ['thursday', 'monday'], evenings: true, weekends: false, hoursPerMonth: 10, mode: 'either' as const };
    expect(availabilitySummary(a, fr, 'fr')).toBe('lundi et jeudi, en soirée · 10\u00a0h par mois · sur place ou à distance');
    expect(availabilityParts(a, fr, 'fr')).toEqual({
      days: 'lundi et jeudi',
      moments: 'en soirée',
      when: 'lundi et jeudi, en soirée',
      hours: '10\u00a0h par mois',
      mode: 'sur place ou à distance',
    });
  });

  it('writes an English one', () => {
    const a = { days: ['saturday', 'friday', 'sunday'], evenings: true, weekends: true, hoursPerMonth: 0, mode: 'remote' as const };
    expect(availabilitySummary(a, en, 'en')).toBe('Friday, Saturday and Sunday, evenings and weekends · remote');
  });

  it('says nothing when nothing is known', () => {
    expect(availabilitySummary(undefined, fr, 'fr')).toBe('');
    expect(availabilitySummary({ days: null, hoursPerMonth: 0, mode: '' }, fr, 'fr')).toBe('');
  });
});
