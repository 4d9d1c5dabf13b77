import { describe, expect, it } from 'vitest';
import type { Survey } from '../api/types';
import {
  buildSurveyInput,
  checkQuestion,
  checkScale,
  checkSurveyForm,
  cloneSurveyForm,
  duplicateQuestion,
  emptySurveyForm,
  formFromSurvey,
  hasChecks,
  isSurveyFormDirty,
  moveQuestion,
  newQuestion,
  previewQuestion,
  questionsChanged,
  removeQuestion,
  surveyProblemToFormErrors,
  withKind,
} from './surveyForm';

const survey: Survey = {
  id: '4',
  title: 'Satisfaction des familles — Ольга',
  projectId: '3',
  project: 'Aide aux devoirs à Besançon',
  programId: '',
  program: '',
  organizationName: 'Œuvre Sainte-Élodie',
  audience: 'beneficiary',
  questions: [
    { kind: 'scale', text: 'Êtes-vous satisfaite ?', min: 1, max: 5, choices: [] },
    { kind: 'single', text: 'Reviendrez-vous ?', min: null, max: null, choices: ['« Très satisfaite »', 'Non'] },
    { kind: 'number', text: 'Combien de séances ?', min: 0, max: null, choices: [] },
    { kind: 'text', text: 'Un mot ?', min: null, max: null, choices: [] },
  ],
  responses: 0,
  createdAt: '2026-11-25T14:00:00Z',
  updatedAt: '2026-11-25T14:00:00Z',
};

describe('survey builder values', () => {
  it('start with one 1–5 scale, on the project or program given', () => {
    const v = emptySurveyForm({ projectId: '3' });
    expect(v).toMatchObject({ target: 'project', projectId: '3', programId: '', audience: 'beneficiary' });
    expect(v.questions).toHaveLength(1);
    expect(v.questions[0]).toMatchObject({ kind: 'scale', min: 1, max: 5 });
    expect(emptySurveyForm({ programId: '2', projectId: '3' })).toMatchObject({ target: 'program', programId: '2', projectId: '' });
  });

  it('come from a survey and make the body the API reads, each question with only what its kind uses', () => {
    const v = formFromSurvey(survey);
    expect(v.target).toBe('project');
    v.questions[1] = withKind(v.questions[1]!, 'multiple');
    expect(buildSurveyInput(v)).toEqual({
      title: 'Satisfaction des familles — Ольга',
      projectId: '3',
      audience: 'beneficiary',
      questions: [
        { kind: 'scale', text: 'Êtes-vous satisfaite ?', min: 1, max: 5 },
        { kind: 'multiple', text: 'Reviendrez-vous ?', choices: ['« Très satisfaite »', 'Non'] },
        { kind: 'number', text: 'Combien de séances ?', min: 0 },
        { kind: 'text', text: 'Un mot ?' },
      ],
    });
    expect(buildSurveyInput({ ...v, target: 'program', programId: '7' })).toMatchObject({ programId: '7' });
    expect(buildSurveyInput({ ...v, target: 'program', programId: '7' })).not.toHaveProperty('projectId');
  });

  it('give every question a key of its own', () => {
    const keys = formFromSurvey(survey).questions.map((q) => q.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are dirty only when what would be sent changes', () => {
    const saved = formFromSurvey(survey);
    const v = cloneSurveyForm(saved);
    expect(isSurveyFormDirty(v, saved)).toBe(false);
    v.questions[1]!.choices.push('Peut-être');
    expect(saved.questions[1]!.choices).toHaveLength(2); // no shared arrays
    expect(isSurveyFormDirty(v, saved)).toBe(true);
    expect(questionsChanged(v, saved)).toBe(true);
    const retitled = { ...cloneSurveyForm(saved), title: 'Bilan 2027' };
    expect(isSurveyFormDirty(retitled, saved)).toBe(true);
    expect(questionsChanged(retitled, saved)).toBe(false);
    // Choices kept aside by a kind change count only while the kind uses them.
    const text = cloneSurveyForm(saved);
    text.questions[3] = { ...text.questions[3]!, choices: ['oublié'] };
    expect(isSurveyFormDirty(text, saved)).toBe(false);
  });
});

describe('question kinds', () => {
  it('give a new choice question two choices to fill and a new scale 1–5', () => {
    expect(newQuestion('single').choices).toEqual(['', '']);
    expect(newQuestion('scale')).toMatchObject({ min: 1, max: 5 });
    expect(newQuestion('number')).toMatchObject({ min: null, max: null });
  });

  it('keep the text and the choices when the kind changes back and forth', () => {
    const q = { ...newQuestion('single', 'Quel atelier ?'), choices: ['Budget', '日本語'] };
    const asText = withKind(q, 'text');
    expect(asText.text).toBe('Quel atelier ?');
    expect(withKind(asText, 'multiple').choices).toEqual(['Budget', '日本語']);
  });

  it('give a scale usable bounds, keeping good ones', () => {
    expect(withKind({ ...newQuestion('number'), min: 0, max: 10 }, 'scale')).toMatchObject({ min: 0, max: 10 });
    expect(withKind({ ...newQuestion('number'), min: 0, max: 100 }, 'scale')).toMatchObject({ min: 1, max: 5 });
    expect(withKind(newQuestion('text'), 'scale')).toMatchObject({ min: 1, max: 5 });
  });

  it('preview as they will be asked: trimmed, without blank choices or unused bounds', () => {
    const q = { ...newQuestion('single', '  Reviendrez-vous ?  '), choices: [' Oui ', '', 'Non'], min: 3 };
    expect(previewQuestion(q)).toEqual({ kind: 'single', text: 'Reviendrez-vous ?', min: null, max: null, choices: ['Oui', 'Non'] });
  });
});

describe('question order', () => {
  const list = [newQuestion('scale', 'A'), newQuestion('text', 'B'), newQuestion('number', 'C')];
  const texts = (l: { text: string }[]) => l.map((q) => q.text);

  it('moves one up or down, and not past the ends', () => {
    expect(texts(moveQuestion(list, 1, -1))).toEqual(['B', 'A', 'C']);
    expect(texts(moveQuestion(list, 1, 1))).toEqual(['A', 'C', 'B']);
    expect(texts(moveQuestion(list, 0, -1))).toEqual(['A', 'B', 'C']);
    expect(texts(moveQuestion(list, 2, 1))).toEqual(['A', 'B', 'C']);
    expect(texts(list)).toEqual(['A', 'B', 'C']);
  });

  it('removes and duplicates', () => {
    expect(texts(removeQuestion(list, 1))).toEqual(['A', 'C']);
    const doubled = duplicateQuestion(list, 0);
    expect(texts(doubled)).toEqual(['A', 'A', 'B', 'C']);
    expect(doubled[1]!.key).not.toBe(doubled[0]!.key);
  });
});

describe('builder checks', () => {
  it('find nothing wrong with a good survey', () => {
    expect(hasChecks(checkSurveyForm(formFromSurvey(survey)))).toBe(false);
  });

  it('want a title, a project or program, and questions', () => {
    const v = { ...emptySurveyForm(), questions: [] };
    expect(checkSurveyForm(v).fields).toEqual({
      title: { key: 'titleRequired' },
      projectId: { key: 'projectRequired' },
      questions: { key: 'noQuestions' },
    });
    expect(checkSurveyForm({ ...v, target: 'program' }).fields.programId).toEqual({ key: 'programRequired' });
  });

  it('check scales as the server does', () => {
    expect(checkScale(1, 5)).toBeNull();
    expect(checkScale(0, 10)).toBeNull();
    expect(checkScale(5, 1)).toEqual({ field: 'max', check: { key: 'maxBelowMin', params: { min: 5, max: 1 } } });
    expect(checkScale(3, 3)?.check.key).toBe('maxBelowMin');
    expect(checkScale(0, 11)).toEqual({ field: 'max', check: { key: 'tooManySteps', params: { max: 11 } } });
    expect(checkScale(0.5, 5)).toEqual({ field: 'min', check: { key: 'wholeNumber' } });
    expect(checkScale(null, 5)).toEqual({ field: 'min', check: { key: 'boundRequired' } });
  });

  it('check choices: two at least, none blank, none twice in any case', () => {
    const q = (choices: string[]) => checkQuestion({ ...newQuestion('single', 'Oui ?'), choices }).choices;
    expect(q(['Oui', 'Non'])).toBeUndefined();
    expect(q(['Oui'])).toEqual({ key: 'tooFewChoices', params: { min: 2 } });
    expect(q(['Oui', ' '])).toEqual({ key: 'emptyChoice' });
    expect(q(['Très bien', 'TRÈS  bien'])).toEqual({ key: 'duplicateChoice', params: { choice: 'TRÈS bien' } });
    expect(q(Array.from({ length: 21 }, (_, i) => `Choix ${i}`))).toEqual({ key: 'tooManyChoices', params: { max: 20 } });
  });

  it('check a number’s bounds and the question text, by question index', () => {
    const v = formFromSurvey(survey);
    v.questions[2] = { ...v.questions[2]!, min: 10, max: 2 };
    v.questions[3] = { ...v.questions[3]!, text: '  ' };
    expect(checkSurveyForm(v).questions).toEqual({
      2: { max: { key: 'maxBelowMin', params: { min: 10, max: 2 } } },
      3: { text: { key: 'questionTextRequired' } },
    });
    v.questions[3] = { ...v.questions[3]!, text: '語'.repeat(501) };
    expect(checkSurveyForm(v).questions[3]).toEqual({ text: { key: 'tooLong', params: { max: 500 } } });
  });
});

describe('server problems in the builder', () => {
  it('go under their question, field by field', () => {
    const errors = surveyProblemToFormErrors({
      status: 422,
      detail: 'Certaines informations sont invalides',
      errors: [
        { location: 'body.title', message: 'Ce champ est obligatoire.' },
        { location: 'body.questions.2.choices', message: 'Proposez au moins 2 choix.' },
        { location: 'body.questions.0.max', message: 'Le maximum (1) doit être plus grand que le minimum (5).' },
        { location: 'body.questions', message: 'Trop d’éléments (50 au plus).' },
        { location: 'body.somethingElse', message: 'Autre chose.' },
      ],
    });
    expect(errors).toEqual({
      fields: { title: 'Ce champ est obligatoire.', questions: 'Trop d’éléments (50 au plus).' },
      questions: { 2: { choices: 'Proposez au moins 2 choix.' }, 0: { max: 'Le maximum (1) doit être plus grand que le minimum (5).' } },
      general: ['Autre chose.'],
    });
  });

  it('fall back on the detail', () => {
    expect(surveyProblemToFormErrors({ status: 409, detail: 'Cette enquête a déjà des réponses (3).' }).general).toEqual([
      'Cette enquête a déjà des réponses (3).',
    ]);
  });
});
