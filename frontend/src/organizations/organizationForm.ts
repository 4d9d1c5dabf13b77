// The organization form (an association helped or a sponsor): its values, the request body built
// from them, whether anything changed; and the program form of a sponsor.
import { problemToFormErrors, type FormErrors, type ProblemDetails } from '../api/problem';
import type { Organization, OrganizationKind, OrganizationWrite, Program, ProgramInput } from '../api/types';
import type { LogoChange } from '../settings/organizationForm';
import { checkDateOrder } from '../projects/projectForm';

export const ORGANIZATION_KINDS: readonly OrganizationKind[] = ['association', 'sponsor'];

/** The finer kinds each kind may declare (backend/domain OrganizationCategories); "" is none. */
export const CATEGORIES: Record<OrganizationKind, readonly string[]> = {
  association: ['association', 'school', 'socialEnterprise', 'publicBody'],
  sponsor: ['company', 'foundation', 'federation', 'publicBody'],
};

export function isOrganizationKind(value: unknown): value is OrganizationKind {
  return typeof value === 'string' && (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

/** Limits of the server, so that the inputs stop where it would refuse. */
export const ORGANIZATION_LIMITS = { name: 200, description: 5000, city: 120, contactName: 200 } as const;

export const ORGANIZATION_TEXT_FIELDS = [
  'name',
  'description',
  'city',
  'postcode',
  'website',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;
export type OrganizationTextField = (typeof ORGANIZATION_TEXT_FIELDS)[number];

/** Every field that can carry an error message (server locations body.<field>). */
export const ORGANIZATION_FIELDS = ['kind', 'category', ...ORGANIZATION_TEXT_FIELDS, 'logo'] as const;
export type OrganizationField = (typeof ORGANIZATION_FIELDS)[number];

export interface OrganizationFormValues extends Record<OrganizationTextField, string> {
  kind: OrganizationKind;
  category: string;
}

export function emptyOrganizationForm(kind: OrganizationKind = 'association'): OrganizationFormValues {
  return {
    kind,
    category: '',
    name: '',
    description: '',
    city: '',
    postcode: '',
    website: '',
    contactName: '',
    contactEmail: '',
    contactPhone: '',
  };
}

export function formFromOrganization(o: Organization): OrganizationFormValues {
  const values = emptyOrganizationForm(o.kind);
  values.category = o.category ?? '';
  for (const field of ORGANIZATION_TEXT_FIELDS) values[field] = o[field] ?? '';
  return values;
}

/** A category that does not belong to the kind is dropped (the kind changed in a new form). */
export function categoryFor(kind: OrganizationKind, category: string): string {
  return CATEGORIES[kind].includes(category) ? category : '';
}

/** The POST/PUT body: every field, plus the logo only when it changes. */
export function buildOrganizationWrite(values: OrganizationFormValues, logo: LogoChange): OrganizationWrite {
  const input: OrganizationWrite = { kind: values.kind, category: categoryFor(values.kind, values.category) };
  for (const field of ORGANIZATION_TEXT_FIELDS) input[field] = values[field];
  if (logo.kind === 'replace') input.logo = logo.base64;
  if (logo.kind === 'remove') input.removeLogo = true;
  return input;
}

export function isOrganizationFormDirty(values: OrganizationFormValues, saved: OrganizationFormValues, logo: LogoChange): boolean {
  if (logo.kind !== 'keep') return true;
  if (values.kind !== saved.kind || values.category !== saved.category) return true;
  return ORGANIZATION_TEXT_FIELDS.some((field) => values[field] !== saved[field]);
}

export function organizationProblemToFormErrors(problem: ProblemDetails): FormErrors<OrganizationField> {
  return problemToFormErrors(problem, ORGANIZATION_FIELDS);
}

/** The initials shown in place of a missing logo: "RC" for "Les Restos du Cœur". */
export function organizationInitials(name: string): string {
  const small = new Set(['de', 'des', 'du', 'la', 'le', 'les', "l'", 'l’', 'd’', "d'", 'et', 'of', 'the', 'and', '&']);
  const words = name
    .split(/[\s\-–—]+/)
    .map((w) => w.replace(/^(l|d)['’]/i, ''))
    .filter((w) => w && !small.has(w.toLocaleLowerCase()) && /\p{L}|\p{N}/u.test(w));
  const letters = words.slice(0, 2).map((w) => Array.from(w.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '');
  return letters.join('').toLocaleUpperCase() || '?';
}

// Programs ---------------------------------------------------------------------------------------

export const PROGRAM_FIELDS = ['name', 'description', 'startDate', 'endDate', 'sponsorId'] as const;
export type ProgramField = (typeof PROGRAM_FIELDS)[number];

export interface ProgramFormValues {
  name: string;
  description: string;
  startDate: string;
  endDate: string;
}

export function emptyProgramForm(): ProgramFormValues {
  return { name: '', description: '', startDate: '', endDate: '' };
}

export function formFromProgram(p: Program): ProgramFormValues {
  return { name: p.name ?? '', description: p.description ?? '', startDate: p.startDate ?? '', endDate: p.endDate ?? '' };
}

export function buildProgramInput(values: ProgramFormValues, sponsorId: string): ProgramInput {
  return { sponsorId, name: values.name, description: values.description, startDate: values.startDate, endDate: values.endDate };
}

/** The checks that need no server: a name, and an end that is not before the start. */
export function checkProgramForm(values: ProgramFormValues): Partial<Record<ProgramField, 'nameRequired' | 'endBeforeStart'>> {
  const problems: Partial<Record<ProgramField, 'nameRequired' | 'endBeforeStart'>> = {};
  if (!values.name.trim()) problems.name = 'nameRequired';
  const order = checkDateOrder(values.startDate, values.endDate);
  if (order) problems.endDate = order;
  return problems;
}

export function programProblemToFormErrors(problem: ProblemDetails): FormErrors<ProgramField> {
  return problemToFormErrors(problem, PROGRAM_FIELDS);
}
