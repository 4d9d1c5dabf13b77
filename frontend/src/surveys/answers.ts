// The answer form: one draft answer per question, turned into the values the API reads (a number,
// a choice's text, a list of texts, a text, or null), checked before sending, and the server's
// messages put under their question. Also how a saved answer reads in the list of responses.
import type { ProblemDetails } from '../api/problem';
import type { AnswerValue, SurveyQuestion } from '../api/types';
import { formatNumber, type FormatLocale } from '../format/format';
import { SURVEY_LIMITS, type Check } from './surveyForm';

/**
 * A question's answer while it is typed: a number (or null) for a scale or a number, the chosen
 * text (or null) for a single choice, the chosen texts for a multiple choice, the text typed.
 */
export type AnswerDraft = number | string | string[] | null;

type Question = Pick<SurveyQuestion, 'kind' | 'min' | 'max' | 'choices'>;

export function emptyAnswer(q: Question): AnswerDraft {
  if (q.kind === 'multiple') return [];
  if (q.kind === 'text') return '';
  return null;
}

export function emptyAnswers(questions: readonly Question[]): AnswerDraft[] {
  return questions.map(emptyAnswer);
}

/** The value the API reads for one draft; null when it is not answered (blank text, nothing chosen). */
export function encodeAnswer(q: Question, draft: AnswerDraft): AnswerValue {
  switch (q.kind) {
    case 'scale':
    case 'number':
      return typeof draft === 'number' && Number.isFinite(draft) ? draft : null;
    case 'single':
      return typeof draft === 'string' && draft !== '' ? draft : null;
    case 'multiple': {
      // In the question's order, whatever order they were ticked in.
      const chosen = Array.isArray(draft) ? (q.choices ?? []).filter((c) => draft.includes(c)) : [];
      return chosen.length ? chosen : null;
    }
    default:
      return typeof draft === 'string' && draft.trim() !== '' ? draft : null;
  }
}

/** The body's answers: one value per question, in order. */
export function encodeAnswers(questions: readonly Question[], drafts: readonly AnswerDraft[]): AnswerValue[] {
  return questions.map((q, i) => encodeAnswer(q, drafts[i] ?? emptyAnswer(q)));
}

/** A saved answer back as a draft (to read it, or to start from it). */
export function draftFromValue(q: Question, value: AnswerValue | undefined): AnswerDraft {
  if (value === null || value === undefined) return emptyAnswer(q);
  if (q.kind === 'multiple') return Array.isArray(value) ? [...value] : [];
  return Array.isArray(value) ? emptyAnswer(q) : value;
}

/** Nothing answered at all: the server would refuse it, the save button says so. */
export function isResponseEmpty(questions: readonly Question[], drafts: readonly AnswerDraft[]): boolean {
  return encodeAnswers(questions, drafts).every((v) => v === null);
}

/** How many questions are answered. */
export function answeredCount(questions: readonly Question[], drafts: readonly AnswerDraft[]): number {
  return encodeAnswers(questions, drafts).filter((v) => v !== null).length;
}

/** What is wrong with the drafts before sending, by question index (keys under surveys.answer.checks). */
export function checkAnswers(questions: readonly Question[], drafts: readonly AnswerDraft[]): Record<number, Check> {
  const problems: Record<number, Check> = {};
  questions.forEach((q, i) => {
    const value = encodeAnswer(q, drafts[i] ?? emptyAnswer(q));
    if (typeof value === 'number') {
      if (q.kind === 'scale' && !Number.isInteger(value)) problems[i] = { key: 'wholeNumber' };
      else if (q.min !== null && q.max !== null && (value < q.min || value > q.max)) {
        problems[i] = { key: 'between', params: { min: q.min, max: q.max } };
      } else if (q.min !== null && value < q.min) problems[i] = { key: 'atLeast', params: { min: q.min } };
      else if (q.max !== null && value > q.max) problems[i] = { key: 'atMost', params: { max: q.max } };
    }
    if (typeof value === 'string' && q.kind === 'text' && [...value.trim()].length > SURVEY_LIMITS.answerText) {
      problems[i] = { key: 'tooLong', params: { max: SURVEY_LIMITS.answerText } };
    }
  });
  return problems;
}

export interface AnswerErrors {
  /** By question index. */
  answers: Record<number, string>;
  general: string[];
}

/** The server's validation problem: body.answers.3 under the fourth question, the rest in general. */
export function answersProblemToErrors(problem: ProblemDetails): AnswerErrors {
  const out: AnswerErrors = { answers: {}, general: [] };
  for (const error of problem.errors ?? []) {
    const message = (error.message ?? '').trim();
    if (!message) continue;
    const m = /^body\.answers\.(\d+)/.exec(error.location ?? '');
    if (m) out.answers[Number(m[1])] ??= message;
    else if (!out.general.includes(message)) out.general.push(message);
  }
  if (!Object.keys(out.answers).length && !out.general.length) {
    const fallback = (problem.detail || problem.title || '').trim();
    if (fallback) out.general.push(fallback);
  }
  return out;
}

/** A saved answer as a line of text: "4 / 5", "12,5", "Oui", "Budget, Démarches"; "" when not answered. */
export function answerText(q: Question, value: AnswerValue | undefined, locale: FormatLocale): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') {
    const n = formatNumber(value, locale);
    return q.kind === 'scale' && q.max !== null ? `${n} / ${formatNumber(q.max, locale)}` : n;
  }
  return value;
}

/** The values of a scale question, from its min to its max. */
export function scaleValues(q: Pick<SurveyQuestion, 'min' | 'max'>): number[] {
  if (q.min === null || q.max === null || !Number.isInteger(q.min) || !Number.isInteger(q.max) || q.max < q.min) return [];
  if (q.max - q.min + 1 > SURVEY_LIMITS.scaleSteps) return [];
  return Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min! + i);
}

/**
 * A number as typed in French or English: "12,5", "12.5", "1 234,5", "-3". Returns null for
 * anything else, which the number field then refuses.
 */
export function parseNumberInput(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** A number for a field the person edits: the decimal comma in French, no thousands separator. */
export function formatNumberInput(value: number | null, locale: FormatLocale): string {
  if (value === null || !Number.isFinite(value)) return '';
  const text = String(value);
  return locale === 'fr' ? text.replace('.', ',') : text;
}
