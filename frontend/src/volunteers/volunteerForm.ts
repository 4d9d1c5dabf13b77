// The volunteer profile form: its values, the request body built from them, whether anything
// changed, and the server's validation messages put under the right fields.
import { problemToFormErrors, type FormErrors, type ProblemDetails } from '../api/problem';
import type { ConsentKind, SkillLevel, Volunteer, VolunteerInput, WorkMode } from '../api/types';
import { sortDays } from './availability';
import { CONSENT_KINDS, initialConsents } from './consents';

export const SKILL_LEVELS: readonly SkillLevel[] = ['beginner', 'intermediate', 'confirmed', 'expert'];
export const DEFAULT_SKILL_LEVEL: SkillLevel = 'intermediate';

/** Every field that can carry an error message, in the order of the form. */
export const VOLUNTEER_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'city',
  'postcode',
  'skills',
  'causes',
  'languages',
  'availability',
  'days',
  'hoursPerMonth',
  'mode',
  'bio',
  'notes',
  'joinedOn',
  'sponsorId',
  'consents',
] as const;
export type VolunteerField = (typeof VOLUNTEER_FIELDS)[number];

export const VOLUNTEER_TEXT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'city', 'postcode', 'bio', 'notes'] as const;
export type VolunteerTextField = (typeof VOLUNTEER_TEXT_FIELDS)[number];

/** Limits of the server (backend/domain), so that the inputs stop where it would refuse. */
export const LIMITS = { name: 100, city: 120, bio: 10000, notes: 10000, skills: 50, skillName: 80, hoursPerMonth: 200 } as const;

export interface SkillEntry {
  /** Taxonomy or custom:… ID; "" for a skill typed here that the server will create. */
  id: string;
  name: string;
  level: SkillLevel;
  custom: boolean;
}

export interface VolunteerFormValues extends Record<VolunteerTextField, string> {
  skills: SkillEntry[];
  causes: string[];
  languages: string[];
  days: string[];
  evenings: boolean;
  weekends: boolean;
  /** null when unknown (sent as 0). */
  hoursPerMonth: number | null;
  mode: WorkMode;
  /** YYYY-MM-DD or "". */
  joinedOn: string;
  /** The sponsor (employer in a pro bono program) the person takes part for; "" for none. */
  sponsorId: string;
  /**
   * The consents ticked on the creation form, none by default: consent must be the person's
   * explicit act. An existing profile changes its consents one at a time on the profile page.
   */
  consents: ConsentKind[];
}

export function emptyVolunteerForm(): VolunteerFormValues {
  return {
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    city: '',
    postcode: '',
    bio: '',
    notes: '',
    skills: [],
    causes: [],
    languages: [],
    days: [],
    evenings: false,
    weekends: false,
    hoursPerMonth: null,
    mode: '',
    joinedOn: '',
    sponsorId: '',
    consents: [],
  };
}

/** A deep copy, so that the form and its saved state never share arrays. */
export function cloneForm(values: VolunteerFormValues): VolunteerFormValues {
  return {
    ...values,
    skills: values.skills.map((s) => ({ ...s })),
    causes: [...values.causes],
    languages: [...values.languages],
    days: [...values.days],
    consents: [...values.consents],
  };
}

export function formFromVolunteer(v: Volunteer): VolunteerFormValues {
  const a = v.availability ?? {};
  return {
    firstName: v.firstName ?? '',
    lastName: v.lastName ?? '',
    email: v.email ?? '',
    phone: v.phone ?? '',
    city: v.city ?? '',
    postcode: v.postcode ?? '',
    bio: v.bio ?? '',
    notes: v.notes ?? '',
    skills: (v.skills ?? []).map((s) => ({ id: s.id, name: s.name, level: s.level, custom: s.custom })),
    causes: [...(v.causes ?? [])],
    languages: [...(v.languages ?? [])],
    days: sortDays(a.days),
    evenings: a.evenings ?? false,
    weekends: a.weekends ?? false,
    hoursPerMonth: a.hoursPerMonth ? a.hoursPerMonth : null,
    mode: a.mode ?? '',
    joinedOn: v.joinedOn ?? '',
    sponsorId: v.sponsorId ?? '',
    consents: [],
  };
}

/** The POST/PUT body. Text is sent as typed: the server trims and normalises it. */
export function buildVolunteerInput(values: VolunteerFormValues): VolunteerInput {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    phone: values.phone,
    city: values.city,
    postcode: values.postcode,
    skills: values.skills.map((s) => (s.id ? { id: s.id, name: s.name, level: s.level } : { name: s.name, level: s.level })),
    causes: [...values.causes],
    languages: [...values.languages],
    availability: {
      days: sortDays(values.days),
      evenings: values.evenings,
      weekends: values.weekends,
      hoursPerMonth: values.hoursPerMonth ?? 0,
      mode: values.mode,
    },
    bio: values.bio,
    notes: values.notes,
    joinedOn: values.joinedOn,
    sponsorId: values.sponsorId,
  };
}

/** The POST body of a new volunteer: the profile with the consents ticked, in form order. */
export function buildNewVolunteerInput(values: VolunteerFormValues): VolunteerInput {
  const ticked = CONSENT_KINDS.filter((k) => values.consents.includes(k));
  return { ...buildVolunteerInput(values), consents: initialConsents(ticked) };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function isVolunteerFormDirty(values: VolunteerFormValues, saved: VolunteerFormValues): boolean {
  if (VOLUNTEER_TEXT_FIELDS.some((f) => values[f] !== saved[f])) return true;
  if (values.evenings !== saved.evenings || values.weekends !== saved.weekends) return true;
  if ((values.hoursPerMonth ?? 0) !== (saved.hoursPerMonth ?? 0) || values.mode !== saved.mode) return true;
  if ((values.joinedOn ?? '') !== (saved.joinedOn ?? '') || values.sponsorId !== saved.sponsorId) return true;
  if (
    !sameSet(values.causes, saved.causes) ||
    !sameSet(values.languages, saved.languages) ||
    !sameSet(values.days, saved.days) ||
    !sameSet(values.consents, saved.consents)
  ) {
    return true;
  }
  if (values.skills.length !== saved.skills.length) return true;
  return values.skills.some((s, i) => {
    const o = saved.skills[i]!;
    return s.id !== o.id || s.name !== o.name || s.level !== o.level;
  });
}

/** Case and accents ignored: "Comptabilité" and "comptabilite" are the same skill. */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase('fr')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SkillPick {
  id: string;
  name: string;
  custom: boolean;
}

/**
 * Adds a picked skill at the end of the list with the default level. A skill already there (same
 * ID, or same name typed twice) is not added again: `index` then points at the existing one.
 */
export function addSkill(
  skills: readonly SkillEntry[],
  pick: SkillPick,
  level: SkillLevel = DEFAULT_SKILL_LEVEL,
): { skills: SkillEntry[]; added: boolean; index: number } {
  const name = pick.name.trim();
  const existing = skills.findIndex(
    (s) => (pick.id !== '' && s.id === pick.id) || foldText(s.name) === foldText(name),
  );
  if (existing >= 0 || !name) return { skills: [...skills], added: false, index: existing };
  const next = [...skills, { id: pick.id, name, level, custom: pick.custom }];
  return { skills: next, added: true, index: next.length - 1 };
}

/**
 * The server's validation problem as form messages. Availability is checked field by field
 * (body.availability.hoursPerMonth): those go under their own inputs.
 */
export function volunteerProblemToFormErrors(problem: ProblemDetails): FormErrors<VolunteerField> {
  const errors = (problem.errors ?? []).map((e) => ({
    ...e,
    location: e.location?.replace(/^body\.availability\.(days|hoursPerMonth|mode)\b/, 'body.$1'),
  }));
  return problemToFormErrors({ ...problem, errors }, VOLUNTEER_FIELDS);
}
