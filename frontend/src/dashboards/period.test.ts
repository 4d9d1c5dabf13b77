// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD, isPeriodChoice, loadRemembered, resolvePeriod, saveRemembered } from './period';

describe('resolvePeriod', () => {
  const today = '2026-11-25';
  it('resolves the presets against today', () => {
    expect(resolvePeriod({ preset: 'month' }, today)).toEqual({ from: '2026-11-01', to: today });
    expect(resolvePeriod({ preset: 'quarter' }, today)).toEqual({ from: '2026-10-01', to: today });
    expect(resolvePeriod({ preset: 'year' }, today)).toEqual({ from: '2026-01-01', to: today });
    expect(resolvePeriod({ preset: 'last12' }, today)).toEqual({ from: '2025-12-01', to: today });
    expect(resolvePeriod({ preset: 'all' }, today)).toEqual({ from: '', to: '' });
  });
  it('crosses a year backwards for the last twelve months in January', () => {
    expect(resolvePeriod({ preset: 'last12' }, '2027-01-03')).toEqual({ from: '2026-02-01', to: '2027-01-03' });
    expect(resolvePeriod({ preset: 'quarter' }, '2027-03-31')).toEqual({ from: '2027-01-01', to: '2027-03-31' });
  });
  it('keeps a custom range, ignores bad days and swaps an upside-down one', () => {
    expect(resolvePeriod({ preset: 'custom', from: '2026-03-01', to: '2026-06-30' }, today)).toEqual({ from: '2026-03-01', to: '2026-06-30' });
    expect(resolvePeriod({ preset: 'custom', from: 'hier', to: '2026-06-30' }, today)).toEqual({ from: '', to: '2026-06-30' });
    expect(resolvePeriod({ preset: 'custom', from: '2026-06-30', to: '2026-03-01' }, today)).toEqual({ from: '2026-03-01', to: '2026-06-30' });
  });
});

describe('remembered choices', () => {
  beforeEach(() => localStorage.clear());
  it('round-trips a choice and falls back on junk', () => {
    expect(loadRemembered('asso', DEFAULT_PERIOD, isPeriodChoice)).toEqual(DEFAULT_PERIOD);
    saveRemembered('asso', { preset: 'custom', from: '2026-01-01', to: '2026-02-01' });
    expect(loadRemembered('asso', DEFAULT_PERIOD, isPeriodChoice)).toEqual({ preset: 'custom', from: '2026-01-01', to: '2026-02-01' });
    localStorage.setItem('civisphere.dashboard.asso', '{"preset":"forever"}');
    expect(loadRemembered('asso', DEFAULT_PERIOD, isPeriodChoice)).toEqual(DEFAULT_PERIOD);
    localStorage.setItem('civisphere.dashboard.asso', 'pas du JSON');
    expect(loadRemembered('asso', DEFAULT_PERIOD, isPeriodChoice)).toEqual(DEFAULT_PERIOD);
  });
});
