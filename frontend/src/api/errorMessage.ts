import { ApiError } from './client';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A sentence for the user about a failed API call. */
export function describeApiError(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.isNetworkError) return t('errors.network');
    const detail = err.problem?.detail?.trim() || err.problem?.title?.trim();
    if (detail) return detail;
    if (err.status === 413) return t('errors.tooLarge');
    return t('errors.unexpected', { status: err.status });
  }
  return t('errors.unexpected', { status: 0 });
}
