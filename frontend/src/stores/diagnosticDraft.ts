import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Answers, OptionId } from '../diagnostic/questionnaire';

/**
 * The answers of questionnaires under way, per association, kept while the app runs: going back a
 * step, following a link or switching language loses nothing until the diagnostic is sent.
 */
export const useDiagnosticDraftStore = defineStore('diagnosticDraft', () => {
  const drafts = ref<Record<string, Answers>>({});

  function answersOf(organizationId: string): Answers {
    return drafts.value[organizationId] ?? {};
  }

  function setAnswer(organizationId: string, questionId: string, option: OptionId | undefined): void {
    const next: Answers = { ...answersOf(organizationId) };
    if (option === undefined) delete next[questionId];
    else next[questionId] = option;
    drafts.value = { ...drafts.value, [organizationId]: next };
  }

  function hasDraft(organizationId: string): boolean {
    return Object.keys(answersOf(organizationId)).length > 0;
  }

  function clear(organizationId: string): void {
    const next = { ...drafts.value };
    delete next[organizationId];
    drafts.value = next;
  }

  return { drafts, answersOf, setAnswer, hasDraft, clear };
});
