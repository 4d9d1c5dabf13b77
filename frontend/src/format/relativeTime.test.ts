import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relativeTime';

const now = new Date(2026, 10, 25, 14, 0, 0); // 25/11/2026 14:00, local time
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatRelativeTime', () => {
  it('says now for the last few seconds, and for a clock slightly ahead', () => {
    expect(formatRelativeTime(ago(10), 'fr', now)).toBe('maintenant');
    expect(formatRelativeTime(ago(10), 'en', now)).toBe('now');
    expect(formatRelativeTime(ago(-90), 'fr', now)).toBe('maintenant');
  });

  it('counts minutes, then hours', () => {
    expect(formatRelativeTime(ago(5 * 60), 'fr', now)).toBe('il y a 5 minutes');
    expect(formatRelativeTime(ago(5 * 60), 'en', now)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3600), 'fr', now)).toBe('il y a 3 heures');
    expect(formatRelativeTime(ago(3 * 3600 + 20 * 60), 'en', now)).toBe('3 hours ago');
  });

  it('counts calendar days after a day', () => {
    expect(formatRelativeTime(new Date(2026, 10, 24, 15, 0), 'fr', now)).toBe('il y a 23 heures');
    expect(formatRelativeTime(new Date(2026, 10, 24, 9, 0), 'fr', now)).toBe('hier');
    expect(formatRelativeTime(new Date(2026, 10, 24, 9, 0), 'en', now)).toBe('yesterday');
    expect(formatRelativeTime(new Date(2026, 10, 23, 23, 0), 'en', now)).toBe('2 days ago');
    expect(formatRelativeTime(new Date(2026, 10, 21, 8, 0), 'fr', now)).toBe('il y a 4 jours');
  });

  it('gives the date a week or more ago', () => {
    expect(formatRelativeTime(new Date(2026, 10, 18, 8, 0), 'fr', now)).toBe('18/11/2026');
    expect(formatRelativeTime('2026-01-05T10:00:00Z', 'en', now)).toBe('05/01/2026');
  });

  it('returns an empty string for empty or invalid input', () => {
    expect(formatRelativeTime('', 'fr', now)).toBe('');
    expect(formatRelativeTime('pas une date', 'en', now)).toBe('');
  });
});
