import { describe, expect, it } from 'vitest';
import {
  formatCurrency,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatFileSize,
  formatHours,
  formatLongDate,
  formatNumber,
  formatPercent,
  formatWeekday,
} from './format';

// Intl separates French thousands with U+202F (narrow no-break space) and puts U+00A0
// (no-break space) before the euro sign.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatDate', () => {
  it('writes day/month/year in both languages', () => {
    expect(formatDate('2026-11-25', 'fr')).toBe('25/11/2026');
    expect(formatDate('2026-11-25', 'en')).toBe('25/11/2026');
    expect(formatDate(new Date(2026, 0, 5), 'fr')).toBe('05/01/2026');
  });

  it('never shifts a calendar date, whatever the time zone', () => {
    expect(formatDate('2026-11-25', 'fr', { timeZone: 'America/Los_Angeles' })).toBe('25/11/2026');
    expect(formatDate('2026-11-25', 'en', { timeZone: 'Pacific/Kiritimati' })).toBe('25/11/2026');
  });

  it('formats RFC 3339 times in the given zone', () => {
    expect(formatDate('2026-11-25T23:30:00Z', 'fr', { timeZone: 'Europe/Paris' })).toBe('26/11/2026');
  });

  it('returns an empty string for empty or invalid input', () => {
    expect(formatDate('', 'fr')).toBe('');
    expect(formatDate('not a date', 'en')).toBe('');
  });
});

describe('formatLongDate', () => {
  it('writes the month in words, without a leading zero', () => {
    expect(formatLongDate('2026-03-03', 'fr')).toBe('3 mars 2026');
    expect(formatLongDate('2026-03-03', 'en')).toBe('3 March 2026');
    expect(formatLongDate('2026-02-01', 'fr')).toBe('1 février 2026');
  });

  it('reads RFC 3339 times in the given zone', () => {
    expect(formatLongDate('2026-03-03T23:30:00Z', 'fr', { timeZone: 'Europe/Paris' })).toBe('4 mars 2026');
    expect(formatLongDate('2026-03-03T23:30:00Z', 'en', { timeZone: 'UTC' })).toBe('3 March 2026');
  });

  it('returns an empty string for empty or invalid input', () => {
    expect(formatLongDate('', 'fr')).toBe('');
    expect(formatLongDate('pas une date', 'en')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('writes the date and the 24-hour time', () => {
    const t = '2026-11-25T16:05:00Z';
    expect(formatDateTime(t, 'fr', { timeZone: 'Europe/Paris' })).toBe('25/11/2026 17:05');
    expect(formatDateTime(t, 'en', { timeZone: 'Europe/Paris' })).toBe('25/11/2026, 17:05');
    expect(formatDateTime('', 'fr')).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands and uses the decimal comma in French', () => {
    expect(formatNumber(12345.5, 'fr')).toBe(`12${NNBSP}345,5`);
    expect(formatNumber(1234567, 'fr')).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatNumber(0.25, 'fr')).toBe('0,25');
  });

  it('uses commas and the decimal point in English', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });

  it('honours the fraction digits asked for', () => {
    expect(formatNumber(2.345, 'fr', { maximumFractionDigits: 1 })).toBe('2,3');
    expect(formatNumber(2, 'en', { minimumFractionDigits: 2 })).toBe('2.00');
  });
});

describe('formatCurrency', () => {
  it('writes euros the French way', () => {
    expect(formatCurrency(12345.5, 'fr')).toBe(`12${NNBSP}345,50${NBSP}€`);
    expect(formatCurrency(0, 'fr')).toBe(`0,00${NBSP}€`);
    expect(formatCurrency(-1234.5, 'fr')).toBe(`-1${NNBSP}234,50${NBSP}€`);
  });

  it('writes euros the English way', () => {
    expect(formatCurrency(12345.5, 'en')).toBe('€12,345.50');
    expect(formatCurrency(-1234.5, 'en')).toBe('-€1,234.50');
  });
});

describe('formatHours', () => {
  it('writes hours with the unit after a no-break space', () => {
    expect(formatHours(3.5, 'fr')).toBe(`3,5${NBSP}h`);
    expect(formatHours(3.5, 'en')).toBe(`3.5${NBSP}h`);
    expect(formatHours(1250, 'fr')).toBe(`1${NNBSP}250${NBSP}h`);
    expect(formatHours(0.75, 'en')).toBe(`0.75${NBSP}h`);
  });
});

describe('formatFileSize', () => {
  it('writes octets in French and bytes in English, 1 Ko = 1024 octets', () => {
    expect(formatFileSize(850, 'fr')).toBe(`850${NBSP}octets`);
    expect(formatFileSize(12_800, 'fr')).toBe(`12,5${NBSP}Ko`);
    expect(formatFileSize(50 * 1024 * 1024, 'fr')).toBe(`50${NBSP}Mo`);
    expect(formatFileSize(3.25 * 1024 * 1024, 'en')).toBe(`3.3${NBSP}MB`);
    expect(formatFileSize(150 * 1024, 'en')).toBe(`150${NBSP}KB`);
  });
});

describe('formatPercent', () => {
  it('puts a no-break space before % in French only', () => {
    // ICU versions differ on which no-break space (U+00A0 or U+202F): either keeps "%" on the line.
    expect(formatPercent(42, 'fr')).toMatch(new RegExp(`^42[${NBSP}${NNBSP}]%$`));
    expect(formatPercent(42.4, 'en')).toBe('42%');
    expect(formatPercent(100, 'fr')).toMatch(new RegExp(`^100[${NBSP}${NNBSP}]%$`));
  });
});

describe('formatWeekday and formatDayMonth', () => {
  it('name a timesheet column', () => {
    expect(formatWeekday('2026-11-23', 'fr')).toBe('lun.');
    expect(formatWeekday('2026-11-29', 'en')).toBe('Sun');
    expect(formatDayMonth('2026-11-23', 'fr')).toBe('23/11');
    expect(formatDayMonth('2026-01-05', 'en')).toBe('05/01');
    expect(formatWeekday('', 'fr')).toBe('');
  });
});
