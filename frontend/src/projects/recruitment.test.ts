import { describe, expect, it } from 'vitest';
import type { Application } from '../api/types';
import { boardActions, coverage, groupApplications, isClosingMove, scoreTone, splitReasons } from './recruitment';

function app(id: string, status: Application['status'], createdAt: string, nextStatuses: Application['nextStatuses'] = []): Application {
  return {
    id,
    status,
    createdAt,
    updatedAt: createdAt,
    nextStatuses,
    origin: 'applied',
    message: '',
    projectId: '1',
    projectTitle: 'Comptabilité',
    volunteerId: id,
    volunteer: { id, firstName: 'Élodie', lastName: 'Martin', city: 'Besançon', email: '', skills: [], status: 'active' },
  };
}

describe('groupApplications', () => {
  it('puts each stage in its column, oldest first, and closed ones newest first', () => {
    const board = groupApplications([
      app('4', 'declined', '2026-11-20T10:00:00Z'),
      app('2', 'applied', '2026-11-22T10:00:00Z'),
      app('1', 'applied', '2026-11-21T10:00:00Z'),
      app('3', 'shortlisted', '2026-11-21T11:00:00Z'),
      app('5', 'accepted', '2026-11-19T10:00:00Z'),
      app('6', 'withdrawn', '2026-11-23T10:00:00Z'),
    ]);
    expect(board.applied.map((a) => a.id)).toEqual(['1', '2']);
    expect(board.shortlisted.map((a) => a.id)).toEqual(['3']);
    expect(board.team.map((a) => a.id)).toEqual(['5']);
    expect(board.closed.map((a) => a.id)).toEqual(['6', '4']);
  });
});

describe('boardActions', () => {
  it('offers the moves the server allows, forward first', () => {
    expect(boardActions({ status: 'applied', nextStatuses: ['withdrawn', 'declined', 'accepted', 'shortlisted'] })).toEqual([
      'shortlisted',
      'accepted',
      'declined',
      'withdrawn',
    ]);
    expect(boardActions({ status: 'declined', nextStatuses: [] })).toEqual([]);
    expect(boardActions({ status: 'accepted', nextStatuses: ['shortlisted', 'declined', 'withdrawn'] })).toEqual([
      'shortlisted',
      'declined',
      'withdrawn',
    ]);
  });
  it('asks for confirmation before taking someone out', () => {
    expect(isClosingMove('declined')).toBe(true);
    expect(isClosingMove('withdrawn')).toBe(true);
    expect(isClosingMove('accepted')).toBe(false);
  });
});

describe('match display', () => {
  it('splits reasons for and against', () => {
    const { pros, cons } = splitReasons([
      { kind: 'skill', text: 'Comptabilité — expert ✓', positive: true },
      { kind: 'skillMissing', text: 'Paie — absent ✗', positive: false },
      { kind: 'sameCity', text: 'à Clichy', positive: true },
    ]);
    expect(pros.map((r) => r.text)).toEqual(['Comptabilité — expert ✓', 'à Clichy']);
    expect(cons.map((r) => r.text)).toEqual(['Paie — absent ✗']);
  });
  it('writes coverage and tones', () => {
    expect(coverage(2, 3)).toBe('2/3');
    expect(coverage(0, 0)).toBeNull();
    expect(scoreTone(91.2)).toBe('strong');
    expect(scoreTone(50)).toBe('fair');
    expect(scoreTone(12)).toBe('weak');
  });
});
