// The period a dashboard covers, as the user picks it: a preset relative to today, or two days.
// The choice is remembered per dashboard on this computer, so that the next visit opens on it.

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'last12' | 'all' | 'custom';

export const PERIOD_PRESETS: PeriodPreset[] = ['month', 'quarter', 'year', 'last12', 'all', 'custom'];

export interface PeriodChoice {
  preset: PeriodPreset;
  /** YYYY-MM-DD, custom only. */
  from?: string;
  to?: string;
}

/** The days sent to the API; empty strings mean "open" on that side. */
export interface PeriodRange {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Resolves a choice to days, given today as YYYY-MM-DD. */
export function resolvePeriod(choice: PeriodChoice, today: string): PeriodRange {
  const [y, m] = today.split('-').map(Number) as [number, number];
  switch (choice.preset) {
    case 'month':
      return { from: iso(y, m, 1), to: today };
    case 'quarter': {
      const first = m - ((m - 1) % 3);
      return { from: iso(y, first, 1), to: today };
    }
    case 'year':
      return { from: iso(y, 1, 1), to: today };
    case 'last12': {
      // The first day of the month eleven months back: twelve whole months on the chart.
      const start = new Date(y, m - 1 - 11, 1);
      return { from: iso(start.getFullYear(), start.getMonth() + 1, 1), to: today };
    }
    case 'all':
      return { from: '', to: '' };
    case 'custom': {
      const from = choice.from && DAY.test(choice.from) ? choice.from : '';
      const to = choice.to && DAY.test(choice.to) ? choice.to : '';
      // A range typed upside down is read the right way round rather than refused.
      return from && to && to < from ? { from: to, to: from } : { from, to };
    }
  }
}

export const DEFAULT_PERIOD: PeriodChoice = { preset: 'last12' };

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const KEY_PREFIX = 'civisphere.dashboard.';

/** Reads what was remembered under a key; anything unreadable gives the fallback. */
export function loadRemembered<T extends object>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  try {
    const raw = storage()?.getItem(KEY_PREFIX + key);
    if (!raw) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export function saveRemembered(key: string, value: object): void {
  try {
    storage()?.setItem(KEY_PREFIX + key, JSON.stringify(value));
  } catch {
    // A full or disabled storage only costs the memory of the choice.
  }
}

export function isPeriodChoice(v: unknown): v is PeriodChoice {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    PERIOD_PRESETS.includes(c.preset as PeriodPreset) &&
    (c.from === undefined || typeof c.from === 'string') &&
    (c.to === undefined || typeof c.to === 'string')
  );
}
