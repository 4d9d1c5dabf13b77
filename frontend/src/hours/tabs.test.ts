import { describe, expect, it } from 'vitest';
import { hoursTabFromPath, onHoursTab, timesheetLink } from './tabs';

describe('hours tabs', () => {
  it('reads the tab from the address', () => {
    expect(hoursTabFromPath(undefined)).toBe('timesheet');
    expect(hoursTabFromPath('')).toBe('timesheet');
    expect(hoursTabFromPath('a-valider')).toBe('review');
    expect(hoursTabFromPath('toutes')).toBe('all');
    expect(hoursTabFromPath('autre')).toBe('timesheet');
  });

  it('knows when a tab is the one shown', () => {
    expect(onHoursTab({ name: 'hours', params: { tab: 'toutes' } }, 'all')).toBe(true);
    expect(onHoursTab({ name: 'hours', params: { tab: 'toutes' } }, 'review')).toBe(false);
    expect(onHoursTab({ name: 'project', params: {} }, 'timesheet')).toBe(false);
  });

  it('links a project to its timesheet', () => {
    expect(timesheetLink('4')).toEqual({ path: '/heures', query: { projet: '4' } });
  });
});
