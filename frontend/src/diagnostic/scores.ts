// The needs of a diagnostic as the result page shows them: the strongest first, compared with the
// association's previous diagnostic.
import type { Diagnostic, DiagnosticNeed, NeedLevel } from '../api/types';

/** The needs, strongest first; areas not assessed last; ties keep the questionnaire's order. */
export function needsByStrength(needs: readonly DiagnosticNeed[]): DiagnosticNeed[] {
  const rank = (n: DiagnosticNeed) => (n.level === 'notAssessed' ? -1 : n.score);
  return needs
    .map((need, i) => ({ need, i }))
    .sort((a, b) => rank(b.need) - rank(a.need) || a.i - b.i)
    .map((x) => x.need);
}

/** Naive UI tag type of a level: a high need is what needs attention. */
export function levelTagType(level: NeedLevel): 'error' | 'warning' | 'success' | 'default' {
  switch (level) {
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    case 'low':
      return 'success';
    default:
      return 'default';
  }
}

export type Trend = 'better' | 'worse' | 'same' | 'new';

export interface NeedRow {
  area: string;
  label: string;
  score: number;
  level: NeedLevel;
  /** The need at the previous diagnostic, when both assessed the area. */
  previous: number | null;
  /** score − previous: negative is progress, since a need shrinks as things get in place. */
  change: number | null;
  trend: Trend;
}

/** One row per area, in the questionnaire's order, with the change since the previous diagnostic. */
export function needRows(current: Diagnostic, previous: Diagnostic | null): NeedRow[] {
  const before = new Map((previous?.needs ?? []).map((n) => [n.area, n]));
  return (current.needs ?? []).map((n) => {
    const p = before.get(n.area);
    const comparable = p !== undefined && p.level !== 'notAssessed' && n.level !== 'notAssessed';
    const change = comparable ? n.score - p.score : null;
    let trend: Trend = 'new';
    if (change !== null) trend = change < 0 ? 'better' : change > 0 ? 'worse' : 'same';
    return { area: n.area, label: n.label, score: n.score, level: n.level, previous: comparable ? p.score : null, change, trend };
  });
}

/**
 * The diagnostic made just before current, from the association's history (any order): the newest
 * one older than current. Null for a first diagnostic.
 */
export function previousDiagnostic(history: readonly Diagnostic[], current: Diagnostic): Diagnostic | null {
  const older = history.filter(
    (d) => d.id !== current.id && (d.createdAt < current.createdAt || (d.createdAt === current.createdAt && Number(d.id) < Number(current.id))),
  );
  older.sort((a, b) => (a.createdAt === b.createdAt ? Number(b.id) - Number(a.id) : a.createdAt < b.createdAt ? 1 : -1));
  return older[0] ?? null;
}

/** The labels of a diagnostic's strongest needs from medium up, at most max, for a history line. */
export function mainNeeds(d: Diagnostic, max = 3): string[] {
  return needsByStrength(d.needs ?? [])
    .filter((n) => n.level === 'high' || n.level === 'medium')
    .slice(0, max)
    .map((n) => n.label);
}
