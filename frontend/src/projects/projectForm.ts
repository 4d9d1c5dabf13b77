// The project form: its values, the request body built from them, whether anything changed, the
// checks made before sending, and the server's validation messages put under the right fields.
import { problemToFormErrors, type FormErrors, type ProblemDetails } from '../api/problem';
import type { Project, ProjectInput, ProjectStatus, SkillLevel, WorkMode } from '../api/types';
import { sortDays } from '../volunteers/availability';
import { DEFAULT_SKILL_LEVEL, foldText, type SkillPick } from '../volunteers/volunteerForm';

/** Every field that can carry an error message, in the order of the form. */
export const PROJECT_FIELDS = [
  'title',
  'organizationId',
  'createdByVolunteerId',
  'sponsorId',
  'programId',
  'status',
  'description',
  'skillsNeeded',
  'causes',
  'startDate',
  'endDate',
  'days',
  'hoursPerMonth',
  'mode',
  'city',
  'place',
  'beneficiaries',
] as const;
export type ProjectField = (typeof PROJECT_FIELDS)[number];

/** Limits of the server (backend/domain), so that the inputs stop where it would refuse. */
export const PROJECT_LIMITS = {
  title: 200,
  description: 5000,
  city: 120,
  place: 200,
  skills: 20,
  people: 50,
  hoursPerMonth: 200,
  beneficiaries: 10_000_000,
} as const;

/** A skill the project needs: at which level at least, and how many people. */
export interface NeedEntry {
  /** Taxonomy or custom:… ID; "" for a skill typed here that the server will create. */
  id: string;
  name: string;
  level: SkillLevel;
  people: number;
  custom: boolean;
}

export interface ProjectFormValues {
  title: string;
  /** The association helped; "" until chosen. */
  organizationId: string;
  /** The volunteer who proposed the project; "" when the association did. */
  createdByVolunteerId: string;
  sponsorId: string;
  programId: string;
  status: ProjectStatus;
  description: string;
  skills: NeedEntry[];
  causes: string[];
  /** YYYY-MM-DD or "". */
  startDate: string;
  endDate: string;
  days: string[];
  evenings: boolean;
  weekends: boolean;
  /** null when unknown (sent as 0). */
  hoursPerMonth: number | null;
  mode: WorkMode;
  city: string;
  place: string;
  /** People the project helped, as the association counts them; null when not counted (sent as 0). */
  beneficiaries: number | null;
}

const TEXT_FIELDS = [
  'title',
  'organizationId',
  'createdByVolunteerId',
  'sponsorId',
  'programId',
  'status',
  'description',
  'startDate',
  'endDate',
  'city',
  'place',
] as const;

export function emptyProjectForm(): ProjectFormValues {
  return {
    title: '',
    organizationId: '',
    createdByVolunteerId: '',
    sponsorId: '',
    programId: '',
    status: 'draft',
    description: '',
    skills: [],
    causes: [],
    startDate: '',
    endDate: '',
    days: [],
    evenings: false,
    weekends: false,
    hoursPerMonth: null,
    mode: '',
    city: '',
    place: '',
    beneficiaries: null,
  };
}

/** A deep copy, so that the form and its saved state never share arrays. */
export function cloneProjectForm(values: ProjectFormValues): ProjectFormValues {
  return { ...values, skills: values.skills.map((s) => ({ ...s })), causes: [...values.causes], days: [...values.days] };
}

export function formFromProject(p: Project): ProjectFormValues {
  const s = p.schedule ?? {};
  return {
    title: p.title ?? '',
    organizationId: p.organizationId ?? '',
    createdByVolunteerId: p.createdByVolunteerId ?? '',
    sponsorId: p.sponsorId ?? '',
    programId: p.programId ?? '',
    status: p.status,
    description: p.description ?? '',
    skills: (p.skillsNeeded ?? []).map((k) => ({ id: k.id, name: k.name, level: k.level, people: k.people, custom: k.custom })),
    causes: [...(p.causes ?? [])],
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    days: sortDays(s.days),
    evenings: s.evenings ?? false,
    weekends: s.weekends ?? false,
    hoursPerMonth: s.hoursPerMonth ? s.hoursPerMonth : null,
    mode: s.mode ?? '',
    city: p.city ?? '',
    place: p.place ?? '',
    beneficiaries: p.beneficiaries ? p.beneficiaries : null,
  };
}

/** The POST/PUT body. Text is sent as typed: the server trims and normalises it. */
export function buildProjectInput(values: ProjectFormValues): ProjectInput {
  return {
    title: values.title,
    organizationId: values.organizationId,
    createdByVolunteerId: values.createdByVolunteerId,
    sponsorId: values.sponsorId,
    programId: values.programId,
    status: values.status,
    description: values.description,
    skillsNeeded: values.skills.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      name: s.name,
      level: s.level,
      people: s.people,
    })),
    causes: [...values.causes],
    startDate: values.startDate,
    endDate: values.endDate,
    schedule: {
      days: sortDays(values.days),
      evenings: values.evenings,
      weekends: values.weekends,
      hoursPerMonth: values.hoursPerMonth ?? 0,
      mode: values.mode,
    },
    city: values.city,
    place: values.place,
    beneficiaries: values.beneficiaries ?? 0,
  };
}

/**
 * The body that moves a saved project to another status and changes nothing else (the API saves a
 * project whole).
 */
export function statusChangeInput(project: Project, status: ProjectStatus): ProjectInput {
  return buildProjectInput({ ...formFromProject(project), status });
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function isProjectFormDirty(values: ProjectFormValues, saved: ProjectFormValues): boolean {
  if (TEXT_FIELDS.some((f) => values[f] !== saved[f])) return true;
  if (values.evenings !== saved.evenings || values.weekends !== saved.weekends) return true;
  if ((values.hoursPerMonth ?? 0) !== (saved.hoursPerMonth ?? 0) || values.mode !== saved.mode) return true;
  if ((values.beneficiaries ?? 0) !== (saved.beneficiaries ?? 0)) return true;
  if (!sameSet(values.causes, saved.causes) || !sameSet(values.days, saved.days)) return true;
  if (values.skills.length !== saved.skills.length) return true;
  return values.skills.some((s, i) => {
    const o = saved.skills[i]!;
    return s.id !== o.id || s.name !== o.name || s.level !== o.level || s.people !== o.people;
  });
}

/**
 * Adds a picked skill at the end with the default level and one person. A skill already there
 * (same ID, or the same name typed twice) is not added again: `index` then points at it.
 */
export function addNeed(
  skills: readonly NeedEntry[],
  pick: SkillPick,
): { skills: NeedEntry[]; added: boolean; index: number } {
  const name = pick.name.trim();
  const existing = skills.findIndex((s) => (pick.id !== '' && s.id === pick.id) || foldText(s.name) === foldText(name));
  if (existing >= 0 || !name) return { skills: [...skills], added: false, index: existing };
  const next = [...skills, { id: pick.id, name, level: DEFAULT_SKILL_LEVEL, people: 1, custom: pick.custom }];
  return { skills: next, added: true, index: next.length - 1 };
}

/** Why the form cannot be sent as it is, by field: the checks that need no server. */
export type ProjectCheck = 'titleRequired' | 'organizationRequired' | 'endBeforeStart';

export function checkProjectForm(values: ProjectFormValues): Partial<Record<ProjectField, ProjectCheck>> {
  const problems: Partial<Record<ProjectField, ProjectCheck>> = {};
  if (!values.title.trim()) problems.title = 'titleRequired';
  if (!values.organizationId) problems.organizationId = 'organizationRequired';
  const dateProblem = checkDateOrder(values.startDate, values.endDate);
  if (dateProblem) problems.endDate = dateProblem;
  return problems;
}

/** An end before the start, both given as YYYY-MM-DD. */
export function checkDateOrder(start: string, end: string): 'endBeforeStart' | null {
  return start && end && end < start ? 'endBeforeStart' : null;
}

/**
 * The server's validation problem as form messages. The schedule is checked field by field
 * (body.schedule.hoursPerMonth): those go under their own inputs.
 */
export function projectProblemToFormErrors(problem: ProblemDetails): FormErrors<ProjectField> {
  const errors = (problem.errors ?? []).map((e) => ({
    ...e,
    location: e.location?.replace(/^body\.schedule\.(days|hoursPerMonth|mode)\b/, 'body.$1').replace(/^body\.schedule\b/, 'body.days'),
  }));
  return problemToFormErrors({ ...problem, errors }, PROJECT_FIELDS);
}
