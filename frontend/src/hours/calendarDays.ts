// Calendar days as the API writes them (YYYY-MM-DD), computed without time zones: a timesheet's
// week, its days, today on this computer.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(iso: string): Date {
  const m = ISO.exec(iso)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtc(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Today on this computer's calendar (not UTC: a French evening is still the same day). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const d = toUtc(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** How many days from `from` to `to`, both counted (the same day is 1; `to` before `from` is 0). */
export function dayCount(from: string, to: string): number {
  const n = Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000) + 1;
  return Math.max(0, n);
}

/** 0 for Monday … 6 for Sunday: French weeks start on Monday. */
export function weekdayIndex(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/** The Monday-to-Sunday week holding the day. */
export function weekOf(iso: string): { from: string; to: string } {
  const from = addDays(iso, -weekdayIndex(iso));
  return { from, to: addDays(from, 6) };
}

/** Every day from `from` to `to`, both included. */
export function daysOf(from: string, to: string): string[] {
  const n = dayCount(from, to);
  return Array.from({ length: n }, (_, i) => addDays(from, i));
}
