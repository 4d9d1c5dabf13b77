// A survey's results as the page shows them: the mean on its scale ("4,2 / 5"), one bar per
// choice or scale value with its share of the people who answered, the free texts.
import type { SurveyQuestionResult } from '../api/types';
import { formatNumber, formatPercent, type FormatLocale } from '../format/format';

/**
 * The mean as it reads: "4,2 / 5" for a scale (one decimal, always, so that means line up),
 * "5,5" for a number; "" when nobody answered or the question has no mean.
 */
export function formatMean(result: Pick<SurveyQuestionResult, 'kind' | 'mean' | 'max'>, locale: FormatLocale): string {
  if (result.mean === null || result.mean === undefined) return '';
  if (result.kind === 'scale') {
    const mean = formatNumber(result.mean, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return result.max === null ? mean : `${mean} / ${formatNumber(result.max, locale)}`;
  }
  return formatNumber(result.mean, locale, { maximumFractionDigits: 1 });
}

export interface Bar {
  label: string;
  count: number;
  /** Share of the people who answered the question, 0–100 (a multiple choice's shares may add up to more). */
  share: number;
  /** The count in words beside the bar: "12 (40 %)". */
  text: string;
}

/** One bar per choice, or per value of a scale from its lowest, with its share of those who answered. */
export function resultBars(result: Pick<SurveyQuestionResult, 'count' | 'distribution'>, locale: FormatLocale): Bar[] {
  return (result.distribution ?? []).map((d) => {
    const share = result.count > 0 ? (d.count / result.count) * 100 : 0;
    return { label: d.label, count: d.count, share, text: `${formatNumber(d.count, locale)} (${formatPercent(share, locale)})` };
  });
}

/** Where the mean falls on a scale, 0–100 from its lowest value to its highest, for a marker. */
export function meanPosition(result: Pick<SurveyQuestionResult, 'kind' | 'mean' | 'min' | 'max'>): number | null {
  if (result.kind !== 'scale' || result.mean === null || result.min === null || result.max === null || result.max <= result.min) return null;
  return Math.min(100, Math.max(0, ((result.mean - result.min) / (result.max - result.min)) * 100));
}

/** The most chosen choice (the first of those tied), for a one-line summary; null without answers. */
export function topChoice(result: Pick<SurveyQuestionResult, 'count' | 'distribution'>): { label: string; count: number } | null {
  let top: { label: string; count: number } | null = null;
  for (const d of result.distribution ?? []) {
    if (d.count > 0 && (!top || d.count > top.count)) top = { label: d.label, count: d.count };
  }
  return top;
}
