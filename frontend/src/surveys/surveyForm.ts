// The survey builder: its values, the request body built from them, whether anything changed, the
// checks made before sending (the server's own rules, so that a mistake shows at once beside its
// question), and the server's validation messages put under the right question.
import type { ProblemDetails } from '../api/problem';
import type { QuestionKind, Survey, SurveyAudience, SurveyInput, SurveyQuestion, SurveyQuestionInput } from '../api/types';

export const QUESTION_KINDS: readonly QuestionKind[] = ['scale', 'single', 'multiple', 'number', 'text'];
export const SURVEY_AUDIENCES: readonly SurveyAudience[] = ['beneficiary', 'volunteer'];

/** Limits of the server (backend/domain/survey.go), so that the builder stops where it would refuse. */
export const SURVEY_LIMITS = {
  title: 200,
  questions: 50,
  questionText: 500,
  scaleSteps: 11,
  minChoices: 2,
  maxChoices: 20,
  choice: 200,
  answerText: 5000,
} as const;

/** The scale a new scale question starts with. */
export const DEFAULT_SCALE = { min: 1, max: 5 } as const;

/** One question as the builder edits it. */
export interface QuestionDraft {
  /** Identifies the question in lists while questions move; never sent. */
  key: string;
  kind: QuestionKind;
  text: string;
  /** scale: required; number: optional (null for none). Unused by other kinds. */
  min: number | null;
  max: number | null;
  /** single and multiple choice; kept while the kind changes, so that going back loses nothing. */
  choices: string[];
}

/** What the survey is about: a project, or a sponsor's program. */
export type SurveyTarget = 'project' | 'program';

export interface SurveyFormValues {
  title: string;
  target: SurveyTarget;
  projectId: string;
  programId: string;
  audience: SurveyAudience;
  questions: QuestionDraft[];
}

let lastKey = 0;
function nextKey(): string {
  lastKey += 1;
  return `q${lastKey}`;
}

/** A new question of a kind, with what the kind needs to be answerable: a 1–5 scale, two empty choices. */
export function newQuestion(kind: QuestionKind = 'scale', text = ''): QuestionDraft {
  const q: QuestionDraft = { key: nextKey(), kind, text, min: null, max: null, choices: [] };
  return withKind(q, kind);
}

/**
 * The question with another kind. The text stays; a scale gets bounds it can use (its own, or
 * 1–5); a choice question gets two choices to fill in unless it has some; choices are kept (hidden)
 * when moving away, so that a kind changed by mistake and back loses nothing.
 */
export function withKind(q: QuestionDraft, kind: QuestionKind): QuestionDraft {
  const next: QuestionDraft = { ...q, kind, choices: [...q.choices] };
  if (kind === 'scale' && checkScale(q.min, q.max) !== null) {
    next.min = DEFAULT_SCALE.min;
    next.max = DEFAULT_SCALE.max;
  }
  if ((kind === 'single' || kind === 'multiple') && next.choices.length === 0) next.choices = ['', ''];
  return next;
}

export function emptySurveyForm(start: { projectId?: string; programId?: string } = {}): SurveyFormValues {
  const programId = start.programId ?? '';
  const projectId = programId ? '' : (start.projectId ?? '');
  return {
    title: '',
    target: programId ? 'program' : 'project',
    projectId,
    programId,
    audience: 'beneficiary',
    questions: [newQuestion('scale')],
  };
}

export function questionFromSurvey(q: SurveyQuestion): QuestionDraft {
  return { key: nextKey(), kind: q.kind, text: q.text, min: q.min ?? null, max: q.max ?? null, choices: [...(q.choices ?? [])] };
}

export function formFromSurvey(s: Survey): SurveyFormValues {
  return {
    title: s.title,
    target: s.programId ? 'program' : 'project',
    projectId: s.projectId,
    programId: s.programId,
    audience: s.audience,
    questions: (s.questions ?? []).map(questionFromSurvey),
  };
}

/** A deep copy, so that the form and its saved state never share arrays. */
export function cloneSurveyForm(values: SurveyFormValues): SurveyFormValues {
  return { ...values, questions: values.questions.map((q) => ({ ...q, choices: [...q.choices] })) };
}

/** A question as the API takes it: only what its kind uses. */
export function questionInput(q: QuestionDraft): SurveyQuestionInput {
  switch (q.kind) {
    case 'scale':
    case 'number':
      // A bound left empty is left out: none for a number, "required" from the server for a scale.
      return { kind: q.kind, text: q.text, ...(q.min !== null ? { min: q.min } : {}), ...(q.max !== null ? { max: q.max } : {}) };
    case 'single':
    case 'multiple':
      return { kind: q.kind, text: q.text, choices: [...q.choices] };
    default:
      return { kind: q.kind, text: q.text };
  }
}

/** The POST/PUT body. Text is sent as typed: the server trims it. */
export function buildSurveyInput(values: SurveyFormValues): SurveyInput {
  return {
    title: values.title,
    ...(values.target === 'program' ? { programId: values.programId } : { projectId: values.projectId }),
    audience: values.audience,
    questions: values.questions.map(questionInput),
  };
}

/**
 * A question as it will be asked, for the live preview and the answer form: the text trimmed,
 * blank choices left out.
 */
export function previewQuestion(q: QuestionDraft): SurveyQuestion {
  const input = questionInput(q);
  return {
    kind: q.kind,
    text: q.text.trim(),
    min: input.min ?? null,
    max: input.max ?? null,
    choices: (input.choices ?? []).map((c) => c.trim()).filter(Boolean),
  };
}

export function isSurveyFormDirty(values: SurveyFormValues, saved: SurveyFormValues): boolean {
  return JSON.stringify(buildSurveyInput(values)) !== JSON.stringify(buildSurveyInput(saved));
}

/** Whether the questions ask something else than the saved ones (frozen once the survey has responses). */
export function questionsChanged(values: SurveyFormValues, saved: SurveyFormValues): boolean {
  const strip = (v: SurveyFormValues) => JSON.stringify({ ...buildSurveyInput(v), title: '' });
  return strip(values) !== strip(saved);
}

/** Moves a question up (-1) or down (+1); the list is returned unchanged at its ends. */
export function moveQuestion(questions: readonly QuestionDraft[], index: number, delta: -1 | 1): QuestionDraft[] {
  const to = index + delta;
  const list = [...questions];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return list;
  [list[index], list[to]] = [list[to]!, list[index]!];
  return list;
}

export function removeQuestion(questions: readonly QuestionDraft[], index: number): QuestionDraft[] {
  return questions.filter((_, i) => i !== index);
}

/** A copy of a question just below it, for series of similar questions. */
export function duplicateQuestion(questions: readonly QuestionDraft[], index: number): QuestionDraft[] {
  const q = questions[index];
  if (!q) return [...questions];
  const copy = { ...q, key: nextKey(), choices: [...q.choices] };
  return [...questions.slice(0, index + 1), copy, ...questions.slice(index + 1)];
}

// Checks ------------------------------------------------------------------------------------------

/** A problem found before sending: a key under surveys.builder.checks and its parameters. */
export interface Check {
  key: string;
  params?: Record<string, string | number>;
}

export type SurveyField = 'title' | 'projectId' | 'programId' | 'audience' | 'questions';
export type QuestionField = 'kind' | 'text' | 'min' | 'max' | 'choices';

export interface SurveyChecks {
  fields: Partial<Record<SurveyField, Check>>;
  /** By question index. */
  questions: Record<number, Partial<Record<QuestionField, Check>>>;
}

const isWhole = (x: number) => Number.isFinite(x) && Math.trunc(x) === x;

/** What is wrong with a scale's bounds, under the field to mark; null when they are fine. */
export function checkScale(min: number | null, max: number | null): { field: 'min' | 'max'; check: Check } | null {
  if (min === null) return { field: 'min', check: { key: 'boundRequired' } };
  if (max === null) return { field: 'max', check: { key: 'boundRequired' } };
  if (!isWhole(min)) return { field: 'min', check: { key: 'wholeNumber' } };
  if (!isWhole(max)) return { field: 'max', check: { key: 'wholeNumber' } };
  if (min >= max) return { field: 'max', check: { key: 'maxBelowMin', params: { min, max } } };
  if (max - min + 1 > SURVEY_LIMITS.scaleSteps) return { field: 'max', check: { key: 'tooManySteps', params: { max: SURVEY_LIMITS.scaleSteps } } };
  return null;
}

function checkChoices(choices: readonly string[]): Check | null {
  const filled = choices.map((c) => c.trim().replace(/\s+/g, ' '));
  if (filled.some((c) => c === '')) return { key: 'emptyChoice' };
  if (filled.length < SURVEY_LIMITS.minChoices) return { key: 'tooFewChoices', params: { min: SURVEY_LIMITS.minChoices } };
  if (filled.length > SURVEY_LIMITS.maxChoices) return { key: 'tooManyChoices', params: { max: SURVEY_LIMITS.maxChoices } };
  const seen = new Set<string>();
  for (const c of filled) {
    const k = c.toLocaleLowerCase();
    if (seen.has(k)) return { key: 'duplicateChoice', params: { choice: c } };
    seen.add(k);
  }
  return null;
}

export function checkQuestion(q: QuestionDraft): Partial<Record<QuestionField, Check>> {
  const problems: Partial<Record<QuestionField, Check>> = {};
  if (!q.text.trim()) problems.text = { key: 'questionTextRequired' };
  else if ([...q.text.trim()].length > SURVEY_LIMITS.questionText) problems.text = { key: 'tooLong', params: { max: SURVEY_LIMITS.questionText } };
  if (q.kind === 'scale') {
    const scale = checkScale(q.min, q.max);
    if (scale) problems[scale.field] = scale.check;
  }
  if (q.kind === 'number' && q.min !== null && q.max !== null && q.min > q.max) {
    problems.max = { key: 'maxBelowMin', params: { min: q.min, max: q.max } };
  }
  if (q.kind === 'single' || q.kind === 'multiple') {
    const choices = checkChoices(q.choices);
    if (choices) problems.choices = choices;
  }
  return problems;
}

export function checkSurveyForm(values: SurveyFormValues): SurveyChecks {
  const checks: SurveyChecks = { fields: {}, questions: {} };
  if (!values.title.trim()) checks.fields.title = { key: 'titleRequired' };
  if (values.target === 'project' && !values.projectId) checks.fields.projectId = { key: 'projectRequired' };
  if (values.target === 'program' && !values.programId) checks.fields.programId = { key: 'programRequired' };
  if (values.questions.length === 0) checks.fields.questions = { key: 'noQuestions' };
  if (values.questions.length > SURVEY_LIMITS.questions) checks.fields.questions = { key: 'tooManyQuestions', params: { max: SURVEY_LIMITS.questions } };
  values.questions.forEach((q, i) => {
    const problems = checkQuestion(q);
    if (Object.keys(problems).length) checks.questions[i] = problems;
  });
  return checks;
}

export function hasChecks(checks: SurveyChecks): boolean {
  return Object.keys(checks.fields).length > 0 || Object.keys(checks.questions).length > 0;
}

// Server problems ---------------------------------------------------------------------------------

const SURVEY_FIELDS: readonly SurveyField[] = ['title', 'projectId', 'programId', 'audience', 'questions'];
const QUESTION_FIELDS: readonly QuestionField[] = ['kind', 'text', 'min', 'max', 'choices'];

export interface SurveyFormErrors {
  fields: Partial<Record<SurveyField, string>>;
  questions: Record<number, Partial<Record<QuestionField, string>>>;
  general: string[];
}

/**
 * The server's validation problem as builder messages: body.title under the title,
 * body.questions.2.choices under the choices of the third question, anything else in general.
 */
export function surveyProblemToFormErrors(problem: ProblemDetails): SurveyFormErrors {
  const out: SurveyFormErrors = { fields: {}, questions: {}, general: [] };
  for (const error of problem.errors ?? []) {
    const message = (error.message ?? '').trim();
    if (!message) continue;
    const location = error.location ?? '';
    const question = /^body\.questions\.(\d+)\.(\w+)/.exec(location);
    if (question && (QUESTION_FIELDS as readonly string[]).includes(question[2]!)) {
      const index = Number(question[1]);
      const field = question[2] as QuestionField;
      out.questions[index] ??= {};
      out.questions[index]![field] ??= message;
      continue;
    }
    const field = /^body\.(\w+)$/.exec(location)?.[1];
    if (field && (SURVEY_FIELDS as readonly string[]).includes(field)) {
      out.fields[field as SurveyField] ??= message;
    } else if (!out.general.includes(message)) {
      out.general.push(message);
    }
  }
  if (!Object.keys(out.fields).length && !Object.keys(out.questions).length && !out.general.length) {
    const fallback = (problem.detail || problem.title || '').trim();
    if (fallback) out.general.push(fallback);
  }
  return out;
}
