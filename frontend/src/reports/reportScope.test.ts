import { describe, expect, it } from 'vitest';
import { emptyReportScope, isReportScope, jobPercent, reportQuery, withQuery } from './reportScope';

describe('report scope', () => {
  it('builds the query with only what is chosen', () => {
    const scope = { ...emptyReportScope('fr'), sponsorId: '3' };
    expect(reportQuery(scope, '2026-11-25')).toEqual({ sponsorId: '3', from: '2026-01-01', to: '2026-11-25', lang: 'fr' });
    expect(reportQuery({ ...scope, period: { preset: 'all' } }, '2026-11-25', false)).toEqual({ sponsorId: '3' });
    expect(withQuery('/api/reports/impact.pdf', { sponsorId: '3', lang: 'en' })).toBe('/api/reports/impact.pdf?sponsorId=3&lang=en');
    expect(withQuery('/api/exports/hours.xlsx', {})).toBe('/api/exports/hours.xlsx');
  });
  it('accepts only well-formed remembered scopes', () => {
    expect(isReportScope(emptyReportScope('en'))).toBe(true);
    expect(isReportScope({ ...emptyReportScope('en'), lang: 'de' })).toBe(false);
    expect(isReportScope({ sponsorId: 3 })).toBe(false);
  });
  it('turns a job into a percentage that only reaches 100 when done', () => {
    expect(jobPercent({ state: 'running', phase: 'collecting', done: 0, total: 0 })).toBe(5);
    expect(jobPercent({ state: 'running', phase: 'writing', done: 20, total: 40 })).toBe(55);
    expect(jobPercent({ state: 'running', phase: 'writing', done: 40, total: 40 })).toBe(99);
    expect(jobPercent({ state: 'done', phase: 'writing', done: 40, total: 40 })).toBe(100);
  });
});
