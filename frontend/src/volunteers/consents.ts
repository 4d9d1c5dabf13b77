// A volunteer's consents (GDPR): what the profile card shows for each kind, when a change needs
// confirming, the history as a list of dated events, and what the creation form sends.
import type { Consent, ConsentKind, ConsentRecord } from '../api/types';

/** The kinds in the order forms show them (the server's order too). */
export const CONSENT_KINDS: readonly ConsentKind[] = ['contact', 'sponsorNames', 'photos'];

export function isConsentKind(kind: string): kind is ConsentKind {
  return (CONSENT_KINDS as readonly string[]).includes(kind);
}

function neverGiven(kind: ConsentKind): Consent {
  return { kind, given: false, givenAt: '', withdrawnAt: '' };
}

/** Every kind, in form order, whatever the list holds: a kind left out was never given. */
export function consentsByKind(list: readonly Consent[] | null | undefined): Consent[] {
  return CONSENT_KINDS.map((kind) => list?.find((c) => c.kind === kind) ?? neverGiven(kind));
}

/** Puts one consent, as the server returned it, in the list (every kind kept, in form order). */
export function withConsent(list: readonly Consent[] | null | undefined, updated: Consent): Consent[] {
  return consentsByKind(list).map((c) => (c.kind === updated.kind ? { ...updated } : c));
}

export type ConsentState = 'given' | 'withdrawn' | 'never';

/**
 * Where a consent stands and the date that says so: when it was given while it holds, when it
 * was withdrawn after that. `at` is "" when it was never given.
 */
export function consentStatus(c: Consent): { state: ConsentState; at: string } {
  if (c.given) return { state: 'given', at: c.givenAt };
  if (c.withdrawnAt) return { state: 'withdrawn', at: c.withdrawnAt };
  return { state: 'never', at: '' };
}

/**
 * Withdrawing a consent that holds is confirmed first: it changes what reports and mailings may
 * do with the person's name. Giving it is the person's own act and needs no second click.
 */
export function needsConfirmation(c: Consent, next: boolean): boolean {
  return c.given && !next;
}

export interface ConsentEvent {
  kind: ConsentKind;
  action: 'given' | 'withdrawn';
  /** RFC 3339. */
  at: string;
  /** Who entered the change. */
  by: string;
}

/**
 * The history as events, the newest first: each grant is one "given" event, and one "withdrawn"
 * event once withdrawn. At the same instant, a withdrawal comes before the grant it closes
 * (read from the top, the latest state first).
 */
export function consentEvents(records: readonly ConsentRecord[] | null | undefined): ConsentEvent[] {
  const events: ConsentEvent[] = [];
  // The server lists grants the newest first; within one, the withdrawal is the later event.
  for (const r of records ?? []) {
    if (r.withdrawnAt) events.push({ kind: r.kind, action: 'withdrawn', at: r.withdrawnAt, by: r.withdrawnBy });
    events.push({ kind: r.kind, action: 'given', at: r.givenAt, by: r.recordedBy });
  }
  const time = (e: ConsentEvent) => Date.parse(e.at) || 0;
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => time(b.e) - time(a.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** What the creation form sends: every kind, given only when its box was ticked. */
export function initialConsents(ticked: readonly string[]): { kind: ConsentKind; given: boolean }[] {
  return CONSENT_KINDS.map((kind) => ({ kind, given: ticked.includes(kind) }));
}
