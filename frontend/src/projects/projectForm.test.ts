import { describe, expect, it } from 'vitest';
import type { Project } from '../api/types';
import {
  addNeed,
  buildProjectInput,
  checkProjectForm,
  cloneProjectForm,
  emptyProjectForm,
  formFromProject,
  isProjectFormDirty,
  projectProblemToFormErrors,
  statusChangeInput,
} from './projectForm';

const project: Project = {
  id: '3',
  title: 'Une comptabilité simple pour l’Œuvre',
  organizationId: '1',
  organizationName: 'Les Restos du Cœur de Besançon',
  sponsorId: '2',
  sponsorName: 'Fondation Œuvre Commune',
  programId: '5',
  programName: 'Mécénat de compétences 2027',
  description: 'Ligne 1\nLigne 2',
  skillsNeeded: [
    { id: 'accounting', name: 'Comptabilité', level: 'confirmed', people: 2, custom: false },
    { id: 'custom:reliure', name: 'Reliure d’art', level: 'beginner', people: 1, custom: true },
  ],
  causes: ['culture'],
  startDate: '2026-12-01',
  endDate: '2027-02-01',
  schedule: { days: ['thursday', 'monday'], evenings: true, weekends: false, hoursPerMonth: 6, mode: 'remote' },
  city: 'Besançon',
  place: 'Salle Ольга, 2 rue de l’Œuvre',
  status: 'recruiting',
  nextStatuses: ['draft', 'inProgress', 'cancelled'],
  createdByVolunteerId: '42',
  beneficiaries: 0,
  teamSize: 1,
  candidates: 2,
  team: [],
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

describe('project form values', () => {
  it('come from a project, days in week order', () => {
    const values = formFromProject(project);
    expect(values.days).toEqual(['monday', 'thursday']);
    expect(values.skills[1]).toEqual({ id: 'custom:reliure', name: 'Reliure d’art', level: 'beginner', people: 1, custom: true });
    expect(values.hoursPerMonth).toBe(6);
    expect(values.createdByVolunteerId).toBe('42');
  });

  it('make the body the API reads, unknown hours as 0 and typed skills by name', () => {
    const values = { ...formFromProject(project), hoursPerMonth: null };
    values.skills.push({ id: '', name: 'Apiculture', level: 'expert', people: 3, custom: true });
    const body = buildProjectInput(values);
    expect(body.skillsNeeded).toEqual([
      { id: 'accounting', name: 'Comptabilité', level: 'confirmed', people: 2 },
      { id: 'custom:reliure', name: 'Reliure d’art', level: 'beginner', people: 1 },
      { name: 'Apiculture', level: 'expert', people: 3 },
    ]);
    expect(body.schedule).toEqual({ days: ['monday', 'thursday'], evenings: true, weekends: false, hoursPerMonth: 0, mode: 'remote' });
    expect(body).toMatchObject({ organizationId: '1', sponsorId: '2', programId: '5', status: 'recruiting', place: 'Salle Ольга, 2 rue de l’Œuvre' });
  });

  it('move a project to another status and change nothing else', () => {
    const body = statusChangeInput(project, 'inProgress');
    expect(body.status).toBe('inProgress');
    expect({ ...body, status: 'recruiting' }).toEqual(buildProjectInput(formFromProject(project)));
  });

  it('tell when something changed, a skill’s people included', () => {
    const saved = formFromProject(project);
    const values = cloneProjectForm(saved);
    expect(isProjectFormDirty(values, saved)).toBe(false);
    values.days = ['thursday', 'monday'];
    expect(isProjectFormDirty(values, saved)).toBe(false);
    values.skills[0]!.people = 3;
    expect(isProjectFormDirty(values, saved)).toBe(true);
    expect(saved.skills[0]!.people).toBe(2);
    expect(isProjectFormDirty({ ...cloneProjectForm(saved), endDate: '' }, saved)).toBe(true);
  });
});

describe('project form checks', () => {
  it('ask for a title and an association before sending', () => {
    expect(checkProjectForm(emptyProjectForm())).toEqual({ title: 'titleRequired', organizationId: 'organizationRequired' });
    expect(checkProjectForm({ ...emptyProjectForm(), title: '  ', organizationId: '1' })).toEqual({ title: 'titleRequired' });
  });

  it('refuse an end before the start, and accept one day or open ends', () => {
    const base = { ...emptyProjectForm(), title: 'Jardin', organizationId: '1' };
    expect(checkProjectForm({ ...base, startDate: '2026-12-01', endDate: '2026-11-30' })).toEqual({ endDate: 'endBeforeStart' });
    expect(checkProjectForm({ ...base, startDate: '2026-12-01', endDate: '2026-12-01' })).toEqual({});
    expect(checkProjectForm({ ...base, endDate: '2026-11-30' })).toEqual({});
  });
});

describe('skills needed', () => {
  it('are added once, with one person at the intermediate level', () => {
    const first = addNeed([], { id: 'accounting', name: 'Comptabilité', custom: false });
    expect(first.skills).toEqual([{ id: 'accounting', name: 'Comptabilité', level: 'intermediate', people: 1, custom: false }]);
    const again = addNeed(first.skills, { id: '', name: ' comptabilite ', custom: true });
    expect(again).toMatchObject({ added: false, index: 0 });
    expect(addNeed(first.skills, { id: '', name: '  ', custom: true }).added).toBe(false);
  });
});

describe('project problems', () => {
  it('go under their fields, the schedule’s under its own inputs', () => {
    const mapped = projectProblemToFormErrors({
      status: 422,
      detail: 'Certaines informations sont invalides : vérifiez les champs signalés.',
      errors: [
        { location: 'body.endDate', message: 'La date de fin est avant la date de début.' },
        { location: 'body.schedule.hoursPerMonth', message: 'Entre 0 et 200.' },
        { location: 'body.skillsNeeded', message: '50 personnes au plus.' },
        { location: 'body.organizationId', message: 'Cette association n’existe pas.' },
        { location: 'body.milestones', message: 'Autre chose.' },
      ],
    });
    expect(mapped.fields).toEqual({
      endDate: 'La date de fin est avant la date de début.',
      hoursPerMonth: 'Entre 0 et 200.',
      skillsNeeded: '50 personnes au plus.',
      organizationId: 'Cette association n’existe pas.',
    });
    expect(mapped.general).toEqual(['Autre chose.']);
  });
});
