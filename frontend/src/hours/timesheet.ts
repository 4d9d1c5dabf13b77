// The timesheet ("feuille de temps"): a project, a period of days, one row per volunteer and one
// cell per day. This file holds what the grid computes — which days can be filled, the totals,
// the request it sends, where the server's refusals belong, and how the keyboard moves — so that
// the component only draws it.
import type { ProblemDetails } from '../api/problem';
import type { HourEntry, HourEntryInput } from '../api/types';
import { addDays, dayCount, daysOf, isIsoDate, weekdayIndex } from './calendarDays';
import { parseDuration, type DurationProblem } from './duration';

/** A timesheet covers at most a month: a wider grid would not fit a screen anyway. */
export const MAX_TIMESHEET_DAYS = 31;

export type DayLock = 'beforeStart' | 'afterEnd' | 'future';

export interface TimesheetDay {
  date: string;
  /** Why the day cannot be filled; undefined when it can. */
  lock?: DayLock;
  weekend: boolean;
}

/** The days of the period, each saying whether hours can be logged on it for this project. */
export function timesheetDays(
  from: string,
  to: string,
  project: { startDate: string; endDate: string },
  today: string,
): TimesheetDay[] {
  return daysOf(from, to).map((date) => {
    let lock: DayLock | undefined;
    if (date > today) lock = 'future';
    else if (project.startDate && date < project.startDate) lock = 'beforeStart';
    else if (project.endDate && date > project.endDate) lock = 'afterEnd';
    return { date, lock, weekend: weekdayIndex(date) >= 5 };
  });
}

/**
 * A period as asked (from the address, a picker): both dates valid, in order, at most
 * MAX_TIMESHEET_DAYS long (cut at the end), else the fallback.
 */
export function normalizePeriod(from: string, to: string, fallback: { from: string; to: string }): { from: string; to: string } {
  if (!isIsoDate(from) || !isIsoDate(to)) return fallback;
  const [a, b] = from <= to ? [from, to] : [to, from];
  if (dayCount(a, b) > MAX_TIMESHEET_DAYS) return { from: a, to: addDays(a, MAX_TIMESHEET_DAYS - 1) };
  return { from: a, to: b };
}

// Rows ----------------------------------------------------------------------------------------------

export interface TimesheetSkill {
  id: string;
  name: string;
}

export interface TimesheetRow {
  volunteerId: string;
  name: string;
  /** The skill used, by name ("" for none): the server resolves any name or synonym. */
  skill: string;
  note: string;
  /** What was typed in each day's cell, by date. */
  cells: Record<string, string>;
  /** The volunteer's skills, offered in the row's skill select. */
  skills: TimesheetSkill[];
  /** On the project's team (else added by hand for this timesheet). */
  fromTeam: boolean;
}

/** The skill a row starts with: the volunteer's first skill the project needs, else none. */
export function defaultSkill(volunteerSkills: readonly TimesheetSkill[], needed: readonly { id: string }[]): string {
  const wanted = new Set(needed.map((s) => s.id));
  return volunteerSkills.find((s) => wanted.has(s.id))?.name ?? '';
}

export function newRow(
  volunteer: { volunteerId: string; name: string; skills: TimesheetSkill[] },
  needed: readonly { id: string }[],
  fromTeam: boolean,
): TimesheetRow {
  return {
    volunteerId: volunteer.volunteerId,
    name: volunteer.name,
    skill: defaultSkill(volunteer.skills, needed),
    note: '',
    cells: {},
    skills: volunteer.skills,
    fromTeam,
  };
}

export function cellKey(volunteerId: string, date: string): string {
  return `${volunteerId}|${date}`;
}

/** Something typed in an open day's cell (locked days never count, even if typed before). */
export function hasTyped(rows: readonly TimesheetRow[], days: readonly TimesheetDay[]): boolean {
  return rows.some((r) => days.some((d) => !d.lock && (r.cells[d.date] ?? '').trim() !== ''));
}

// Totals --------------------------------------------------------------------------------------------

export interface TimesheetTotals {
  /** Minutes per row (by volunteer ID), per day (by date) and in all, of the cells that read as a time. */
  rows: Record<string, number>;
  days: Record<string, number>;
  minutes: number;
  entries: number;
}

export function timesheetTotals(rows: readonly TimesheetRow[], days: readonly TimesheetDay[]): TimesheetTotals {
  const totals: TimesheetTotals = { rows: {}, days: {}, minutes: 0, entries: 0 };
  for (const d of days) totals.days[d.date] = 0;
  for (const r of rows) {
    totals.rows[r.volunteerId] = 0;
    for (const d of days) {
      if (d.lock) continue;
      const p = parseDuration(r.cells[d.date] ?? '');
      if (p.kind !== 'ok') continue;
      totals.rows[r.volunteerId]! += p.minutes;
      totals.days[d.date]! += p.minutes;
      totals.minutes += p.minutes;
      totals.entries += 1;
    }
  }
  return totals;
}

/**
 * Minutes already logged on the project per cell, from the saved entries of the period: shown in
 * the cell so that nobody types the same day twice. Refused entries do not count.
 */
export function loggedByCell(entries: readonly Pick<HourEntry, 'volunteerId' | 'date' | 'hours' | 'status'>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) {
    if (e.status === 'rejected' || !e.volunteerId) continue;
    const key = cellKey(e.volunteerId, e.date);
    out[key] = (out[key] ?? 0) + Math.round(e.hours * 60);
  }
  return out;
}

// The request ------------------------------------------------------------------------------------

/** Where an entry of the request came from, by its index in `entries`. */
export interface BatchRef {
  volunteerId: string;
  date: string;
}

export interface CellProblem {
  key: string;
  problem: DurationProblem;
}

export interface TimesheetBatch {
  entries: HourEntryInput[];
  refs: BatchRef[];
  minutes: number;
  /** Cells whose text is not a time: nothing is sent while there are some. */
  problems: CellProblem[];
}

/**
 * The body of POST /api/hours/batch: one entry per filled cell of an open day, row by row, day by
 * day, with the row's skill and note; `refs` says which cell each entry came from.
 */
export function buildBatch(
  rows: readonly TimesheetRow[],
  days: readonly TimesheetDay[],
  options: { projectId: string; enteredBy: string },
): TimesheetBatch {
  const batch: TimesheetBatch = { entries: [], refs: [], minutes: 0, problems: [] };
  for (const r of rows) {
    for (const d of days) {
      if (d.lock) continue;
      const p = parseDuration(r.cells[d.date] ?? '');
      if (p.kind === 'empty') continue;
      if (p.kind === 'problem') {
        batch.problems.push({ key: cellKey(r.volunteerId, d.date), problem: p.problem });
        continue;
      }
      const entry: HourEntryInput = { volunteerId: r.volunteerId, projectId: options.projectId, date: d.date, hours: p.hours };
      if (r.skill.trim()) entry.skill = r.skill.trim();
      if (r.note.trim()) entry.note = r.note.trim();
      if (options.enteredBy.trim()) entry.enteredBy = options.enteredBy.trim();
      batch.entries.push(entry);
      batch.refs.push({ volunteerId: r.volunteerId, date: d.date });
      batch.minutes += p.minutes;
    }
  }
  return batch;
}

/** After a save: the cells that were sent are emptied; skills and notes stay for the next week. */
export function clearSent(rows: TimesheetRow[], refs: readonly BatchRef[]): void {
  for (const ref of refs) {
    const row = rows.find((r) => r.volunteerId === ref.volunteerId);
    if (row) delete row.cells[ref.date];
  }
}

// The server's refusal, put back where it belongs --------------------------------------------------

export interface TimesheetErrors {
  /** By cell key: what is wrong with that day's entry. */
  cells: Record<string, string>;
  /** By volunteer ID: what is wrong with the row's skill or note (shared by its entries). */
  rows: Record<string, { skill?: string; note?: string }>;
  /** What belongs to no cell. */
  general: string[];
}

/** "body.entries.3.hours" (our handlers) or "body.entries[3].hours" (huma's own checks). */
const ENTRY_LOCATION = /^body\.entries(?:\.(\d+)|\[(\d+)\])(?:\.([A-Za-z]+))?/;
/** "Ligne 4 : Plus de 24 heures…" / "Line 4: More than 24 hours…". */
const LINE_DETAIL = /^(?:Ligne|Line)\s+(\d+)\s*:\s*([\s\S]+)$/;

function addMessage(map: Record<string, string>, key: string, message: string) {
  const had = map[key];
  if (!had) map[key] = message;
  else if (!had.includes(message)) map[key] = `${had} ${message}`;
}

/**
 * Maps a refused timesheet back onto the grid: a field error of entry N (422) or a rule error
 * "Ligne N : …" (409) outlines the cell entry N came from; a row's skill or note error goes to the
 * row; anything else is general.
 */
export function mapBatchProblem(problem: ProblemDetails | null, refs: readonly BatchRef[], fallback: string): TimesheetErrors {
  const out: TimesheetErrors = { cells: {}, rows: {}, general: [] };
  const general = (text: string) => {
    if (text && !out.general.includes(text)) out.general.push(text);
  };
  if (!problem) {
    general(fallback);
    return out;
  }
  let placed = false;
  for (const err of problem.errors ?? []) {
    const message = (err.message ?? '').trim();
    if (!message) continue;
    const m = ENTRY_LOCATION.exec(err.location ?? '');
    const ref = m ? refs[Number(m[1] ?? m[2])] : undefined;
    if (!ref) {
      general(message);
      continue;
    }
    placed = true;
    const field = m![3] ?? '';
    if (field === 'skill' || field === 'note') {
      const row = (out.rows[ref.volunteerId] ??= {});
      row[field] ??= message;
    } else {
      addMessage(out.cells, cellKey(ref.volunteerId, ref.date), message);
    }
  }
  const detail = (problem.detail ?? '').trim();
  const line = LINE_DETAIL.exec(detail);
  if (line && !(problem.errors ?? []).length) {
    const ref = refs[Number(line[1]) - 1];
    if (ref) {
      addMessage(out.cells, cellKey(ref.volunteerId, ref.date), line[2]!.trim());
      return out;
    }
  }
  if (!placed && !out.general.length) general(detail || (problem.title ?? '').trim() || fallback);
  return out;
}

// Moving with the keyboard -----------------------------------------------------------------------

export interface CellPosition {
  row: number;
  day: number;
}

export type CellMove = 'left' | 'right' | 'up' | 'down';

/**
 * The open cell reached from `from` by a move: left and right skip locked days and wrap to the
 * row above or below; up and down keep the day. Null at the edge of the grid.
 */
export function moveCell(from: CellPosition, move: CellMove, rowCount: number, days: readonly TimesheetDay[]): CellPosition | null {
  const open = days.map((d, i) => (d.lock ? -1 : i)).filter((i) => i >= 0);
  if (!open.length || rowCount === 0) return null;
  if (move === 'up' || move === 'down') {
    const row = from.row + (move === 'down' ? 1 : -1);
    return row >= 0 && row < rowCount ? { row, day: from.day } : null;
  }
  if (move === 'right') {
    const next = open.find((i) => i > from.day);
    if (next !== undefined) return { row: from.row, day: next };
    return from.row + 1 < rowCount ? { row: from.row + 1, day: open[0]! } : null;
  }
  const prev = [...open].reverse().find((i) => i < from.day);
  if (prev !== undefined) return { row: from.row, day: prev };
  return from.row > 0 ? { row: from.row - 1, day: open[open.length - 1]! } : null;
}

/**
 * What a key does in a cell: arrows move (left and right only when the caret is at the text's
 * edge, so that a typed "1h30" can still be corrected), Enter goes down and Shift+Enter up.
 */
export function keyMove(
  key: string,
  shift: boolean,
  caret: { start: number | null; end: number | null; length: number },
): CellMove | null {
  const collapsed = caret.start === caret.end;
  switch (key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Enter':
      return shift ? 'up' : 'down';
    case 'ArrowLeft':
      return caret.start === null || (collapsed && caret.start === 0) ? 'left' : null;
    case 'ArrowRight':
      return caret.end === null || (collapsed && caret.end === caret.length) ? 'right' : null;
    default:
      return null;
  }
}
