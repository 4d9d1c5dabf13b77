// A coordinator's first session, in a real Chromium against a real `civisphere serve`: the
// French shell, the association profile saved, refused when invalid, kept across a reload and a
// restart of the server, and the language switch remembered.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, png, screenshot, useBrowserSuite, type Server } from './harness';

const sidebarFR = ['Tableau de bord', 'Bénévoles', 'Projets', 'Organisations', 'Heures', 'Impact', 'Rapports', 'Ressources', 'Paramètres'];
const sidebarEN = ['Dashboard', 'Volunteers', 'Projects', 'Organizations', 'Hours', 'Impact', 'Reports', 'Resources', 'Settings'];
const associationName = 'Œuvre des Jardins de Besançon — Ольга & Nguyễn';

async function expectSidebar(page: Page, labels: string[]) {
  const nav = page.getByRole('navigation').first();
  for (const label of labels) {
    await nav.getByText(label, { exact: true }).first().waitFor({ state: 'visible' });
  }
}

async function profileFromAPI(server: Server) {
  const res = await fetch(`${server.url}/api/settings/organization`);
  return (await res.json()) as { name: string; email: string; logoUrl: string; city: string };
}

describe('association profile in the browser', () => {
  const suite = useBrowserSuite();

  it('shows the French shell with its sidebar', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(suite.server.url);
    await expectSidebar(page, sidebarFR);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    // A section with nothing in it yet explains itself and offers the first step.
    await page.getByRole('navigation').first().getByText('Impact', { exact: true }).click();
    await page.waitForURL(/\/impact$/);
    await page.getByText('Aucune enquête pour l’instant').first().waitFor();
    await screenshot(page, 'browser-impact-empty-fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses invalid input next to the field and saves nothing', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/parametres`);
    await page.locator('input[name="name"]').fill(associationName);
    await page.locator('input[name="email"]').fill('contact@jardins');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Adresse e-mail invalide', { exact: false }).first().waitFor();

    // A logo that is not an image is refused before anything is sent.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('%PDF-1.7 ceci est un PDF'),
    });
    await page.getByText('Ce fichier n’est pas une image PNG ou JPEG.').first().waitFor();
    // And one over 2 MB too.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'grand-logo.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([png(4, 4, [0, 0, 0]), Buffer.alloc(2 * 1024 * 1024 + 10)]),
    });
    await page.getByText('Cette image pèse 2,1 Mo : la limite est de 2 Mo.').first().waitFor();
    await page.waitForTimeout(500); // let the form's feedback transition end before the picture
    await screenshot(page, 'browser-settings-invalid-fr');

    expect((await profileFromAPI(suite.server)).name).toBe('');
    // The refused save produced a 422, which the browser logs; nothing else may be wrong.
    expect(problems.filter((p) => !p.includes('422'))).toEqual([]);
    await context.close();
  });

  it('saves the profile with a logo, keeps it across a reload and a restart', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/parametres`);
    await page.locator('input[name="name"]').fill(associationName);
    await page.locator('textarea[name="address"]').fill('3 place de l’Église\nBâtiment B');
    await page.locator('input[name="postcode"]').fill('25000');
    await page.locator('input[name="city"]').fill('Besançon');
    await page.locator('input[name="registrationNumber"]').fill('W251002233');
    await page.locator('input[name="email"]').fill('contact@jardins-besancon.fr');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: png(96, 48, [20, 149, 138]),
    });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Profil enregistré').first().waitFor();

    const saved = await profileFromAPI(suite.server);
    expect(saved.name).toBe(associationName);
    expect(saved.city).toBe('Besançon');
    expect(saved.logoUrl).toMatch(/^\/api\/settings\/organization\/logo\?v=/);

    await page.reload();
    await expect.poll(() => page.locator('input[name="name"]').inputValue()).toBe(associationName);
    expect(await page.locator('input[name="email"]').inputValue()).toBe('contact@jardins-besancon.fr');
    const logo = page.locator(`img[src="${saved.logoUrl}"]`).first();
    await logo.waitFor();
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
    await screenshot(page, 'browser-settings-saved-fr');
    expect(problems).toEqual([]);
    await context.close();

    // The same data folder after a restart of the suite.server.
    await suite.restartServer();
    const again = await newPage(suite.browser, 'fr-FR');
    await again.page.goto(`${suite.server.url}/parametres`);
    await expect.poll(() => again.page.locator('input[name="name"]').inputValue()).toBe(associationName);
    await again.page.goto(suite.server.url);
    await again.page.getByText(associationName, { exact: false }).first().waitFor();
    await screenshot(again.page, 'browser-dashboard-fr');
    await again.context.close();
  });

  it('switches to English and remembers it', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/parametres`);
    await expectSidebar(page, sidebarFR);
    await page.getByRole('radio', { name: 'English' }).first().check({ force: true });
    await expectSidebar(page, sidebarEN);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect.poll(async () => (await (await fetch(`${suite.server.url}/api/settings/preferences`)).json()).locale).toBe('en');

    await page.reload();
    await expectSidebar(page, sidebarEN);
    await screenshot(page, 'browser-settings-en');
    await context.close();

    // Another browser (no local storage) gets the saved choice from the suite.server.
    const other = await newPage(suite.browser, 'fr-FR');
    await other.page.goto(suite.server.url);
    await expectSidebar(other.page, sidebarEN);
    await other.context.close();
    expect(problems).toEqual([]);
  });

  it('looks finished in the dark theme', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'en-GB');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(suite.server.url);
    await expectSidebar(page, sidebarEN);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(3 * 80); // dark, not the light theme
    await screenshot(page, 'browser-dashboard-dark-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
