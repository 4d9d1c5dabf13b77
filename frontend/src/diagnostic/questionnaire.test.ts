import { describe, expect, it } from 'vitest';
import type { DiagnosticQuestion, DiagnosticQuestionnaire } from '../api/types';
import {
  answeredIn,
  answersPayload,
  buildSteps,
  clampStep,
  firstIncompleteStep,
  progress,
  stepFromQuery,
  stepState,
  stepToQuery,
  type Answers,
} from './questionnaire';

function question(id: string, area: string): DiagnosticQuestion {
  return {
    id,
    area,
    text: `${id} ?`,
    explanation: 'Pourquoi c’est important.',
    options: (['none', 'partly', 'mostly', 'fully'] as const).map((o, value) => ({ id: o, label: `${o} (${id})`, value })),
  };
}

const questionnaire: DiagnosticQuestionnaire = {
  version: 1,
  areas: [
    { id: 'finance', label: 'Finances', summary: 'Comptabilité', questions: 2 },
    { id: 'empty', label: 'Sans question', summary: '', questions: 0 },
    { id: 'hr', label: 'Ressources humaines', summary: 'Bénévoles', questions: 3 },
  ],
  total: 5,
  items: [
    question('finance-a', 'finance'),
    question('hr-a', 'hr'),
    question('finance-b', 'finance'),
    question('hr-b', 'hr'),
    question('hr-c', 'hr'),
  ],
};

describe('questionnaire steps', () => {
  const steps = buildSteps(questionnaire);

  it('has one step per area with questions, in the areas’ order', () => {
    expect(steps.map((s) => s.area.id)).toEqual(['finance', 'hr']);
    expect(steps[0]!.questions.map((q) => q.id)).toEqual(['finance-a', 'finance-b']);
    expect(steps[1]!.questions.map((q) => q.id)).toEqual(['hr-a', 'hr-b', 'hr-c']);
  });

  it('reads and writes the step in the address, 1-based, never out of range', () => {
    expect(stepFromQuery(undefined, 2)).toBe(0);
    expect(stepFromQuery('2', 2)).toBe(1);
    expect(stepFromQuery(['2', '1'], 2)).toBe(1);
    expect(stepFromQuery('9', 2)).toBe(1);
    expect(stepFromQuery('0', 2)).toBe(0);
    expect(stepFromQuery('-1', 2)).toBe(0);
    expect(stepFromQuery('deux', 2)).toBe(0);
    expect(stepToQuery(1)).toBe('2');
    expect(clampStep(Number.NaN, 3)).toBe(0);
    expect(clampStep(5, 0)).toBe(0);
  });

  it('counts progress over every question; unanswered ones stay unanswered', () => {
    const answers: Answers = { 'finance-a': 'none', 'hr-c': 'fully' };
    expect(progress(steps, answers)).toEqual({ answered: 2, total: 5, percent: 40 });
    expect(answeredIn(steps[0]!, answers)).toBe(1);
    expect(progress(steps, {})).toEqual({ answered: 0, total: 5, percent: 0 });
    const all: Answers = { 'finance-a': 'none', 'finance-b': 'none', 'hr-a': 'mostly', 'hr-b': 'partly', 'hr-c': 'fully' };
    expect(progress(steps, all).percent).toBe(100);
    expect(progress(steps, { ...all, 'hr-c': undefined } as unknown as Answers).percent).toBe(80);
  });

  it('tells done, partly answered and untouched steps apart', () => {
    const answers: Answers = { 'finance-a': 'none', 'finance-b': 'partly', 'hr-a': 'fully' };
    expect(stepState(steps, 0, 1, answers)).toBe('done');
    expect(stepState(steps, 1, 1, answers)).toBe('current');
    expect(stepState(steps, 1, 0, answers)).toBe('partial');
    expect(stepState(steps, 1, 0, {})).toBe('todo');
    expect(firstIncompleteStep(steps, answers)).toBe(1);
    expect(firstIncompleteStep(steps, { ...answers, 'hr-b': 'none', 'hr-c': 'none' })).toBe(-1);
  });

  it('sends only answers to this questionnaire’s questions with one of their options', () => {
    const answers = { 'finance-a': 'none', 'old-question': 'fully', 'hr-b': 'souvent' } as unknown as Answers;
    expect(answersPayload(steps, answers)).toEqual({ 'finance-a': 'none' });
  });
});
