import type { IndexState } from '../api/types';

/** What the search page says about the search index above the results. */
export type IndexBanner =
  | { kind: 'rebuilding'; percent: number } // results come from the database: complete, no typo tolerance
  | { kind: 'failed' }
  | null;

/** Where one search answer came from: the index, or the database while the index is not ready. */
export interface SearchAnswerSource {
  source?: string;
  index: IndexState;
}

/** The index state to follow after an answer: null once the index answers by itself. */
export function indexToFollow(answer: SearchAnswerSource): IndexState | null {
  return answer.source === 'database' || answer.index.state !== 'ready' ? answer.index : null;
}

/** Whether the page keeps asking GET /api/search/index for progress. */
export function shouldPollIndex(state: IndexState | null): boolean {
  return state?.state === 'rebuilding';
}

/** The banner for an index state; the percentage is whole and never above 100. */
export function indexBanner(state: IndexState | null): IndexBanner {
  if (!state) return null;
  if (state.state === 'rebuilding') {
    const percent = state.total > 0 ? Math.min(100, Math.max(0, Math.round((state.done / state.total) * 100))) : 0;
    return { kind: 'rebuilding', percent };
  }
  if (state.state === 'failed') return { kind: 'failed' };
  return null;
}
