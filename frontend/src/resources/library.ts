// The library page's logic: the search kept in the page address (/ressources?q=bénévoles), the
// results split into built-in guides and the association's own resources, where each item leads,
// and the note or link form with the server's messages under the right fields.
import type { LocationQuery, LocationQueryRaw, RouteLocationRaw } from 'vue-router';
import { problemToFormErrors, type FormErrors, type ProblemDetails } from '../api/problem';
import type { LibraryItem, LibraryKind, Resource, ResourceInput, ResourceKind } from '../api/types';

export const LIBRARY_PATH = '/ressources';

/** How many items one request asks for; the rest comes with "show more". */
export const LIBRARY_PAGE_SIZE = 100;

/** Limits of the server (backend/domain/resource.go), so that inputs stop where it would refuse. */
export const RESOURCE_LIMITS = { title: 200, body: 50000, url: 2000 } as const;

/** The languages guides are written in; anything else reads the default. */
export const GUIDE_LANGUAGES = ['fr', 'en'] as const;
export type GuideLanguage = (typeof GUIDE_LANGUAGES)[number];

export function isGuideLanguage(value: unknown): value is GuideLanguage {
  return typeof value === 'string' && (GUIDE_LANGUAGES as readonly string[]).includes(value);
}

/** The search text of the page address; an all-blank text counts as none. */
export function queryText(query: LocationQuery): string {
  const raw = Array.isArray(query.q) ? query.q[0] : query.q;
  return typeof raw === 'string' && raw.trim() ? raw : '';
}

/** The page address's query for a search text: none at all for an empty search. */
export function textToQuery(q: string): LocationQueryRaw {
  return q.trim() ? { q } : {};
}

export interface LibraryGroups {
  guides: LibraryItem[];
  own: LibraryItem[];
}

/** Guides apart from the association's notes and links, each in the server's order. */
export function groupLibrary(items: readonly LibraryItem[] | null | undefined): LibraryGroups {
  const groups: LibraryGroups = { guides: [], own: [] };
  for (const item of items ?? []) (item.kind === 'guide' ? groups.guides : groups.own).push(item);
  return groups;
}

/** Where an item of the library leads inside the app: a guide or a note page. Links leave the app. */
export function itemRoute(item: Pick<LibraryItem, 'kind' | 'id'>, lang?: string): RouteLocationRaw | null {
  if (item.kind === 'guide') {
    return { path: `${LIBRARY_PATH}/guides/${encodeURIComponent(item.id)}`, query: isGuideLanguage(lang) ? { lang } : {} };
  }
  if (item.kind === 'note') return `${LIBRARY_PATH}/notes/${encodeURIComponent(item.id)}`;
  return null;
}

/** The host of a link, shown under its title: "www.service-public.fr". */
export function linkHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The tag type of each kind of item (Naive UI tag colours). */
export const KIND_TAG: Record<LibraryKind, 'success' | 'info' | 'warning'> = {
  guide: 'success',
  note: 'info',
  link: 'warning',
};

// The note or link form ------------------------------------------------------------------------

export const RESOURCE_FIELDS = ['kind', 'title', 'url', 'body'] as const;
export type ResourceField = (typeof RESOURCE_FIELDS)[number];

export interface ResourceFormValues {
  kind: ResourceKind;
  title: string;
  url: string;
  body: string;
}

export function emptyResourceForm(kind: ResourceKind): ResourceFormValues {
  return { kind, title: '', url: '', body: '' };
}

export function formFromResource(r: Resource): ResourceFormValues {
  return { kind: r.kind, title: r.title ?? '', url: r.url ?? '', body: r.body ?? '' };
}

/** The POST/PUT body. A note has no address: one typed before switching to a note is not sent. */
export function buildResourceInput(values: ResourceFormValues): ResourceInput {
  const input: ResourceInput = { kind: values.kind, title: values.title, body: values.body };
  if (values.kind === 'link') input.url = values.url;
  return input;
}

/** Whether the form differs from what was loaded (or from an empty form). */
export function isResourceFormDirty(values: ResourceFormValues, saved: ResourceFormValues): boolean {
  return JSON.stringify(buildResourceInput(values)) !== JSON.stringify(buildResourceInput(saved));
}

/** The server's validation messages, by field of the form. */
export function resourceFormErrors(problem: ProblemDetails): FormErrors<ResourceField> {
  return problemToFormErrors(problem, RESOURCE_FIELDS);
}
