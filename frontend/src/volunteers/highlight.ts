// Search highlights arrive as segments of plain text, some marked as matching: they are shown with
// <mark> around the marked ones, through ordinary text interpolation (never as HTML).
import type { HighlightSegment, VolunteerHit } from '../api/types';

export type Segment = HighlightSegment;
type HighlightField = NonNullable<VolunteerHit['highlights']>[number]['field'];

/** "Élodie Martin"; one of the two when the other is empty. */
export function fullName(person: { firstName?: string; lastName?: string }): string {
  return [person.firstName, person.lastName]
    .map((s) => (s ?? '').trim())
    .filter(Boolean)
    .join(' ');
}

/** Joins neighbours of the same kind and drops empty pieces, so <mark> never wraps nothing. */
export function normalizeSegments(segments: readonly Segment[] | null | undefined): Segment[] {
  const out: Segment[] = [];
  for (const seg of segments ?? []) {
    if (!seg.text) continue;
    const match = seg.match === true;
    const last = out[out.length - 1];
    if (last && (last.match === true) === match) last.text += seg.text;
    else out.push(match ? { text: seg.text, match: true } : { text: seg.text });
  }
  return out;
}

export function segmentsText(segments: readonly Segment[] | null | undefined): string {
  return (segments ?? []).map((s) => s.text).join('');
}

export function hasMatch(segments: readonly Segment[] | null | undefined): boolean {
  return (segments ?? []).some((s) => s.match === true && s.text !== '');
}

/** The highlighted segments of one field of a hit (for skills: of one skill), or null. */
export function highlightOf(hit: Pick<VolunteerHit, 'highlights'>, field: HighlightField, skillId?: string): Segment[] | null {
  const h = (hit.highlights ?? []).find((x) => x.field === field && (skillId === undefined || x.skillId === skillId));
  if (!h) return null;
  const segments = normalizeSegments(h.segments);
  return segments.length ? segments : null;
}

/** The name to show, with the matching part marked when the name matched. */
export function nameSegments(hit: Pick<VolunteerHit, 'highlights' | 'firstName' | 'lastName'>): Segment[] {
  return highlightOf(hit, 'name') ?? [{ text: fullName(hit) }];
}

/** The skills that matched the search text. */
export function matchedSkillIds(hit: Pick<VolunteerHit, 'highlights'>): Set<string> {
  const ids = new Set<string>();
  for (const h of hit.highlights ?? []) {
    if (h.field === 'skill' && h.skillId && hasMatch(h.segments)) ids.add(h.skillId);
  }
  return ids;
}

/** Initials for an avatar: "ÉM" for Élodie Martin, "О" for Ольга. */
export function initials(person: { firstName?: string; lastName?: string }): string {
  const letter = (s?: string) => Array.from((s ?? '').trim())[0] ?? '';
  const out = (letter(person.firstName) + letter(person.lastName)).toLocaleUpperCase();
  return out || '?';
}
