// The single-entry form "Saisir des heures" (and its edit version): one volunteer, one project,
// one day. Its values, its checks before sending, the request and the server's messages.
import { problemToFormErrors, type FormErrors, type ProblemDetails } from '../api/problem';
import type { HourEntry, HourEntryInput } from '../api/types';
import type { FormatLocale } from '../format/format';
import { durationInputText, parseDuration, type DurationProblem } from './duration';

export const ENTRY_FIELDS = ['volunteerId', 'projectId', 'date', 'hours', 'skill', 'note'] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** The server's limit on a note (backend/domain). */
export const MAX_NOTE_LENGTH = 1000;

export interface EntryFormValues {
  volunteerId: string;
  projectId: string;
  date: string;
  /** As typed: "1,5", "1h30"… */
  hours: string;
  skill: string;
  note: string;
}

export function emptyEntryForm(prefill: Partial<EntryFormValues> = {}): EntryFormValues {
  return { volunteerId: '', projectId: '', date: '', hours: '', skill: '', note: '', ...prefill };
}

export function entryFormFrom(e: HourEntry, locale: FormatLocale): EntryFormValues {
  return {
    volunteerId: e.volunteerId,
    projectId: e.projectId,
    date: e.date,
    hours: durationInputText(e.hours, locale),
    skill: e.skill,
    note: e.note,
  };
}

export type EntryProblem = 'required' | 'future' | DurationProblem;

/** What is wrong before sending (the server checks the rest: the project's dates, 24 h a day). */
export function entryProblems(v: EntryFormValues, today: string): Partial<Record<EntryField, EntryProblem>> {
  const out: Partial<Record<EntryField, EntryProblem>> = {};
  if (!v.volunteerId) out.volunteerId = 'required';
  if (!v.projectId) out.projectId = 'required';
  if (!v.date) out.date = 'required';
  else if (v.date > today) out.date = 'future';
  const p = parseDuration(v.hours);
  if (p.kind === 'empty') out.hours = 'required';
  else if (p.kind === 'problem') out.hours = p.problem;
  return out;
}

/** The body of POST /api/hours or PUT /api/hours/{id}. Call only once entryProblems is empty. */
export function entryInput(v: EntryFormValues, enteredBy: string): HourEntryInput {
  const p = parseDuration(v.hours);
  const input: HourEntryInput = {
    volunteerId: v.volunteerId,
    projectId: v.projectId,
    date: v.date,
    hours: p.kind === 'ok' ? p.hours : 0,
    skill: v.skill.trim(),
    note: v.note.trim(),
  };
  if (enteredBy.trim()) input.enteredBy = enteredBy.trim();
  return input;
}

/**
 * Whether saving would send a reviewed entry back to pending: the server does so when who, where,
 * which day, how long or which skill changes — not for the note alone.
 */
export function reopensReview(original: HourEntry, v: EntryFormValues): boolean {
  if (original.status === 'pending') return false;
  const p = parseDuration(v.hours);
  const minutes = p.kind === 'ok' ? p.minutes : -1;
  return (
    v.volunteerId !== original.volunteerId ||
    v.projectId !== original.projectId ||
    v.date !== original.date ||
    minutes !== Math.round(original.hours * 60) ||
    v.skill.trim().toLocaleLowerCase() !== original.skill.trim().toLocaleLowerCase()
  );
}

export function entryServerErrors(problem: ProblemDetails): FormErrors<EntryField> {
  return problemToFormErrors(problem, ENTRY_FIELDS);
}
