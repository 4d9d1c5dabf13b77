import { describe, expect, it } from 'vitest';
import type { LibraryItem, Resource } from '../api/types';
import {
  buildResourceInput,
  emptyResourceForm,
  formFromResource,
  groupLibrary,
  isGuideLanguage,
  isResourceFormDirty,
  itemRoute,
  linkHost,
  queryText,
  resourceFormErrors,
  textToQuery,
} from './library';

function item(kind: LibraryItem['kind'], id: string): LibraryItem {
  return { kind, id, title: id, summary: '', excerpt: '', topic: '', url: '', updatedAt: '' };
}

describe('the search in the page address', () => {
  it('reads the text as typed, and nothing for blanks or odd values', () => {
    expect(queryText({ q: 'bénévoles  accueil' })).toBe('bénévoles  accueil');
    expect(queryText({ q: '   ' })).toBe('');
    expect(queryText({ q: ['compta', 'autre'] })).toBe('compta');
    expect(queryText({ q: null })).toBe('');
    expect(queryText({})).toBe('');
  });

  it('leaves an empty search out of the address', () => {
    expect(textToQuery('mécénat')).toEqual({ q: 'mécénat' });
    expect(textToQuery('  ')).toEqual({});
  });
});

describe('groupLibrary', () => {
  it('splits guides from the association’s resources, keeping the order', () => {
    const groups = groupLibrary([item('note', '3'), item('guide', 'a'), item('link', '2'), item('guide', 'b')]);
    expect(groups.guides.map((i) => i.id)).toEqual(['a', 'b']);
    expect(groups.own.map((i) => i.id)).toEqual(['3', '2']);
  });

  it('accepts a missing list', () => {
    expect(groupLibrary(null)).toEqual({ guides: [], own: [] });
  });
});

describe('where items lead', () => {
  it('opens guides and notes in the app, links outside it', () => {
    expect(itemRoute(item('guide', 'recruiting-volunteers'), 'en')).toEqual({
      path: '/ressources/guides/recruiting-volunteers',
      query: { lang: 'en' },
    });
    expect(itemRoute(item('guide', 'x'), 'de')).toEqual({ path: '/ressources/guides/x', query: {} });
    expect(itemRoute(item('note', '12'))).toBe('/ressources/notes/12');
    expect(itemRoute(item('link', '13'))).toBeNull();
  });

  it('shows the host of a link', () => {
    expect(linkHost('https://www.service-public.fr/associations?x=1')).toBe('www.service-public.fr');
    expect(linkHost('pas une adresse')).toBe('');
  });

  it('knows the guide languages', () => {
    expect(isGuideLanguage('fr')).toBe(true);
    expect(isGuideLanguage('de')).toBe(false);
    expect(isGuideLanguage(undefined)).toBe(false);
  });
});

describe('the resource form', () => {
  const saved: Resource = {
    id: '4',
    kind: 'link',
    title: 'Associations.gouv',
    body: 'Le site de référence',
    url: 'https://www.associations.gouv.fr',
    createdAt: '2026-11-25T10:00:00Z',
    updatedAt: '2026-11-25T10:00:00Z',
  };

  it('sends a link with its address and a note without one', () => {
    const values = formFromResource(saved);
    expect(buildResourceInput(values)).toEqual({
      kind: 'link',
      title: 'Associations.gouv',
      body: 'Le site de référence',
      url: 'https://www.associations.gouv.fr',
    });
    expect(buildResourceInput({ ...values, kind: 'note' })).toEqual({
      kind: 'note',
      title: 'Associations.gouv',
      body: 'Le site de référence',
    });
  });

  it('tells a changed form from an untouched one', () => {
    const values = formFromResource(saved);
    expect(isResourceFormDirty(values, formFromResource(saved))).toBe(false);
    expect(isResourceFormDirty({ ...values, title: 'Autre' }, values)).toBe(true);
    expect(isResourceFormDirty(emptyResourceForm('note'), emptyResourceForm('note'))).toBe(false);
    // The address of a note is never sent: changing it changes nothing.
    expect(isResourceFormDirty({ ...emptyResourceForm('note'), url: 'x' }, emptyResourceForm('note'))).toBe(false);
  });

  it('puts the server’s messages under the fields', () => {
    const errors = resourceFormErrors({
      status: 422,
      detail: 'Certaines informations sont invalides',
      errors: [
        { location: 'body.title', message: 'Ce champ est obligatoire.' },
        { location: 'body.url', message: 'Adresse web invalide.' },
        { location: 'body.other', message: 'Autre chose.' },
      ],
    });
    expect(errors.fields).toEqual({ title: 'Ce champ est obligatoire.', url: 'Adresse web invalide.' });
    expect(errors.general).toEqual(['Autre chose.']);
  });
});
