import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../api/types';
import {
  answeredCount,
  answersProblemToErrors,
  answerText,
  checkAnswers,
  draftFromValue,
  emptyAnswers,
  encodeAnswers,
  formatNumberInput,
  isResponseEmpty,
  parseNumberInput,
  scaleValues,
} from './answers';

const questions: SurveyQuestion[] = [
  { kind: 'scale', text: 'Satisfaite ?', min: 1, max: 5, choices: [] },
  { kind: 'single', text: 'Reviendrez-vous ?', min: null, max: null, choices: ['« Très satisfaite »', 'Oui', 'Non'] },
  { kind: 'multiple', text: 'Appris ?', min: null, max: null, choices: ['Budget', 'Démarches', '日本語'] },
  { kind: 'number', text: 'Séances ?', min: 0, max: 52, choices: [] },
  { kind: 'text', text: 'Un mot ?', min: null, max: null, choices: [] },
];

describe('answer drafts', () => {
  it('start empty, one per question, and are sent as nulls… which is an empty response', () => {
    const drafts = emptyAnswers(questions);
    expect(drafts).toEqual([null, null, [], null, '']);
    expect(encodeAnswers(questions, drafts)).toEqual([null, null, null, null, null]);
    expect(isResponseEmpty(questions, drafts)).toBe(true);
  });

  it('are sent in the API’s shapes, choices in the question’s order', () => {
    const drafts = [4, '« Très satisfaite »', ['日本語', 'Budget'], 12.5, 'Merci à Ольга !'];
    expect(encodeAnswers(questions, drafts)).toEqual([4, '« Très satisfaite »', ['Budget', '日本語'], 12.5, 'Merci à Ольга !']);
    expect(answeredCount(questions, drafts)).toBe(5);
    expect(isResponseEmpty(questions, drafts)).toBe(false);
  });

  it('count blank text and an empty choice as not answered', () => {
    expect(encodeAnswers(questions, [null, '', [], NaN, '   '])).toEqual([null, null, null, null, null]);
    expect(answeredCount(questions, [3, null, [], null, ' '])).toBe(1);
  });

  it('come back from saved values', () => {
    expect(questions.map((q, i) => draftFromValue(q, [4, 'Oui', ['Budget'], null, 'Merci'][i]))).toEqual([4, 'Oui', ['Budget'], null, 'Merci']);
    expect(draftFromValue(questions[2]!, null)).toEqual([]);
    expect(draftFromValue(questions[4]!, undefined)).toBe('');
  });
});

describe('answer checks', () => {
  it('find values off the scale or out of bounds, and texts too long', () => {
    expect(checkAnswers(questions, [6, null, [], -1, '語'.repeat(5001)])).toEqual({
      0: { key: 'between', params: { min: 1, max: 5 } },
      3: { key: 'between', params: { min: 0, max: 52 } },
      4: { key: 'tooLong', params: { max: 5000 } },
    });
    expect(checkAnswers(questions, [4.5, null, [], null, ''])).toEqual({ 0: { key: 'wholeNumber' } });
    const onlyMin = [{ ...questions[3]!, max: null }];
    expect(checkAnswers(onlyMin, [-2])).toEqual({ 0: { key: 'atLeast', params: { min: 0 } } });
    expect(checkAnswers(questions, [5, 'Non', ['Budget'], 52, 'Très bien'])).toEqual({});
  });

  it('put the server’s messages under their question', () => {
    expect(
      answersProblemToErrors({
        status: 422,
        errors: [
          { location: 'body.answers.3', message: 'Valeur trop petite (0 au moins).' },
          { location: 'body.answers', message: 'Aucune question n’a de réponse.' },
        ],
      }),
    ).toEqual({ answers: { 3: 'Valeur trop petite (0 au moins).' }, general: ['Aucune question n’a de réponse.'] });
    expect(answersProblemToErrors({ status: 404, detail: 'Élément introuvable.' }).general).toEqual(['Élément introuvable.']);
  });
});

describe('answers as text', () => {
  it('read as they were given, numbers in the reader’s language', () => {
    expect(answerText(questions[0]!, 4, 'fr')).toBe('4 / 5');
    expect(answerText(questions[3]!, 12.5, 'fr')).toBe('12,5');
    expect(answerText(questions[3]!, 12.5, 'en')).toBe('12.5');
    expect(answerText(questions[2]!, ['Budget', '日本語'], 'fr')).toBe('Budget, 日本語');
    expect(answerText(questions[1]!, '« Très satisfaite »', 'fr')).toBe('« Très satisfaite »');
    expect(answerText(questions[4]!, null, 'fr')).toBe('');
  });

  it('list a scale’s values', () => {
    expect(scaleValues({ min: 0, max: 10 })).toHaveLength(11);
    expect(scaleValues({ min: 1, max: 5 })).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues({ min: 5, max: 1 })).toEqual([]);
    expect(scaleValues({ min: null, max: 5 })).toEqual([]);
  });
});

describe('numbers as typed', () => {
  it('read a decimal comma or point, spaces between thousands, and nothing else', () => {
    expect(parseNumberInput('12,5')).toBe(12.5);
    expect(parseNumberInput('12.5')).toBe(12.5);
    expect(parseNumberInput('1 234,5')).toBe(1234.5);
    expect(parseNumberInput('1\u202f234')).toBe(1234);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput(',5')).toBe(0.5);
    expect(parseNumberInput('douze')).toBeNull();
    expect(parseNumberInput('1,2,3')).toBeNull();
    expect(parseNumberInput('')).toBeNull();
  });

  it('write the decimal comma in French', () => {
    expect(formatNumberInput(12.5, 'fr')).toBe('12,5');
    expect(formatNumberInput(12.5, 'en')).toBe('12.5');
    expect(formatNumberInput(1234, 'fr')).toBe('1234');
    expect(formatNumberInput(null, 'fr')).toBe('');
  });
});
