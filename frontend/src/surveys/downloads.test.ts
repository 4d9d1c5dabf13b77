import { describe, expect, it } from 'vitest';
import { fileSlug, surveyDownloads } from './downloads';

describe('survey downloads', () => {
  it('name the files after the survey, accents folded, other scripts kept', () => {
    expect(fileSlug('Satisfaction des familles — Ольга')).toBe('satisfaction-des-familles-ольга');
    expect(fileSlug('  « Très satisfaite » ? 日本語 ')).toBe('tres-satisfaite-日本語');
    expect(fileSlug('???')).toBe('enquete');
    expect(fileSlug('é'.repeat(80))).toHaveLength(60);
  });

  it('point at the paper form and the workbook of the survey', () => {
    expect(surveyDownloads({ id: '12', title: 'Bilan Œuvre 2027' })).toEqual([
      { key: 'paperForm', path: '/api/surveys/12/form.pdf', fileName: 'bilan-œuvre-2027-formulaire.pdf' },
      { key: 'excel', path: '/api/surveys/12/responses.xlsx', fileName: 'bilan-œuvre-2027-reponses.xlsx' },
    ]);
  });
});
