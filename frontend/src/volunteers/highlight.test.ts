import { describe, expect, it } from 'vitest';
import {
  fullName,
  hasMatch,
  highlightOf,
  initials,
  matchedSkillIds,
  nameSegments,
  normalizeSegments,
  segmentsText,
} from './highlight';

const hit = {
  firstName: 'Élodie',
  lastName: 'Martin',
  highlights: [
    { field: 'name' as const, segments: [{ text: 'Élo', match: true }, { text: 'die', match: true }, { text: ' Martin' }] },
    { field: 'skill' as const, skillId: 'accounting', segments: [{ text: 'Comptabilité', match: true }] },
    { field: 'skill' as const, skillId: 'graphic-design', segments: [{ text: 'Graphisme' }] },
    { field: 'bio' as const, segments: [{ text: '' }, { text: '… trésorière de l’' }, { text: 'Œuvre', match: true }, { text: ' à Besançon' }] },
  ],
};

describe('segments', () => {
  it('joins neighbours of the same kind and drops empty pieces', () => {
    expect(normalizeSegments(hit.highlights[0]!.segments)).toEqual([{ text: 'Élodie', match: true }, { text: ' Martin' }]);
    expect(normalizeSegments([{ text: '', match: true }, { text: 'a' }, { text: 'b', match: false }])).toEqual([{ text: 'ab' }]);
    expect(normalizeSegments(null)).toEqual([]);
  });

  it('reads back the plain text', () => {
    expect(segmentsText(hit.highlights[3]!.segments)).toBe('… trésorière de l’Œuvre à Besançon');
  });

  it('never turns text into markup', () => {
    const segs = normalizeSegments([{ text: '<b>Ольга</b>', match: true }]);
    expect(segs[0]!.text).toBe('<b>Ольга</b>');
  });
});

describe('highlights of a hit', () => {
  it('finds a field, and a skill by its ID', () => {
    expect(highlightOf(hit, 'bio')).toEqual([{ text: '… trésorière de l’' }, { text: 'Œuvre', match: true }, { text: ' à Besançon' }]);
    expect(highlightOf(hit, 'skill', 'accounting')).toEqual([{ text: 'Comptabilité', match: true }]);
    expect(highlightOf(hit, 'city')).toBeNull();
  });

  it('gives the name, marked when it matched', () => {
    expect(nameSegments(hit)).toEqual([{ text: 'Élodie', match: true }, { text: ' Martin' }]);
    expect(nameSegments({ firstName: 'Ольга', lastName: '', highlights: [] })).toEqual([{ text: 'Ольга' }]);
  });

  it('lists the skills that matched', () => {
    expect([...matchedSkillIds(hit)]).toEqual(['accounting']);
    expect(hasMatch(hit.highlights[2]!.segments)).toBe(false);
  });
});

describe('names', () => {
  it('joins what there is', () => {
    expect(fullName({ firstName: ' Élodie ', lastName: 'Martin' })).toBe('Élodie Martin');
    expect(fullName({ firstName: '', lastName: 'Nguyễn' })).toBe('Nguyễn');
  });

  it('makes initials from any alphabet', () => {
    expect(initials({ firstName: 'élodie', lastName: 'martin' })).toBe('ÉM');
    expect(initials({ firstName: 'Ольга' })).toBe('О');
    expect(initials({ firstName: 'Œuvre', lastName: '' })).toBe('Œ');
    expect(initials({})).toBe('?');
  });
});
