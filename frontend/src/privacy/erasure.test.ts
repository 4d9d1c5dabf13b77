import { describe, expect, it } from 'vitest';
import { nameConfirmed, retentionMonths } from './erasure';

describe('nameConfirmed', () => {
  it('accepts the name whatever the case and spaces', () => {
    expect(nameConfirmed('éléonore  ζαχαρίου ', 'Éléonore Ζαχαρίου')).toBe(true);
    expect(nameConfirmed('ÉLODIE DUBŒUF', 'Élodie Dubœuf')).toBe(true);
  });
  it('accepts a name typed in decomposed Unicode', () => {
    expect(nameConfirmed('E\u0301lodie Martin', 'Élodie Martin')).toBe(true);
  });
  it('refuses another name, a part of it, or nothing', () => {
    expect(nameConfirmed('Eleonore Zachariou', 'Éléonore Ζαχαρίου')).toBe(false);
    expect(nameConfirmed('Élodie', 'Élodie Martin')).toBe(false);
    expect(nameConfirmed('', '')).toBe(false);
    expect(nameConfirmed('  ', 'Ольга')).toBe(false);
  });
});

describe('retentionMonths', () => {
  it('keeps the period within 1 to 120 months', () => {
    expect(retentionMonths(36)).toBe(36);
    expect(retentionMonths(0)).toBe(1);
    expect(retentionMonths(500)).toBe(120);
    expect(retentionMonths(12.4)).toBe(12);
    expect(retentionMonths(null)).toBeNull();
  });
});
