import { describe, expect, it } from 'vitest';
import type { Volunteer } from '../api/types';
import {
  addSkill,
  buildNewVolunteerInput,
  buildVolunteerInput,
  emptyVolunteerForm,
  foldText,
  formFromVolunteer,
  isVolunteerFormDirty,
  volunteerProblemToFormErrors,
} from './volunteerForm';

const olga: Volunteer = {
  id: '7',
  firstName: 'Ольга',
  lastName: 'Œuvrard',
  email: 'olga@exemple.fr',
  phone: '06 12 34 56 78',
  city: 'Besançon',
  postcode: '25000',
  skills: [
    { id: 'accounting', name: 'Comptabilité', level: 'expert', custom: false },
    { id: 'custom:apiculture', name: 'Apiculture', level: 'beginner', custom: true },
  ],
  causes: ['environment'],
  languages: ['ru', 'fr'],
  availability: { days: ['thursday', 'monday'], evenings: true, weekends: false, hoursPerMonth: 0, mode: 'remote' },
  bio: 'Ligne 1\nLigne 2',
  notes: '',
  joinedOn: '2024-03-12',
  sponsorId: '',
  status: 'active',
  createdAt: '2026-01-02T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00Z',
  consents: [{ kind: 'photos', given: true, givenAt: '2026-01-02T10:00:00Z', withdrawnAt: '' }],
};

describe('volunteer form values', () => {
  it('come from a profile, days in week order and unknown hours as empty', () => {
    const values = formFromVolunteer(olga);
    expect(values.days).toEqual(['monday', 'thursday']);
    expect(values.hoursPerMonth).toBeNull();
    expect(values.skills[1]).toEqual({ id: 'custom:apiculture', name: 'Apiculture', level: 'beginner', custom: true });
    expect(isVolunteerFormDirty(values, formFromVolunteer(olga))).toBe(false);
  });

  it('build the request body', () => {
    const values = formFromVolunteer(olga);
    values.skills = addSkill(values.skills, { id: '', name: 'Œnologie', custom: true }).skills;
    const body = buildVolunteerInput(values);
    expect(body.skills).toEqual([
      { id: 'accounting', name: 'Comptabilité', level: 'expert' },
      { id: 'custom:apiculture', name: 'Apiculture', level: 'beginner' },
      { name: 'Œnologie', level: 'intermediate' },
    ]);
    expect(body.availability).toEqual({ days: ['monday', 'thursday'], evenings: true, weekends: false, hoursPerMonth: 0, mode: 'remote' });
    expect(body.joinedOn).toBe('2024-03-12');
    expect(body.languages).toEqual(['ru', 'fr']);
  });

  it('notice every change, but not a reordering of checkboxes', () => {
    const saved = formFromVolunteer(olga);
    const values = formFromVolunteer(olga);
    values.languages = ['fr', 'ru'];
    expect(isVolunteerFormDirty(values, saved)).toBe(false);
    values.skills[0]!.level = 'confirmed';
    expect(isVolunteerFormDirty(values, saved)).toBe(true);
    const other = formFromVolunteer(olga);
    other.hoursPerMonth = 12;
    expect(isVolunteerFormDirty(other, saved)).toBe(true);
    const blank = emptyVolunteerForm();
    expect(isVolunteerFormDirty(blank, emptyVolunteerForm())).toBe(false);
    blank.city = 'Besançon';
    expect(isVolunteerFormDirty(blank, emptyVolunteerForm())).toBe(true);
  });
});

describe('consents on the volunteer form', () => {
  it('starts with nothing ticked, and an existing profile never sends its consents with the form', () => {
    expect(emptyVolunteerForm().consents).toEqual([]);
    const values = formFromVolunteer(olga);
    expect(values.consents).toEqual([]);
    expect('consents' in buildVolunteerInput(values)).toBe(false);
  });

  it('sends the boxes ticked on a new profile, every kind named', () => {
    const values = emptyVolunteerForm();
    values.lastName = 'Nguyễn';
    values.consents = ['photos', 'contact'];
    expect(buildNewVolunteerInput(values).consents).toEqual([
      { kind: 'contact', given: true },
      { kind: 'sponsorNames', given: false },
      { kind: 'photos', given: true },
    ]);
    expect(buildNewVolunteerInput(values).lastName).toBe('Nguyễn');
  });

  it('counts a ticked box as a change', () => {
    const values = emptyVolunteerForm();
    values.consents = ['sponsorNames'];
    expect(isVolunteerFormDirty(values, emptyVolunteerForm())).toBe(true);
  });

  it('puts an error on the consents under their boxes', () => {
    const errors = volunteerProblemToFormErrors({
      status: 422,
      errors: [{ location: 'body.consents', message: 'Valeur non reconnue' }],
    });
    expect(errors.fields.consents).toBe('Valeur non reconnue');
  });
});

describe('addSkill', () => {
  it('adds at the end with the default level', () => {
    const res = addSkill([], { id: 'graphic-design', name: 'Graphisme', custom: false });
    expect(res).toEqual({ skills: [{ id: 'graphic-design', name: 'Graphisme', level: 'intermediate', custom: false }], added: true, index: 0 });
  });

  it('refuses the same skill twice, by ID or by name without accents', () => {
    const list = addSkill([], { id: 'accounting', name: 'Comptabilité', custom: false }).skills;
    expect(addSkill(list, { id: 'accounting', name: 'Accounting', custom: false })).toMatchObject({ added: false, index: 0 });
    expect(addSkill(list, { id: '', name: ' comptabilite ', custom: true })).toMatchObject({ added: false, index: 0 });
    expect(addSkill(list, { id: '', name: '   ', custom: true }).added).toBe(false);
  });

  it('folds case, accents and spaces', () => {
    expect(foldText('  Œuvre   ÉLODIE ')).toBe('œuvre elodie');
  });
});

describe('server messages', () => {
  it('go under their fields, availability ones under their own input', () => {
    const errors = volunteerProblemToFormErrors({
      status: 422,
      detail: 'Certaines informations sont invalides : vérifiez les champs signalés.',
      errors: [
        { location: 'body.email', message: 'Adresse e-mail invalide.' },
        { location: 'body.availability.hoursPerMonth', message: 'Valeur hors limites (entre 0 et 200).' },
        { location: 'body.availability.days', message: 'Valeur non reconnue.' },
        { location: 'body.skills', message: 'Trop d’éléments (50 au plus).' },
        { location: 'body.status', message: 'Statut inconnu.' },
      ],
    });
    expect(errors.fields).toEqual({
      email: 'Adresse e-mail invalide.',
      hoursPerMonth: 'Valeur hors limites (entre 0 et 200).',
      days: 'Valeur non reconnue.',
      skills: 'Trop d’éléments (50 au plus).',
    });
    expect(errors.general).toEqual(['Statut inconnu.']);
  });
});
