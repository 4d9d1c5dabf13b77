// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { externalUrl, installExternalLinkHandler, isDesktop, openExternal, saveExport, selfTestToken } from './bridge';
import { runSelfTest } from './selftest';

type W = Window & { go?: unknown };

afterEach(() => {
  delete (window as W).go;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function fakeDesktop(token = '') {
  const desktop = {
    OpenExternal: vi.fn(async () => {}),
    SaveExport: vi.fn(async () => '/home/me/heures.xlsx'),
    SelfTestToken: vi.fn(async () => token),
  };
  (window as W).go = { app: { Desktop: desktop } };
  return desktop;
}

describe('externalUrl', () => {
  const origin = 'http://127.0.0.1:8090';
  it('recognises links that leave the app', () => {
    expect(externalUrl('https://www.service-public.fr/associations', origin)).toBe('https://www.service-public.fr/associations');
    expect(externalUrl('http://example.org', origin)).toBe('http://example.org/');
    expect(externalUrl('mailto:contact@asso.fr', origin)).toBe('mailto:contact@asso.fr');
    expect(externalUrl('http://127.0.0.1:9999/', origin)).toBe('http://127.0.0.1:9999/');
  });

  it('leaves links inside the app alone', () => {
    expect(externalUrl('/parametres', origin)).toBeNull();
    expect(externalUrl('http://127.0.0.1:8090/projets', origin)).toBeNull();
    expect(externalUrl('#top', origin)).toBeNull();
    expect(externalUrl('javascript:alert(1)', origin)).toBeNull();
  });
});

describe('in a browser', () => {
  it('is not the desktop and has no self-test token', async () => {
    expect(isDesktop()).toBe(false);
    expect(await selfTestToken()).toBe('');
    expect(await runSelfTest({ router: {} as never, saveOrganization: vi.fn() })).toBe(false);
  });

  it('opens external links in a new tab', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    await openExternal('https://example.org/');
    expect(open).toHaveBeenCalledWith('https://example.org/', '_blank', 'noopener');
  });

  it('downloads exports with a plain link', async () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    expect(await saveExport('/api/exports/hours.xlsx?from=2026-01-01', 'heures.xlsx')).toBe('heures.xlsx');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.getAttribute('href')).toBe('/api/exports/hours.xlsx?from=2026-01-01');
    expect(clicked[0]!.download).toBe('heures.xlsx');
  });
});

describe('in the desktop window', () => {
  it('goes through the Go bindings', async () => {
    const desktop = fakeDesktop();
    expect(isDesktop()).toBe(true);
    await openExternal('https://example.org/');
    expect(desktop.OpenExternal).toHaveBeenCalledWith('https://example.org/');
    expect(await saveExport('/api/exports/hours.xlsx', 'heures.xlsx')).toBe('/home/me/heures.xlsx');
    expect(desktop.SaveExport).toHaveBeenCalledWith('/api/exports/hours.xlsx', 'heures.xlsx');
  });

  it('runs the self-test only with a token', async () => {
    fakeDesktop('');
    const save = vi.fn(async () => ({}));
    const push = vi.fn(async () => undefined);
    expect(await runSelfTest({ router: { push } as never, saveOrganization: save })).toBe(false);
    expect(save).not.toHaveBeenCalled();

    fakeDesktop('selftest-42');
    expect(await runSelfTest({ router: { push } as never, saveOrganization: save })).toBe(true);
    expect(save).toHaveBeenCalledWith({
      name: 'selftest-42',
      email: 'selftest@example.org',
      address: '',
      postcode: '',
      city: '',
      registrationNumber: '',
      phone: '',
      website: '',
    });
    expect(push).toHaveBeenCalledWith('/parametres');
  });
});

describe('external link handler', () => {
  it('keeps the app in place and opens the link outside', () => {
    const desktop = fakeDesktop();
    const remove = installExternalLinkHandler();
    // jsdom cannot navigate: record what our handler decided, then stop the default action.
    const decided: boolean[] = [];
    const record = (e: Event) => {
      decided.push(e.defaultPrevented);
      e.preventDefault();
    };
    window.addEventListener('click', record);
    document.body.innerHTML =
      '<a id="out" href="https://www.associations.gouv.fr/"><span id="inner">site</span></a><a id="in" href="/projets">projets</a>';

    document.getElementById('inner')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(decided).toEqual([true]);
    expect(desktop.OpenExternal).toHaveBeenCalledWith('https://www.associations.gouv.fr/');

    document.getElementById('in')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(decided).toEqual([true, false]);
    expect(desktop.OpenExternal).toHaveBeenCalledTimes(1);

    remove();
    document.getElementById('out')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(decided).toEqual([true, false, false]);
    expect(desktop.OpenExternal).toHaveBeenCalledTimes(1);
    window.removeEventListener('click', record);
  });
});
