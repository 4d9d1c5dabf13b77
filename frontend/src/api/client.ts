import createClient, { type Middleware } from 'openapi-fetch';
import { isProblemDetails, type ProblemDetails } from './problem';
import type { paths } from './schema';

let currentLocale: () => string = () => 'fr';

/** Tells the client which UI language to ask the server for (Accept-Language). */
export function setApiLocaleSource(source: () => string): void {
  currentLocale = source;
}

const acceptLanguage: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', currentLocale());
    return request;
  },
};

/**
 * The typed API client, on the page's own origin: http://127.0.0.1:8080 under `serve`, the Wails
 * asset server in the desktop window (no network socket there).
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  // Looked up at call time, not captured once, so tests (and instrumentation) can replace it.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(acceptLanguage);

/** A failed API call: an HTTP error with its problem details, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;

  constructor(status: number, problem: ProblemDetails | null, message?: string) {
    super(message ?? problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

/**
 * Unwraps an openapi-fetch call: resolves to the data, or throws an ApiError
 * (status 0 when the server could not be reached).
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (err) {
    throw new ApiError(0, null, err instanceof Error ? err.message : String(err));
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    throw new ApiError(response.status, isProblemDetails(error) ? error : null);
  }
  return data as T;
}
