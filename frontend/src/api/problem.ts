// RFC 9457 problem details (application/problem+json) → messages for a form.
export interface ProblemErrorDetail {
  location?: string;
  message?: string;
  value?: unknown;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: ProblemErrorDetail[] | null;
}

export interface FormErrors<F extends string = string> {
  /** One message per form field, keyed by field name. */
  fields: Partial<Record<F, string>>;
  /** Messages that belong to no field of the form. */
  general: string[];
}

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.title === 'string' || typeof v.detail === 'string' || typeof v.status === 'number';
}

/**
 * The form field a problem location points at: "body.email" → "email",
 * "body.skills[0].name" → "skills", anything else (e.g. "body", "query.q") → null.
 */
export function fieldFromLocation(location: string | undefined): string | null {
  if (!location) return null;
  const m = /^body\.([A-Za-z_$][\w$]*)/.exec(location);
  return m ? m[1]! : null;
}

/**
 * Splits a problem into field messages (for fields the form knows) and general messages.
 * When nothing can be attached to a field, the problem's detail (or title) is the general message.
 */
export function problemToFormErrors<F extends string>(
  problem: ProblemDetails,
  knownFields: readonly F[],
): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const error of problem.errors ?? []) {
    const message = (error.message ?? '').trim();
    if (!message) continue;
    const field = fieldFromLocation(error.location);
    if (field !== null && (knownFields as readonly string[]).includes(field)) {
      const key = field as F;
      if (fields[key] === undefined) fields[key] = message;
    } else if (!general.includes(message)) {
      general.push(message);
    }
  }
  if (Object.keys(fields).length === 0 && general.length === 0) {
    const fallback = (problem.detail || problem.title || '').trim();
    if (fallback) general.push(fallback);
  }
  return { fields, general };
}
