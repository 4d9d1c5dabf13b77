import { describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticNeed, NeedLevel } from '../api/types';
import { levelTagType, mainNeeds, needRows, needsByStrength, previousDiagnostic } from './scores';

function need(area: string, score: number, level: NeedLevel): DiagnosticNeed {
  return { area, label: area.toUpperCase(), score, level, explanation: '', answered: level === 'notAssessed' ? 0 : 3, questions: 3 };
}

function diagnostic(id: string, createdAt: string, needs: DiagnosticNeed[]): Diagnostic {
  return {
    id,
    organizationId: '1',
    organizationName: 'Œuvre de Besançon',
    version: 1,
    createdAt,
    answers: {},
    answered: 9,
    questions: 9,
    needs,
    suggestions: [],
    projects: [],
  };
}

describe('needs of a diagnostic', () => {
  it('puts the strongest first, ties in the questionnaire’s order, unassessed areas last', () => {
    const sorted = needsByStrength([
      need('finance', 40, 'medium'),
      need('legal', 0, 'notAssessed'),
      need('digital', 89, 'high'),
      need('hr', 40, 'medium'),
      need('impact', 0, 'low'),
    ]);
    expect(sorted.map((n) => n.area)).toEqual(['digital', 'finance', 'hr', 'impact', 'legal']);
  });

  it('gives each level its tag colour', () => {
    expect(levelTagType('high')).toBe('error');
    expect(levelTagType('medium')).toBe('warning');
    expect(levelTagType('low')).toBe('success');
    expect(levelTagType('notAssessed')).toBe('default');
  });

  it('compares with the previous diagnostic: a smaller need is progress', () => {
    const before = diagnostic('1', '2026-03-02T10:00:00Z', [need('finance', 89, 'high'), need('hr', 20, 'low'), need('legal', 0, 'notAssessed'), need('impact', 50, 'medium')]);
    const now = diagnostic('2', '2026-11-25T10:00:00Z', [need('finance', 44, 'medium'), need('hr', 33, 'low'), need('legal', 67, 'high'), need('impact', 50, 'medium')]);
    expect(needRows(now, before)).toEqual([
      { area: 'finance', label: 'FINANCE', score: 44, level: 'medium', previous: 89, change: -45, trend: 'better' },
      { area: 'hr', label: 'HR', score: 33, level: 'low', previous: 20, change: 13, trend: 'worse' },
      { area: 'legal', label: 'LEGAL', score: 67, level: 'high', previous: null, change: null, trend: 'new' },
      { area: 'impact', label: 'IMPACT', score: 50, level: 'medium', previous: 50, change: 0, trend: 'same' },
    ]);
    expect(needRows(now, null).every((r) => r.trend === 'new' && r.previous === null)).toBe(true);
  });

  it('finds the diagnostic made just before, whatever the history’s order', () => {
    const a = diagnostic('1', '2026-01-10T09:00:00Z', []);
    const b = diagnostic('2', '2026-06-10T09:00:00Z', []);
    const c = diagnostic('3', '2026-06-10T09:00:00Z', []);
    const d = diagnostic('4', '2026-11-25T09:00:00Z', []);
    expect(previousDiagnostic([d, c, b, a], d)?.id).toBe('3');
    expect(previousDiagnostic([a, b, c, d], c)?.id).toBe('2');
    expect(previousDiagnostic([d, c, b, a], b)?.id).toBe('1');
    expect(previousDiagnostic([d, c, b, a], a)).toBeNull();
    expect(previousDiagnostic([], d)).toBeNull();
  });

  it('names the main needs of a diagnostic for its line in the history', () => {
    const d = diagnostic('1', '2026-01-10T09:00:00Z', [need('finance', 40, 'medium'), need('hr', 10, 'low'), need('digital', 90, 'high'), need('legal', 0, 'notAssessed')]);
    expect(mainNeeds(d)).toEqual(['DIGITAL', 'FINANCE']);
    expect(mainNeeds(d, 1)).toEqual(['DIGITAL']);
  });
});
