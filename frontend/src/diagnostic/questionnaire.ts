// The questionnaire of the needs diagnostic as the page walks through it: one step per area, the
// answers given so far, the progress, and what is sent to the server.
import type { DiagnosticArea, DiagnosticOption, DiagnosticQuestion, DiagnosticQuestionnaire } from '../api/types';

export type OptionId = DiagnosticOption['id'];
/** Question ID → the option chosen; unanswered questions are absent. */
export type Answers = Record<string, OptionId>;

export interface Step {
  area: DiagnosticArea;
  questions: DiagnosticQuestion[];
}

/** One step per area, in the questionnaire's order; an area without questions has no step. */
export function buildSteps(q: DiagnosticQuestionnaire): Step[] {
  const items = q.items ?? [];
  return (q.areas ?? [])
    .map((area) => ({ area, questions: items.filter((question) => question.area === area.id) }))
    .filter((step) => step.questions.length > 0);
}

/** A step index within 0…count-1 (0 for anything unusable). */
export function clampStep(index: number, count: number): number {
  if (!Number.isFinite(index) || count <= 0) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), count - 1);
}

/** The step shown in the address is 1-based (?etape=3 is the third area); missing means the first. */
export function stepFromQuery(value: unknown, count: number): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : 1;
  return clampStep(n - 1, count);
}

export function stepToQuery(index: number): string {
  return String(index + 1);
}

/** How many questions of a step have an answer. */
export function answeredIn(step: Step, answers: Answers): number {
  return step.questions.filter((q) => answers[q.id] !== undefined).length;
}

export interface Progress {
  answered: number;
  total: number;
  /** 0–100, rounded down so that 100 means everything is answered. */
  percent: number;
}

export function progress(steps: Step[], answers: Answers): Progress {
  const total = steps.reduce((n, s) => n + s.questions.length, 0);
  const answered = steps.reduce((n, s) => n + answeredIn(s, answers), 0);
  return { answered, total, percent: total === 0 ? 0 : Math.floor((answered * 100) / total) };
}

export type StepState = 'current' | 'done' | 'partial' | 'todo';

/** How a step looks in the list of areas: fully answered, partly, not yet, or the one shown. */
export function stepState(steps: Step[], index: number, current: number, answers: Answers): StepState {
  if (index === current) return 'current';
  const step = steps[index];
  if (!step) return 'todo';
  const n = answeredIn(step, answers);
  if (n === step.questions.length) return 'done';
  return n > 0 ? 'partial' : 'todo';
}

/** The index of the first step with an unanswered question, or -1 when all are answered. */
export function firstIncompleteStep(steps: Step[], answers: Answers): number {
  return steps.findIndex((s) => answeredIn(s, answers) < s.questions.length);
}

/**
 * The answers to send: only questions of this questionnaire with one of their options, so that a
 * draft kept from an older questionnaire cannot be refused as a whole.
 */
export function answersPayload(steps: Step[], answers: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const step of steps) {
    for (const q of step.questions) {
      const chosen = answers[q.id];
      if (chosen !== undefined && (q.options ?? []).some((o) => o.id === chosen)) out[q.id] = chosen;
    }
  }
  return out;
}
