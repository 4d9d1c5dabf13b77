import { describe, expect, it } from 'vitest';
import { dateRangeText } from './dates';

const t = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`;

describe('date ranges in words', () => {
  it('name both ends, one end or a single day', () => {
    expect(dateRangeText('2026-12-01', '2027-02-01', t, 'fr')).toBe('projects.dates.range {"start":"01/12/2026","end":"01/02/2027"}');
    expect(dateRangeText('2026-12-01', '', t, 'en')).toBe('projects.dates.from {"start":"01/12/2026"}');
    expect(dateRangeText('', '2027-02-01', t, 'fr')).toBe('projects.dates.until {"end":"01/02/2027"}');
    expect(dateRangeText('2026-12-01', '2026-12-01', t, 'fr')).toBe('projects.dates.on {"date":"01/12/2026"}');
    expect(dateRangeText('', '', t, 'fr')).toBe('');
  });
});
