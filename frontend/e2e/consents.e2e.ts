// Consents and the certificate signatory, in a real Chromium against a real `civisphere serve`:
// a new volunteer with one box ticked, a consent withdrawn after a confirmation and given
// again, the history, the signatory saved in the settings and kept after a reload, and the same
// pages in English and in the dark theme.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

interface Consent {
  kind: string;
  given: boolean;
  givenAt: string;
  withdrawnAt: string;
}

async function getJSON<T>(server: Server, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Lets dialogs, collapses and checkmarks finish their entry animation before a screenshot. */
async function settle(page: Page) {
  await page.waitForTimeout(400);
}

/** A screenshot of the whole page: the app scrolls inside its shell, so the window is made tall enough. */
async function wholePage(page: Page, name: string) {
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((el) => el.scrollHeight)));
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
  await settle(page);
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** The row of one consent on the profile, found by its explanation. */
function consentRow(page: Page, text: string) {
  return page.locator('li.consent').filter({ hasText: text });
}

describe('consents and certificate signatory in the browser', () => {
  const suite = useBrowserSuite();
  let volunteerId = '';

  it('creates a volunteer with only the consent ticked on the form', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles/nouveau`);
    await page.locator('input[name="firstName"]').fill('Marie-Hélène');
    await page.locator('input[name="lastName"]').fill('Dubœuf');
    const photos = page.getByRole('checkbox', { name: 'Apparaître sur des photos' });
    await photos.waitFor();
    // Nothing is ticked for the person.
    for (const label of ['Être contacté·e pour des projets', 'Être nommé·e auprès des mécènes dans les rapports', 'Apparaître sur des photos']) {
      expect(await page.getByRole('checkbox', { name: label }).getAttribute('aria-checked')).toBe('false');
    }
    await photos.click();
    expect(await photos.getAttribute('aria-checked')).toBe('true');
    await wholePage(page, 'consents-new-volunteer-fr');
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/benevoles\/\d+$/);
    volunteerId = /\/benevoles\/(\d+)$/.exec(page.url())![1]!;

    await consentRow(page, 'Apparaître sur des photos').getByText(/^Donné le \d{1,2} \S+ \d{4}$/).waitFor();
    await consentRow(page, 'Être contacté·e pour des projets').getByText('Jamais donné').waitFor();
    const v = await getJSON<{ consents: Consent[] }>(suite.server, `/api/volunteers/${volunteerId}`);
    expect(v.consents.map((c) => [c.kind, c.given])).toEqual([
      ['contact', false],
      ['sponsorNames', false],
      ['photos', true],
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('withdraws a consent only once confirmed, gives another, and lists the history', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles/${volunteerId}`);
    const photos = consentRow(page, 'Apparaître sur des photos');
    await photos.getByRole('switch').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/^Retirer ce consentement/).waitFor();
    await settle(page);
    await screenshot(page, 'consents-withdraw-confirm-fr');

    // Cancelled: nothing changes.
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await photos.getByRole('switch').getAttribute('aria-checked')).toBe('true');

    await photos.getByRole('switch').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Retirer le consentement' }).click();
    await photos.getByText(/^Retiré le /).waitFor();
    expect(await photos.getByRole('switch').getAttribute('aria-checked')).toBe('false');

    // Giving needs no confirmation.
    const sponsors = consentRow(page, 'Être nommé·e auprès des mécènes dans les rapports');
    await sponsors.getByRole('switch').click();
    await sponsors.getByText(/^Donné le /).waitFor();

    await page.getByText('Historique', { exact: true }).click();
    await expect.poll(() => page.locator('ol.events li').count(), { timeout: 10_000 }).toBe(3);
    const events = await page.locator('ol.events li .event__what').allInnerTexts();
    expect(events.map((e) => e.replace(/\s+/g, ' ').trim())).toEqual([
      'Donné Être nommé·e auprès des mécènes dans les rapports',
      'Retiré Apparaître sur des photos',
      'Donné Apparaître sur des photos',
    ]);
    await wholePage(page, 'consents-profile-fr');

    const history = await getJSON<{ total: number }>(suite.server, `/api/volunteers/${volunteerId}/consents/history`);
    expect(history.total).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('saves the certificate signatory in the settings', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/parametres`);
    await page.getByText('Attestations de bénévolat', { exact: true }).waitFor();
    await page.locator('input[name="name"]').fill('Œuvre des Jardins de Besançon');
    await page.locator('input[name="signatoryName"]').fill('Marie-Hélène Dubœuf');
    await page.locator('input[name="signatoryRole"]').fill('Présidente');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Profil enregistré').waitFor();
    await page.reload();
    await expect.poll(() => page.locator('input[name="signatoryName"]').inputValue(), { timeout: 10_000 }).toBe('Marie-Hélène Dubœuf');
    expect(await page.locator('input[name="signatoryRole"]').inputValue()).toBe('Présidente');
    await wholePage(page, 'consents-settings-signatory-fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('looks finished in English and in the dark theme', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'en-GB');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${suite.server.url}/benevoles/${volunteerId}`);
    await consentRow(page, 'Appearing in photos').getByText(/^Withdrawn on \d{1,2} \S+ \d{4}$/).waitFor();
    await page.getByText('History', { exact: true }).click();
    await expect.poll(() => page.locator('ol.events li').count(), { timeout: 10_000 }).toBe(3);
    await wholePage(page, 'consents-profile-dark-en');

    await page.goto(`${suite.server.url}/parametres`);
    await page.getByText('Volunteer certificates', { exact: true }).waitFor();
    await wholePage(page, 'consents-settings-dark-en');

    await page.goto(`${suite.server.url}/benevoles/nouveau`);
    await page.getByRole('checkbox', { name: 'Appearing in photos' }).click();
    await wholePage(page, 'consents-new-volunteer-dark-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
