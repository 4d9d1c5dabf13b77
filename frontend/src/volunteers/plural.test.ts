import { describe, expect, it } from 'vitest';
import { countForm, pluralForm, pluralKey } from './plural';

describe('plural forms', () => {
  it('follow French rules (0 and 1 singular, but none has its own text)', () => {
    expect(pluralForm(0, 'fr')).toBe('none');
    expect(pluralForm(1, 'fr')).toBe('one');
    expect(pluralForm(1.5, 'fr')).toBe('one');
    expect(pluralForm(2, 'fr')).toBe('many');
    expect(pluralForm(1234, 'fr')).toBe('many');
  });

  it('follow English rules', () => {
    expect(pluralForm(1, 'en')).toBe('one');
    expect(pluralForm(1.5, 'en')).toBe('many');
  });

  it('name the key', () => {
    expect(pluralKey('volunteers.search.count', 1234, 'fr')).toBe('volunteers.search.count.many');
  });
});

describe('count labels', () => {
  it('make zero singular in French and plural in English', () => {
    expect(countForm(0, 'fr')).toBe('one');
    expect(countForm(0, 'en')).toBe('many');
    expect(countForm(1, 'en')).toBe('one');
    expect(countForm(7, 'fr')).toBe('many');
  });
});
