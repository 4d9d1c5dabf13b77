// The files a survey gives: its paper form to print and its responses as a workbook. The API
// builds them; the page offers them as downloads with a file name that says what they are.
import type { Survey } from '../api/types';
import { foldText } from '../volunteers/volunteerForm';

export interface SurveyDownload {
  key: 'paperForm' | 'excel';
  path: string;
  fileName: string;
}

/** "Satisfaction des familles — Ольга" → "satisfaction-des-familles-ольга"; "enquete" when nothing is left. */
export function fileSlug(title: string): string {
  const slug = foldText(title)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'enquete';
}

export function surveyDownloads(survey: Pick<Survey, 'id' | 'title'>): SurveyDownload[] {
  const slug = fileSlug(survey.title);
  return [
    { key: 'paperForm', path: `/api/surveys/${survey.id}/form.pdf`, fileName: `${slug}-formulaire.pdf` },
    { key: 'excel', path: `/api/surveys/${survey.id}/responses.xlsx`, fileName: `${slug}-reponses.xlsx` },
  ];
}
