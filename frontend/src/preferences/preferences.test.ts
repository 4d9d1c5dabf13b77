import { describe, expect, it } from 'vitest';
import { mergeServerPreferences, pickInitialLocale, pickInitialTheme, resolveTheme } from './preferences';

describe('pickInitialLocale', () => {
  it('keeps a valid stored choice, whatever the browser says', () => {
    expect(pickInitialLocale('en', ['fr-FR'])).toBe('en');
    expect(pickInitialLocale('fr', ['en-US', 'en'])).toBe('fr');
  });

  it('ignores an invalid stored value', () => {
    expect(pickInitialLocale('de', ['en-GB'])).toBe('en');
    expect(pickInitialLocale('', ['en'])).toBe('en');
  });

  it('follows the first supported browser language', () => {
    expect(pickInitialLocale(null, ['en-US', 'fr-FR'])).toBe('en');
    expect(pickInitialLocale(null, ['fr-CA', 'en'])).toBe('fr');
    expect(pickInitialLocale(null, ['de-DE', 'en-GB'])).toBe('en');
    expect(pickInitialLocale(undefined, ['EN_us'])).toBe('en');
  });

  it('falls back to French', () => {
    expect(pickInitialLocale(null, [])).toBe('fr');
    expect(pickInitialLocale(null, ['de-DE', 'es'])).toBe('fr');
    expect(pickInitialLocale(null, ['english'])).toBe('fr');
  });
});

describe('pickInitialTheme', () => {
  it('keeps a valid stored theme and defaults to the system one', () => {
    expect(pickInitialTheme('dark')).toBe('dark');
    expect(pickInitialTheme('light')).toBe('light');
    expect(pickInitialTheme('blue')).toBe('system');
    expect(pickInitialTheme(null)).toBe('system');
  });
});

describe('resolveTheme', () => {
  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('mergeServerPreferences', () => {
  const local = { locale: 'fr', theme: 'dark' } as const;

  it('lets the server win where it has a value', () => {
    expect(mergeServerPreferences(local, { locale: 'en', theme: 'light' }, ['fr-FR'])).toEqual({ locale: 'en', theme: 'light' });
  });

  it('follows the system when the server says so, whatever was cached locally', () => {
    expect(mergeServerPreferences({ locale: 'en', theme: 'dark' }, { locale: '', theme: 'system' }, ['fr-FR', 'en'])).toEqual({
      locale: 'fr',
      theme: 'system',
    });
    expect(mergeServerPreferences(local, { locale: '', theme: 'system' }, ['en-GB'])).toEqual({ locale: 'en', theme: 'system' });
    expect(mergeServerPreferences(local, { locale: '', theme: 'system' }, ['de-DE'])).toEqual({ locale: 'fr', theme: 'system' });
  });

  it('keeps the local value where the server has none or an unknown one', () => {
    expect(mergeServerPreferences(local, { locale: 'de', theme: '' }, ['en'])).toEqual({ locale: 'fr', theme: 'dark' });
    expect(mergeServerPreferences(local, {}, ['en'])).toEqual(local);
  });
});
