// What the reports page covers: a sponsor, one of its programs or one project, over a period,
// and the language of the documents. Remembered on this computer, like the dashboards' periods.
import { resolvePeriod, type PeriodChoice, isPeriodChoice } from '../dashboards/period';

export interface ReportScope {
  sponsorId: string;
  programId: string;
  projectId: string;
  period: PeriodChoice;
  lang: 'fr' | 'en';
}

export function emptyReportScope(lang: 'fr' | 'en'): ReportScope {
  return { sponsorId: '', programId: '', projectId: '', period: { preset: 'year' }, lang };
}

export function isReportScope(v: unknown): v is ReportScope {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.sponsorId === 'string' &&
    typeof s.programId === 'string' &&
    typeof s.projectId === 'string' &&
    (s.lang === 'fr' || s.lang === 'en') &&
    isPeriodChoice(s.period)
  );
}

/** The query of the report, preview, dashboard and export endpoints; empty values left out. */
export function reportQuery(scope: ReportScope, today: string, withLang = true): Record<string, string> {
  const { from, to } = resolvePeriod(scope.period, today);
  const q: Record<string, string> = {};
  if (scope.sponsorId) q.sponsorId = scope.sponsorId;
  if (scope.programId) q.programId = scope.programId;
  if (scope.projectId) q.projectId = scope.projectId;
  if (from) q.from = from;
  if (to) q.to = to;
  if (withLang) q.lang = scope.lang;
  return q;
}

/** An API path with its query, for downloads that go through the browser or the native dialog. */
export function withQuery(path: string, query: Record<string, string>): string {
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

/** "rapport-impact-2026-11-25.pdf": the name offered when saving, the server's own is similar. */
export function suggestedName(base: string, today: string, ext: string): string {
  return `${base}-${today}.${ext}`;
}

/** How far a job got, 0 to 100: collecting counts as the first tenth, writing as the rest. */
export function jobPercent(job: { state: string; phase: string; done: number; total: number }): number {
  if (job.state === 'done') return 100;
  if (job.phase !== 'writing' || job.total <= 0) return 5;
  return Math.min(99, Math.round(10 + (90 * job.done) / job.total));
}
