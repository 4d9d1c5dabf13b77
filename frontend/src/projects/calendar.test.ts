import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../api/types';
import {
  addMonths,
  calendarFromQuery,
  calendarToQuery,
  dayTitle,
  formatMonthKey,
  groupByDay,
  monthGrid,
  monthOf,
  monthTitle,
  overdue,
  parseMonth,
  upcoming,
  weekdayNames,
} from './calendar';

const entry = (over: Partial<CalendarEntry>): CalendarEntry => ({
  kind: 'milestone',
  id: '1',
  projectId: '1',
  projectTitle: 'Jardin partagé',
  title: 'Jalon',
  date: '2026-12-15',
  done: false,
  ...over,
});

describe('months', () => {
  it('are read from the address and written back', () => {
    expect(parseMonth('2026-12')).toEqual({ year: 2026, month: 12 });
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('décembre')).toBeNull();
    expect(formatMonthKey({ year: 2027, month: 1 })).toBe('2027-01');
    expect(monthOf('2026-12-15')).toEqual({ year: 2026, month: 12 });
  });

  it('move across years', () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths({ year: 2026, month: 5 }, -17)).toEqual({ year: 2024, month: 12 });
  });

  it('are laid out in weeks starting on Monday', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const grid = monthGrid({ year: 2026, month: 12 });
    expect(grid).toHaveLength(5);
    expect(grid[0]![0]).toEqual({ date: '2026-11-30', day: 30, inMonth: false });
    expect(grid[0]![1]).toEqual({ date: '2026-12-01', day: 1, inMonth: true });
    expect(grid[4]![6]).toEqual({ date: '2027-01-03', day: 3, inMonth: false });
    expect(grid.flat().filter((d) => d.inMonth)).toHaveLength(31);
    // February 2027 starts on a Monday: four full weeks.
    expect(monthGrid({ year: 2027, month: 2 })).toHaveLength(4);
  });

  it('have titles and weekday names in the reader’s language', () => {
    expect(monthTitle({ year: 2026, month: 12 }, 'fr')).toBe('Décembre 2026');
    expect(monthTitle({ year: 2026, month: 12 }, 'en')).toBe('December 2026');
    expect(weekdayNames('fr')[0]).toMatch(/^lun/);
    expect(weekdayNames('en', 'long')[6]).toBe('Sunday');
    expect(dayTitle('2026-12-15', 'fr')).toBe('Mardi 15 décembre');
    expect(dayTitle('2026-12-15', 'en', true)).toMatch(/^Tuesday,? 15 December 2026$/);
  });
});

describe('calendar entries', () => {
  it('are grouped by day, milestones first, open before done', () => {
    const days = groupByDay([
      entry({ kind: 'task', id: '1', title: 'Acheter les graines' }),
      entry({ kind: 'milestone', id: '2', title: 'Zéro déchet', done: true }),
      entry({ kind: 'milestone', id: '3', title: 'Inauguration' }),
      entry({ id: '4', date: '2026-12-16' }),
      entry({ id: '5', date: '' }),
    ]);
    expect([...days.keys()]).toEqual(['2026-12-15', '2026-12-16']);
    expect(days.get('2026-12-15')!.map((e) => e.id)).toEqual(['3', '2', '1']);
  });

  it('list what comes from today and what is late, done items left out', () => {
    const list = [
      entry({ id: '1', date: '2026-11-20' }),
      entry({ id: '2', date: '2026-11-24', done: true }),
      entry({ id: '3', date: '2026-11-25' }),
      entry({ id: '4', date: '2026-12-02' }),
      entry({ id: '5', date: '2026-11-25', done: true }),
    ];
    expect(upcoming(list, '2026-11-25').map((g) => [g.date, g.entries.map((e) => e.id)])).toEqual([
      ['2026-11-25', ['3']],
      ['2026-12-02', ['4']],
    ]);
    expect(overdue(list, '2026-11-25').map((g) => g.date)).toEqual(['2026-11-20']);
  });
});

describe('calendar view in the address', () => {
  it('is the current month by default', () => {
    expect(calendarFromQuery({})).toEqual({ view: 'month', month: null });
    expect(calendarToQuery({ view: 'month', month: null })).toEqual({});
  });

  it('keeps the list view and a chosen month', () => {
    const state = calendarFromQuery({ vue: 'liste', mois: '2027-03' });
    expect(state).toEqual({ view: 'list', month: { year: 2027, month: 3 } });
    expect(calendarToQuery(state)).toEqual({ vue: 'liste', mois: '2027-03' });
    expect(calendarFromQuery({ mois: 'n’importe' }).month).toBeNull();
  });
});
