import { describe, expect, it } from 'vitest';
import { apiOrganizationListQuery, kindToQuery, organizationListFromQuery, organizationListToQuery } from './listQuery';

describe('organization list in the address', () => {
  it('shows associations by default', () => {
    const state = organizationListFromQuery({});
    expect(state).toEqual({ kind: 'association', q: '', page: 1 });
    expect(organizationListToQuery(state)).toEqual({});
  });

  it('keeps sponsors, the text and the page', () => {
    const state = organizationListFromQuery({ type: 'mecenes', q: 'Œuvre', page: '2' });
    expect(state).toEqual({ kind: 'sponsor', q: 'Œuvre', page: 2 });
    expect(organizationListToQuery(state)).toEqual({ type: 'mecenes', q: 'Œuvre', page: '2' });
    expect(kindToQuery('sponsor')).toEqual({ type: 'mecenes' });
    expect(kindToQuery('association')).toEqual({});
  });

  it('ignores what it does not know', () => {
    expect(organizationListFromQuery({ type: 'banques', q: '  ', page: 'x' })).toEqual({ kind: 'association', q: '', page: 1 });
  });

  it('asks the API one page of one kind', () => {
    expect(apiOrganizationListQuery({ kind: 'sponsor', q: ' fondation ', page: 3 })).toEqual({
      kind: 'sponsor',
      q: 'fondation',
      limit: 30,
      offset: 60,
    });
  });
});
