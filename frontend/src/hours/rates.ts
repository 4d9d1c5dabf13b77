// The "valorisation des heures" settings: the hourly values (euros) by level for every domain,
// the value of hours without a skill, and domains with values of their own.
import { problemToFormErrors, type ProblemDetails } from '../api/problem';
import type { DomainLabel, HourRate, HourRates, HourRatesView, SkillLevel } from '../api/types';

export const RATE_LEVELS: readonly SkillLevel[] = ['beginner', 'intermediate', 'confirmed', 'expert'];
/** The server's bounds for one hourly value, in euros. */
export const MAX_RATE = 1000;

/** A value as the input holds it: null while the input is emptied. */
export type RateValues = Record<SkillLevel, number | null>;

export interface RatesForm {
  default: RateValues;
  noSkill: number | null;
  domains: { domain: string; label: string; rates: RateValues }[];
}

function values(r: HourRate): RateValues {
  return { beginner: r.beginner, intermediate: r.intermediate, confirmed: r.confirmed, expert: r.expert };
}

function labelOf(domain: string, all: readonly DomainLabel[], fallback = ''): string {
  return all.find((d) => d.id === domain)?.label ?? (fallback || domain);
}

/** The form as saved (`which: 'saved'`) or as a new installation starts (`which: 'defaults'`). */
export function ratesForm(view: HourRatesView, which: 'saved' | 'defaults' = 'saved'): RatesForm {
  const src: HourRates = which === 'saved' ? view : view.defaults;
  return {
    default: values(src.default),
    noSkill: src.noSkill,
    domains: (src.domains ?? []).map((d) => ({ domain: d.domain, label: labelOf(d.domain, view.allDomains, d.label), rates: values(d.rates) })),
  };
}

function rate(r: RateValues): HourRate {
  return { beginner: r.beginner ?? 0, intermediate: r.intermediate ?? 0, confirmed: r.confirmed ?? 0, expert: r.expert ?? 0 };
}

/** The body of PUT /api/settings/hour-rates. */
export function ratesInput(form: RatesForm): HourRates {
  return {
    default: rate(form.default),
    noSkill: form.noSkill ?? 0,
    domains: form.domains.map((d) => ({ domain: d.domain, rates: rate(d.rates) })),
  };
}

/** Whether the form says something else than the saved values (cents count, order of domains not). */
export function ratesChanged(form: RatesForm, view: HourRatesView): boolean {
  const a = ratesInput(form);
  const b = ratesInput(ratesForm(view));
  const key = (r: HourRates) =>
    JSON.stringify([
      RATE_LEVELS.map((l) => Math.round(r.default[l] * 100)),
      Math.round(r.noSkill * 100),
      [...r.domains].sort((x, y) => x.domain.localeCompare(y.domain)).map((d) => [d.domain, RATE_LEVELS.map((l) => Math.round(d.rates[l] * 100))]),
    ]);
  return key(a) !== key(b);
}

/** The domains that may still get values of their own, in the taxonomy's order. */
export function domainsToAdd(form: RatesForm, all: readonly DomainLabel[]): DomainLabel[] {
  const taken = new Set(form.domains.map((d) => d.domain));
  return all.filter((d) => !taken.has(d.id));
}

/**
 * Gives a domain values of its own, starting from the values for all domains, and keeps the
 * domains in the taxonomy's order. A domain already there is left as it is.
 */
export function addDomain(form: RatesForm, domain: string, all: readonly DomainLabel[]): RatesForm {
  if (form.domains.some((d) => d.domain === domain)) return form;
  const order = (id: string) => {
    const i = all.findIndex((d) => d.id === id);
    return i < 0 ? all.length : i;
  };
  const domains = [...form.domains, { domain, label: labelOf(domain, all), rates: { ...form.default } }].sort(
    (a, b) => order(a.domain) - order(b.domain),
  );
  return { ...form, domains };
}

export function removeDomain(form: RatesForm, domain: string): RatesForm {
  return { ...form, domains: form.domains.filter((d) => d.domain !== domain) };
}

/** A field of the form: "default.expert", "noSkill", "domains.finance.beginner". */
export type RateField = string;

export type RateProblem = 'required' | 'range';

function check(out: Record<RateField, RateProblem>, field: RateField, v: number | null) {
  if (v === null || !Number.isFinite(v)) out[field] = 'required';
  else if (v < 0 || v > MAX_RATE) out[field] = 'range';
}

/** What is wrong before sending: an empty value, or one outside 0–1000 €. */
export function ratesProblems(form: RatesForm): Record<RateField, RateProblem> {
  const out: Record<RateField, RateProblem> = {};
  for (const l of RATE_LEVELS) check(out, `default.${l}`, form.default[l]);
  check(out, 'noSkill', form.noSkill);
  for (const d of form.domains) for (const l of RATE_LEVELS) check(out, `domains.${d.domain}.${l}`, d.rates[l]);
  return out;
}

/**
 * The server's refusal as messages by field. Its locations are "body.default.expert",
 * "body.noSkill", "body.domains.finance" (a domain it does not know) or "body.domains[0].rates.expert"
 * (huma's own bounds, by index): each is turned into the form's field names.
 */
export function ratesServerErrors(problem: ProblemDetails, form: RatesForm): { fields: Record<RateField, string>; general: string[] } {
  const fields: Record<RateField, string> = {};
  const general: string[] = [];
  for (const err of problem.errors ?? []) {
    const message = (err.message ?? '').trim();
    if (!message) continue;
    const loc = (err.location ?? '').replace(/^body\./, '');
    let field: string | null = null;
    let m: RegExpExecArray | null;
    if ((m = /^default\.(\w+)$/.exec(loc))) field = `default.${m[1]}`;
    else if (loc === 'noSkill') field = 'noSkill';
    else if ((m = /^domains(?:\[(\d+)\]|\.(\d+))\.rates\.(\w+)$/.exec(loc))) {
      const d = form.domains[Number(m[1] ?? m[2])];
      if (d) field = `domains.${d.domain}.${m[3]}`;
    } else if ((m = /^domains\.([\w-]+)$/.exec(loc)) && form.domains.some((d) => d.domain === m![1])) {
      field = `domains.${m[1]}`;
    }
    if (field) fields[field] ??= message;
    else if (!general.includes(message)) general.push(message);
  }
  if (!Object.keys(fields).length && !general.length) {
    general.push(...problemToFormErrors(problem, [] as const).general);
  }
  return { fields, general };
}

/** An hourly value as its input shows it: 17,50 (fr) / 17.50 (en), no thousands separator. */
export function rateText(value: number | null, locale: 'fr' | 'en'): string {
  if (value === null || !Number.isFinite(value)) return '';
  const fixed = value.toFixed(2);
  return locale === 'fr' ? fixed.replace('.', ',') : fixed;
}

/** What was typed in an hourly value's input: "17,5", "17.50 €", "1 000" → a number; null when not one. */
export function parseRate(input: string): number | null {
  const text = input.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!text) return null;
  if (!/^\d+(?:\.\d*)?$|^\.\d+$/.test(text)) return null;
  return Math.round(Number(text) * 100) / 100;
}
