import { describe, expect, it } from 'vitest';
import type { HourEntry } from '../api/types';
import { emptyEntryForm, entryFormFrom, entryInput, entryProblems, entryServerErrors, reopensReview } from './entryForm';

const saved: HourEntry = {
  id: '31',
  volunteerId: '7',
  volunteerName: 'Élodie Dubœuf',
  projectId: '4',
  projectTitle: 'Comptabilité de l’épicerie',
  associationId: '1',
  associationName: 'Œuvre de Besançon',
  sponsorId: '',
  sponsorName: '',
  date: '2026-11-02',
  hours: 80 / 60,
  skill: 'Comptabilité',
  skillId: 'accounting',
  skillDomain: 'finance',
  level: 'expert',
  note: 'Bilan « provisoire »',
  status: 'approved',
  reviewedBy: 'Marie-Hélène',
  reviewedAt: '2026-11-03T10:00:00Z',
  value: 80,
  enteredBy: 'Marie-Hélène',
  createdAt: '2026-11-02T18:00:00Z',
  updatedAt: '2026-11-03T10:00:00Z',
};

describe('single hour entry form', () => {
  it('starts prefilled as asked', () => {
    expect(emptyEntryForm({ volunteerId: '7' })).toEqual({ volunteerId: '7', projectId: '', date: '', hours: '', skill: '', note: '' });
  });

  it('opens a saved entry with its time written for the language', () => {
    expect(entryFormFrom(saved, 'fr')).toEqual({
      volunteerId: '7',
      projectId: '4',
      date: '2026-11-02',
      hours: '1h20',
      skill: 'Comptabilité',
      note: 'Bilan « provisoire »',
    });
    expect(entryFormFrom({ ...saved, hours: 1.5 }, 'en').hours).toBe('1.5');
  });

  it('says what is missing or wrong before sending', () => {
    expect(entryProblems(emptyEntryForm(), '2026-11-25')).toEqual({
      volunteerId: 'required',
      projectId: 'required',
      date: 'required',
      hours: 'required',
    });
    const v = { ...entryFormFrom(saved, 'fr'), date: '2026-11-26', hours: 'deux heures' };
    expect(entryProblems(v, '2026-11-25')).toEqual({ date: 'future', hours: 'invalid' });
    expect(entryProblems({ ...v, date: '2026-11-25', hours: '25' }, '2026-11-25')).toEqual({ hours: 'tooMany' });
    expect(entryProblems(entryFormFrom(saved, 'fr'), '2026-11-25')).toEqual({});
  });

  it('builds the request in decimal hours', () => {
    const v = { ...entryFormFrom(saved, 'fr'), hours: '1h30', note: '  Bilan  ' };
    expect(entryInput(v, ' Marie-Hélène ')).toEqual({
      volunteerId: '7',
      projectId: '4',
      date: '2026-11-02',
      hours: 1.5,
      skill: 'Comptabilité',
      note: 'Bilan',
      enteredBy: 'Marie-Hélène',
    });
    expect(entryInput(v, '')).not.toHaveProperty('enteredBy');
  });

  it('knows when a change sends a reviewed entry back to pending', () => {
    const v = entryFormFrom(saved, 'fr');
    expect(reopensReview(saved, v)).toBe(false);
    expect(reopensReview(saved, { ...v, note: 'Bilan définitif' })).toBe(false);
    expect(reopensReview(saved, { ...v, skill: 'comptabilité' })).toBe(false);
    expect(reopensReview(saved, { ...v, hours: '80 min' })).toBe(false);
    expect(reopensReview(saved, { ...v, hours: '1,5' })).toBe(true);
    expect(reopensReview(saved, { ...v, date: '2026-11-03' })).toBe(true);
    expect(reopensReview(saved, { ...v, skill: 'Traduction' })).toBe(true);
    expect(reopensReview({ ...saved, status: 'rejected' }, { ...v, projectId: '5' })).toBe(true);
    expect(reopensReview({ ...saved, status: 'pending' }, { ...v, hours: '3' })).toBe(false);
  });

  it('puts the server’s messages on the fields', () => {
    const errors = entryServerErrors({
      status: 422,
      errors: [
        { location: 'body.date', message: 'La date est dans le futur.' },
        { location: 'body.level', message: 'Niveau inconnu.' },
      ],
    });
    expect(errors).toEqual({ fields: { date: 'La date est dans le futur.' }, general: ['Niveau inconnu.'] });
  });
});
