// @vitest-environment jsdom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOrganizationStore } from './organization';

const empty = {
  name: '', address: '', postcode: '', city: '', registrationNumber: '',
  email: '', phone: '', website: '', logoUrl: '', updatedAt: '',
};

function json(body: unknown, status = 200, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

describe('organization store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a saved profile when an older load answers late', async () => {
    let answerGet: (r: Response) => void = () => {};
    const fetchMock = vi.fn((request: Request) => {
      if (request.method === 'GET') return new Promise<Response>((resolve) => (answerGet = resolve));
      return Promise.resolve(json({ ...empty, name: 'selftest-1', email: 'selftest@example.org', updatedAt: '2026-11-25T16:05:00Z' }));
    });
    vi.stubGlobal('fetch', fetchMock);
    const store = useOrganizationStore();

    const loading = store.load();
    await store.save({ ...empty, name: 'selftest-1', email: 'selftest@example.org' });
    answerGet(json(empty)); // the start-up GET, served before the PUT, arrives last
    await loading;

    expect(store.profile?.name).toBe('selftest-1');
    expect(store.state).toBe('ready');
  });

  it('reports a refused save with its problem details and keeps the old profile', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (request: Request) =>
        request.method === 'GET'
          ? json({ ...empty, name: 'Les Amis' })
          : json(
              { title: 'Unprocessable Entity', status: 422, errors: [{ location: 'body.email', message: 'Adresse e-mail invalide' }] },
              422,
              'application/problem+json',
            ),
      ),
    );
    const store = useOrganizationStore();
    await store.load();
    await expect(store.save({ ...empty, name: 'Les Amis', email: 'x' })).rejects.toMatchObject({
      status: 422,
      problem: { errors: [{ location: 'body.email', message: 'Adresse e-mail invalide' }] },
    });
    expect(store.profile?.name).toBe('Les Amis');
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const store = useOrganizationStore();
    await store.load();
    expect(store.state).toBe('error');
    expect(store.loadError?.isNetworkError).toBe(true);
  });
});
