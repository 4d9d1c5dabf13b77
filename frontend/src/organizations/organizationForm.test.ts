import { describe, expect, it } from 'vitest';
import type { Organization, Program } from '../api/types';
import {
  buildOrganizationWrite,
  buildProgramInput,
  categoryFor,
  checkProgramForm,
  emptyOrganizationForm,
  emptyProgramForm,
  formFromOrganization,
  formFromProgram,
  isOrganizationFormDirty,
  isOrganizationKind,
  organizationInitials,
  organizationProblemToFormErrors,
} from './organizationForm';

const fondation: Organization = {
  id: '2',
  kind: 'sponsor',
  category: 'foundation',
  name: 'Fondation Œuvre Commune',
  description: 'Soutient les associations du Doubs.',
  city: 'Besançon',
  postcode: '25000',
  website: 'https://oeuvre-commune.fr',
  contactName: 'Ольга Nguyễn',
  contactEmail: 'olga@oeuvre-commune.fr',
  contactPhone: '03 81 00 00 00',
  logoUrl: '/api/organizations/2/logo?v=abc',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

describe('organization form', () => {
  it('comes from an organization and makes the body back', () => {
    const values = formFromOrganization(fondation);
    expect(values).toMatchObject({ kind: 'sponsor', category: 'foundation', contactName: 'Ольга Nguyễn' });
    const body = buildOrganizationWrite(values, { kind: 'keep' });
    expect(body).toEqual({
      kind: 'sponsor',
      category: 'foundation',
      name: 'Fondation Œuvre Commune',
      description: 'Soutient les associations du Doubs.',
      city: 'Besançon',
      postcode: '25000',
      website: 'https://oeuvre-commune.fr',
      contactName: 'Ольга Nguyễn',
      contactEmail: 'olga@oeuvre-commune.fr',
      contactPhone: '03 81 00 00 00',
    });
  });

  it('sends the logo only when it changes', () => {
    const values = formFromOrganization(fondation);
    expect(buildOrganizationWrite(values, { kind: 'replace', base64: 'iVBO', previewUrl: 'blob:x' }).logo).toBe('iVBO');
    expect(buildOrganizationWrite(values, { kind: 'remove' }).removeLogo).toBe(true);
    expect(buildOrganizationWrite(values, { kind: 'keep' })).not.toHaveProperty('logo');
  });

  it('drops a category of the other kind', () => {
    expect(categoryFor('association', 'foundation')).toBe('');
    expect(categoryFor('association', 'school')).toBe('school');
    expect(buildOrganizationWrite({ ...emptyOrganizationForm('association'), category: 'company' }, { kind: 'keep' }).category).toBe('');
  });

  it('tells when something changed', () => {
    const saved = formFromOrganization(fondation);
    expect(isOrganizationFormDirty({ ...saved }, saved, { kind: 'keep' })).toBe(false);
    expect(isOrganizationFormDirty({ ...saved, city: 'Dole' }, saved, { kind: 'keep' })).toBe(true);
    expect(isOrganizationFormDirty({ ...saved }, saved, { kind: 'remove' })).toBe(true);
  });

  it('puts the server’s problems under the fields', () => {
    const mapped = organizationProblemToFormErrors({
      status: 422,
      errors: [{ location: 'body.contactEmail', message: 'Adresse e-mail invalide.' }],
    });
    expect(mapped.fields).toEqual({ contactEmail: 'Adresse e-mail invalide.' });
  });

  it('knows the two kinds', () => {
    expect(isOrganizationKind('sponsor')).toBe(true);
    expect(isOrganizationKind('company')).toBe(false);
  });
});

describe('organization initials', () => {
  it('skip the little words', () => {
    expect(organizationInitials('Les Restos du Cœur de Besançon')).toBe('RC');
    expect(organizationInitials('Fondation Œuvre Commune')).toBe('FŒ');
    expect(organizationInitials('l’Atelier')).toBe('A');
    expect(organizationInitials('Ассоциация Мир')).toBe('АМ');
    expect(organizationInitials('  ')).toBe('?');
  });
});

describe('program form', () => {
  const program: Program = {
    id: '5',
    sponsorId: '2',
    sponsorName: 'Fondation Œuvre Commune',
    name: 'Mécénat de compétences 2027',
    description: '',
    startDate: '2027-01-01',
    endDate: '2027-12-31',
    createdAt: '',
    updatedAt: '',
  };

  it('comes from a program and makes the body with its sponsor', () => {
    expect(buildProgramInput(formFromProgram(program), '2')).toEqual({
      sponsorId: '2',
      name: 'Mécénat de compétences 2027',
      description: '',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
  });

  it('needs a name and dates in order', () => {
    expect(checkProgramForm(emptyProgramForm())).toEqual({ name: 'nameRequired' });
    expect(checkProgramForm({ ...formFromProgram(program), endDate: '2026-12-31' })).toEqual({ endDate: 'endBeforeStart' });
  });
});
