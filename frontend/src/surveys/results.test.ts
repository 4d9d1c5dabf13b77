import { describe, expect, it } from 'vitest';
import type { SurveyQuestionResult } from '../api/types';
import { formatMean, meanPosition, resultBars, topChoice } from './results';

const scale: SurveyQuestionResult = {
  kind: 'scale',
  text: 'Satisfaite ?',
  count: 5,
  mean: 4.2,
  min: 1,
  max: 5,
  distribution: [
    { label: '1', count: 0 },
    { label: '2', count: 0 },
    { label: '3', count: 1 },
    { label: '4', count: 2 },
    { label: '5', count: 2 },
  ],
  texts: [],
};

describe('survey results', () => {
  it('give a scale’s mean on its scale, one decimal, in the reader’s language', () => {
    expect(formatMean(scale, 'fr')).toBe('4,2 / 5');
    expect(formatMean(scale, 'en')).toBe('4.2 / 5');
    expect(formatMean({ ...scale, mean: 4 }, 'fr')).toBe('4,0 / 5');
    expect(formatMean({ ...scale, mean: 13 / 3, max: 10 }, 'fr')).toBe('4,3 / 10');
  });

  it('give a number’s mean as a number, and nothing without answers', () => {
    expect(formatMean({ kind: 'number', mean: 5.5, max: null }, 'fr')).toBe('5,5');
    expect(formatMean({ kind: 'number', mean: 1234.56, max: null }, 'en')).toBe('1,234.6');
    expect(formatMean({ ...scale, mean: null }, 'fr')).toBe('');
  });

  it('draw one bar per value with its share of those who answered', () => {
    const bars = resultBars(scale, 'fr');
    expect(bars.map((b) => b.share)).toEqual([0, 0, 20, 40, 40]);
    expect(bars[3]).toMatchObject({ label: '4', count: 2, text: '2 (40\u00a0%)' });
    expect(resultBars(scale, 'en')[3]!.text).toBe('2 (40%)');
    expect(resultBars({ count: 0, distribution: [{ label: 'Oui', count: 0 }] }, 'fr')[0]!.share).toBe(0);
  });

  it('let a multiple choice’s shares add up to more than all', () => {
    const bars = resultBars({ count: 2, distribution: [{ label: 'Budget', count: 2 }, { label: '日本語', count: 1 }] }, 'fr');
    expect(bars.map((b) => b.share)).toEqual([100, 50]);
  });

  it('place the mean on its scale and find the most chosen', () => {
    expect(meanPosition(scale)).toBeCloseTo(80);
    expect(meanPosition({ ...scale, kind: 'number' })).toBeNull();
    expect(topChoice(scale)).toEqual({ label: '4', count: 2 });
    expect(topChoice({ count: 0, distribution: [{ label: 'Oui', count: 0 }] })).toBeNull();
  });
});
