import { describe, expect, it } from 'vitest';
import type { Consent, ConsentRecord } from '../api/types';
import {
  consentEvents,
  consentsByKind,
  consentStatus,
  initialConsents,
  isConsentKind,
  needsConfirmation,
  withConsent,
} from './consents';

const photosGiven: Consent = { kind: 'photos', given: true, givenAt: '2026-03-03T09:30:00Z', withdrawnAt: '' };
const contactWithdrawn: Consent = {
  kind: 'contact',
  given: false,
  givenAt: '2026-03-03T09:30:00Z',
  withdrawnAt: '2026-04-10T16:00:00Z',
};

describe('consents of a volunteer', () => {
  it('always lists the three kinds in form order, a missing one as never given', () => {
    expect(consentsByKind([photosGiven]).map((c) => [c.kind, c.given])).toEqual([
      ['contact', false],
      ['sponsorNames', false],
      ['photos', true],
    ]);
    expect(consentsByKind(null)).toHaveLength(3);
    expect(consentsByKind(undefined)[1]).toEqual({ kind: 'sponsorNames', given: false, givenAt: '', withdrawnAt: '' });
  });

  it('replaces one consent with what the server returned', () => {
    const next = withConsent([photosGiven, contactWithdrawn], { ...contactWithdrawn, given: true, withdrawnAt: '' });
    expect(next.map((c) => c.given)).toEqual([true, false, true]);
    expect(next[0]).not.toBe(contactWithdrawn);
  });

  it('says when a consent was given, or withdrawn, or that it never was', () => {
    expect(consentStatus(photosGiven)).toEqual({ state: 'given', at: '2026-03-03T09:30:00Z' });
    expect(consentStatus(contactWithdrawn)).toEqual({ state: 'withdrawn', at: '2026-04-10T16:00:00Z' });
    expect(consentStatus({ kind: 'sponsorNames', given: false, givenAt: '', withdrawnAt: '' })).toEqual({ state: 'never', at: '' });
  });

  it('asks before withdrawing, never before giving', () => {
    expect(needsConfirmation(photosGiven, false)).toBe(true);
    expect(needsConfirmation(photosGiven, true)).toBe(false);
    expect(needsConfirmation(contactWithdrawn, true)).toBe(false);
    expect(needsConfirmation(contactWithdrawn, false)).toBe(false);
  });

  it('knows the kinds', () => {
    expect(isConsentKind('sponsorNames')).toBe(true);
    expect(isConsentKind('newsletter')).toBe(false);
  });
});

describe('consent history', () => {
  const records: ConsentRecord[] = [
    { kind: 'photos', givenAt: '2026-05-01T08:00:00Z', withdrawnAt: '', recordedBy: 'local', withdrawnBy: '' },
    { kind: 'contact', givenAt: '2026-03-03T09:30:00Z', withdrawnAt: '2026-04-10T16:00:00Z', recordedBy: 'local', withdrawnBy: 'coord' },
    { kind: 'photos', givenAt: '2026-03-03T09:30:00Z', withdrawnAt: '2026-03-20T10:00:00Z', recordedBy: 'local', withdrawnBy: 'local' },
  ];

  it('turns grants and withdrawals into events, the newest first', () => {
    expect(consentEvents(records).map((e) => `${e.at} ${e.kind} ${e.action} ${e.by}`)).toEqual([
      '2026-05-01T08:00:00Z photos given local',
      '2026-04-10T16:00:00Z contact withdrawn coord',
      '2026-03-20T10:00:00Z photos withdrawn local',
      '2026-03-03T09:30:00Z contact given local',
      '2026-03-03T09:30:00Z photos given local',
    ]);
  });

  it('puts a withdrawal above the grant it closes when both have the same time', () => {
    const sameInstant: ConsentRecord[] = [
      { kind: 'sponsorNames', givenAt: '2026-11-25T14:00:00Z', withdrawnAt: '2026-11-25T14:00:00Z', recordedBy: 'local', withdrawnBy: 'local' },
    ];
    expect(consentEvents(sameInstant).map((e) => e.action)).toEqual(['withdrawn', 'given']);
  });

  it('is empty without records', () => {
    expect(consentEvents(null)).toEqual([]);
    expect(consentEvents([])).toEqual([]);
  });
});

describe('consents on the creation form', () => {
  it('sends every kind, given only when ticked: nothing is ticked by default', () => {
    expect(initialConsents([])).toEqual([
      { kind: 'contact', given: false },
      { kind: 'sponsorNames', given: false },
      { kind: 'photos', given: false },
    ]);
    expect(initialConsents(['photos', 'contact']).filter((c) => c.given).map((c) => c.kind)).toEqual(['contact', 'photos']);
  });
});
