import { describe, expect, it } from 'vitest';
import type { OrganizationProfile } from '../api/types';
import { buildOrganizationInput, emptyOrgForm, formFromProfile, isOrgFormDirty } from './organizationForm';

const profile: OrganizationProfile = {
  name: 'Les Amis du Quartier',
  address: '12 rue des Lilas',
  postcode: '75011',
  city: 'Paris',
  registrationNumber: 'W751234567',
  email: 'contact@amis-quartier.fr',
  phone: '01 23 45 67 89',
  website: 'https://amis-quartier.fr',
  signatoryName: 'Marie-Hélène Dubœuf',
  signatoryRole: 'Présidente',
  logoUrl: '/api/settings/organization/logo?v=abc',
  updatedAt: '2026-11-25T16:05:00Z',
};

describe('organisation form', () => {
  it('sends every text field and leaves the logo alone by default', () => {
    const input = buildOrganizationInput(formFromProfile(profile), { kind: 'keep' });
    expect(input).toEqual({
      name: 'Les Amis du Quartier',
      address: '12 rue des Lilas',
      postcode: '75011',
      city: 'Paris',
      registrationNumber: 'W751234567',
      email: 'contact@amis-quartier.fr',
      phone: '01 23 45 67 89',
      website: 'https://amis-quartier.fr',
      signatoryName: 'Marie-Hélène Dubœuf',
      signatoryRole: 'Présidente',
    });
    expect('logo' in input).toBe(false);
    expect('removeLogo' in input).toBe(false);
  });

  it('sends a new logo or asks to remove it', () => {
    const values = formFromProfile(profile);
    expect(buildOrganizationInput(values, { kind: 'replace', base64: 'iVBORw0K', previewUrl: 'blob:x' }).logo).toBe('iVBORw0K');
    expect(buildOrganizationInput(values, { kind: 'remove' }).removeLogo).toBe(true);
  });

  it('knows when something changed', () => {
    const values = formFromProfile(profile);
    expect(isOrgFormDirty(values, profile, { kind: 'keep' })).toBe(false);
    expect(isOrgFormDirty({ ...values, city: 'Lyon' }, profile, { kind: 'keep' })).toBe(true);
    expect(isOrgFormDirty(values, profile, { kind: 'remove' })).toBe(true);
    expect(isOrgFormDirty(emptyOrgForm(), null, { kind: 'keep' })).toBe(false);
  });

  it('carries the certificate signatory, empty when a profile from before it has none', () => {
    const values = formFromProfile(profile);
    expect(values.signatoryName).toBe('Marie-Hélène Dubœuf');
    expect(isOrgFormDirty({ ...values, signatoryRole: 'Trésorière' }, profile, { kind: 'keep' })).toBe(true);
    const older = { ...profile } as Partial<OrganizationProfile>;
    delete older.signatoryName;
    delete older.signatoryRole;
    const fromOlder = formFromProfile(older as OrganizationProfile);
    expect(fromOlder.signatoryName).toBe('');
    expect(buildOrganizationInput(fromOlder, { kind: 'keep' }).signatoryRole).toBe('');
  });
});
