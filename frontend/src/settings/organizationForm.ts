import type { OrganizationInput, OrganizationProfile } from '../api/types';

/** The text fields of the organisation form, in the order they are shown. */
export const ORG_TEXT_FIELDS = [
  'name',
  'registrationNumber',
  'address',
  'postcode',
  'city',
  'email',
  'phone',
  'website',
  'signatoryName',
  'signatoryRole',
] as const;
export type OrgTextField = (typeof ORG_TEXT_FIELDS)[number];

/** Limits of the server (backend/domain), so that the inputs stop where it would refuse. */
export const SIGNATORY_MAX_LENGTH = 120;

/** Every field that can carry an error message (server locations body.<field>). */
export const ORG_FIELDS = [...ORG_TEXT_FIELDS, 'logo'] as const;
export type OrgField = (typeof ORG_FIELDS)[number];

export type OrgFormValues = Record<OrgTextField, string>;

/** What happens to the logo when the form is saved. */
export type LogoChange =
  | { kind: 'keep' }
  | { kind: 'replace'; base64: string; previewUrl: string }
  | { kind: 'remove' };

export function emptyOrgForm(): OrgFormValues {
  return {
    name: '',
    registrationNumber: '',
    address: '',
    postcode: '',
    city: '',
    email: '',
    phone: '',
    website: '',
    signatoryName: '',
    signatoryRole: '',
  };
}

export function formFromProfile(profile: OrganizationProfile): OrgFormValues {
  const values = emptyOrgForm();
  for (const field of ORG_TEXT_FIELDS) values[field] = profile[field] ?? '';
  return values;
}

/** The PUT body: every text field, plus the logo only when it changes. */
export function buildOrganizationInput(values: OrgFormValues, logo: LogoChange): OrganizationInput {
  const input: OrganizationInput = {
    name: values.name,
    address: values.address,
    postcode: values.postcode,
    city: values.city,
    registrationNumber: values.registrationNumber,
    email: values.email,
    phone: values.phone,
    website: values.website,
    signatoryName: values.signatoryName,
    signatoryRole: values.signatoryRole,
  };
  if (logo.kind === 'replace') input.logo = logo.base64;
  if (logo.kind === 'remove') input.removeLogo = true;
  return input;
}

export function isOrgFormDirty(values: OrgFormValues, profile: OrganizationProfile | null, logo: LogoChange): boolean {
  if (logo.kind !== 'keep') return true;
  const saved = profile ? formFromProfile(profile) : emptyOrgForm();
  return ORG_TEXT_FIELDS.some((field) => values[field] !== saved[field]);
}
