// The import wizard's logic: the column mapping the user edits, the preview table, and how far a
// running import has got.
import type { ImportResult, ImportRowError, Job } from '../api/types';

/** The largest file the server accepts (backend/importer DefaultLimits). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = ['.csv', '.tsv', '.txt', '.xlsx', '.ods'] as const;

/** Every field a column can fill, in the order of the drop-down lists ("" ignores the column). */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'city',
  'postcode',
  'skills',
  'level',
  'causes',
  'languages',
  'availability',
  'hoursPerMonth',
  'mode',
  'bio',
  'notes',
  'joinedOn',
] as const;

export function hasAcceptedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The fields to offer: the server's list (it may know more than this version), known ones first. */
export function mappableFields(serverFields: readonly string[] | null | undefined): string[] {
  const known: string[] = IMPORT_FIELDS.filter((f) => !serverFields?.length || serverFields.includes(f));
  const extra = (serverFields ?? []).filter((f) => f && !known.includes(f));
  return [...known, ...extra];
}

/** The mapping the server used (guessed, or the one sent), one field per column. */
export function mappingOf(result: Pick<ImportResult, 'columns'>): string[] {
  return (result.columns ?? []).map((c) => c.field ?? '');
}

/**
 * Sets the field of one column. Most fields fill one column only: a column that had it before is
 * set to ignore, and its index returned so that the page can say so. The fields the server
 * lists as multi-column (skills, causes…) may fill several columns.
 */
export function setColumnField(
  mapping: readonly string[],
  column: number,
  field: string,
  multiColumnFields: readonly string[] = [],
): { mapping: string[]; cleared: number | null } {
  const next = [...mapping];
  let cleared: number | null = null;
  if (field !== '' && !multiColumnFields.includes(field)) {
    next.forEach((f, i) => {
      if (i !== column && f === field) {
        next[i] = '';
        cleared = i;
      }
    });
  }
  next[column] = field;
  return { mapping: next, cleared };
}

export function sameMapping(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

/** A preview row's cells, one per column: short rows are padded, long ones cut. */
export function previewCells(cells: readonly string[] | null | undefined, columns: number): string[] {
  return Array.from({ length: columns }, (_, i) => cells?.[i] ?? '');
}

/** Problems in file order: by row, then column. */
export function sortRowErrors(errors: readonly ImportRowError[] | null | undefined): ImportRowError[] {
  return [...(errors ?? [])].sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? ''));
}

/** Rows with at least one problem. */
export function rowsWithErrors(errors: readonly ImportRowError[] | null | undefined): number {
  return new Set((errors ?? []).map((e) => e.row)).size;
}

/** The steps of a running import, in order, with their share of the progress bar. */
export const IMPORT_PHASES = ['reading', 'checking', 'saving', 'indexing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];
const PHASE_SPAN: Record<ImportPhase, [number, number]> = {
  reading: [0, 10],
  checking: [10, 40],
  saving: [40, 85],
  indexing: [85, 100],
};

export function isImportPhase(phase: string | null | undefined): phase is ImportPhase {
  return (IMPORT_PHASES as readonly string[]).includes(phase ?? '');
}

/** The progress bar's value, 0 to 100: each phase fills its span by done/total. */
export function importPercent(job: Pick<Job, 'state' | 'phase' | 'done' | 'total'>): number {
  if (job.state === 'done') return 100;
  if (!isImportPhase(job.phase)) return 0;
  const [from, to] = PHASE_SPAN[job.phase];
  const fraction = job.total > 0 ? Math.min(1, Math.max(0, job.done / job.total)) : 0;
  return Math.round(from + (to - from) * fraction);
}

/** How a CSV separator is named to people (a key under volunteers.import.delimiters), or null. */
export function delimiterKey(delimiter: string | null | undefined): 'semicolon' | 'comma' | 'tab' | 'pipe' | null {
  switch (delimiter) {
    case ';':
      return 'semicolon';
    case ',':
      return 'comma';
    case '\t':
      return 'tab';
    case '|':
      return 'pipe';
    default:
      return null;
  }
}
