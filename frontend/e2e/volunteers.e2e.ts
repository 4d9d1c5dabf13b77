// The volunteers' file as a coordinator uses it, in a real Chromium against a real `civisphere
// serve`: an empty file, the import of a spreadsheet saved by Excel on Windows (semicolons,
// Windows-1252, a title row above the headers, an invalid e-mail), the search as you type with
// highlights and facets kept in the address, a profile, a new volunteer made with the skill
// picker, archived and restored, a custom skill merged, and the same pages in English and dark.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

const fixture = resolve(__dirname, 'fixtures/benevoles-windows.csv');

interface Hit {
  id: string;
  firstName: string;
  lastName: string;
  status: string;
}
interface Volunteer extends Hit {
  notes: string;
  joinedOn: string;
  city: string;
  skills: { id: string; name: string; level: string; custom: boolean }[];
  causes: string[];
  availability: { days: string[]; evenings: boolean; hoursPerMonth: number; mode: string };
  bio: string;
}

async function api<T>(server: Server, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { 'Accept-Language': 'fr' } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function findVolunteer(server: Server, q: string, status = 'all'): Promise<Volunteer> {
  const list = await api<{ items: Hit[] }>(server, `/api/volunteers?q=${encodeURIComponent(q)}&status=${status}&limit=1`);
  expect(list.items.length, `no volunteer for “${q}”`).toBeGreaterThan(0);
  return api<Volunteer>(server, `/api/volunteers/${list.items[0]!.id}`);
}

/** The names shown in the result list, in order. */
async function resultNames(page: Page): Promise<string[]> {
  return page.locator('ol.results .result__name').allInnerTexts();
}

async function expectResults(page: Page, names: string[]) {
  await expect.poll(async () => (await resultNames(page)).sort(), { timeout: 10_000 }).toEqual([...names].sort());
}

/** The browser logs refused requests (a 422 on purpose): anything else is a real problem. */
function realProblems(problems: string[]): string[] {
  return problems.filter((p) => !/status of 422/.test(p));
}

describe('volunteers in the browser', () => {
  const suite = useBrowserSuite();

  it('starts with an empty file that invites to add or import', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles`);
    await page.getByText('Aucun bénévole pour l’instant').waitFor();
    await page.getByRole('button', { name: 'Importer un fichier' }).waitFor();
    await screenshot(page, 'volunteers-empty-fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('imports a Windows CSV: preview, guessed mapping, a column ignored, row errors, progress', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles`);
    await page.locator('.page-header').getByRole('button', { name: 'Importer', exact: true }).click();
    await page.waitForURL(/\/benevoles\/import$/);
    await page.getByText('50 Mo au plus').waitFor();

    // A picture saved as .csv by mistake: the server's reason, and nothing else happens.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'photo-Élodie.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'latin1'),
    });
    const refused = page.getByRole('alert');
    await refused.getByText('« photo-Élodie.csv » ne peut pas être importé').waitFor();
    await refused.getByText('Ce fichier n’est pas un tableau lisible', { exact: false }).waitFor();

    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByText('Colonnes du fichier').waitFor();

    // What was detected: Excel's Windows CSV, with a title row above the headers.
    const meta = await page.locator('.file-card__meta').innerText();
    expect(meta).toContain('windows-1252');
    expect(meta).toContain('point-virgule');
    expect(meta).toContain('titres en ligne 2');

    // The guessed mapping, above each column.
    const selects = page.locator('.preview__select');
    await expect.poll(() => selects.count()).toBe(7);
    const guessed = await selects.evaluateAll((els) => els.map((el) => el.textContent?.trim()));
    expect(guessed).toEqual(['Prénom', 'Nom', 'Courriel', 'Compétences', 'Ville', 'Code postal', 'Notes']);
    await page.getByRole('cell', { name: 'Besançon' }).first().waitFor();
    await page.getByRole('cell', { name: 'Bœuf' }).waitFor();

    // The counts and the row at fault, with its column, message and value.
    const count = (key: string) => page.locator(`[data-count="${key}"] .count__value`).innerText();
    expect(await count('rows')).toBe('8');
    expect(await count('valid')).toBe('7');
    expect(await count('created')).toBe('7');
    expect(await count('skipped')).toBe('1');
    const problemRow = page.locator('table.problems tbody tr').first();
    expect(await problemRow.locator('td').allInnerTexts()).toEqual([
      '6',
      'Courriel',
      'Adresse e-mail invalide (exemple : contact@association.fr).',
      'jerome.noel@exemple',
    ]);
    await page.getByText('La ligne avec un problème sera ignorée').waitFor();
    await page.waitForTimeout(300); // the spinner's fade
    await screenshot(page, 'volunteers-import-preview-fr');

    // The coordinator keeps the comments out: “Remarques” set to ignore, the check runs again.
    const rerun = page.waitForResponse(
      (r) => r.url().includes('/api/imports/volunteers?dryRun=true') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: /^Champ de la colonne «\s?Remarques\s?» : Notes$/ }).click();
    await page.locator('.n-base-select-option', { hasText: 'Ignorer' }).click();
    expect((await rerun).status()).toBe(200);
    await expect.poll(() => selects.nth(6).textContent()).toBe('Ignorer');
    await page.locator('thead th.preview__ignored', { hasText: 'Remarques' }).waitFor();

    await page.getByRole('button', { name: 'Importer les 7 lignes valides' }).click();
    await page.getByText('Import terminé').waitFor({ timeout: 20_000 });
    await page.getByText('7 fiches créées, aucune mise à jour, 1 ligne ignorée.').waitFor();
    await screenshot(page, 'volunteers-import-done-fr');

    await page.getByRole('button', { name: 'Voir les bénévoles' }).click();
    await page.waitForURL(/\/benevoles$/);
    await page.getByText('7 bénévoles', { exact: true }).waitFor();

    const elodie = await findVolunteer(suite.server, 'Élodie Martin');
    expect(elodie.city).toBe('Besançon');
    expect(elodie.notes).toBe(''); // the ignored column
    expect((await api<{ total: number }>(suite.server, '/api/volunteers?q=Noël&status=all')).total).toBe(0);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('searches as you type, with highlights, facets in the address and the back button', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles`);
    const box = page.locator('#volunteer-search');
    await box.fill('compta');
    await page.waitForURL(/\?q=compta$/);
    // “compta” is a synonym of Comptabilité: François typed it, the others wrote the full word.
    await expectResults(page, ['Anaïs Lemaître', 'Élodie Martin', 'François Dupré', 'Noémie Faure']);
    await page.getByText('4 bénévoles', { exact: true }).waitFor();
    const marked = await page.locator('ol.results mark').allInnerTexts();
    expect(marked.length).toBeGreaterThanOrEqual(4);
    expect(new Set(marked)).toEqual(new Set(['Comptabilité']));

    // A city from the facet panel narrows the list and goes into the address.
    await page.locator('button[data-facet="city"][data-value="Besançon"]').click();
    await page.waitForURL((url) => url.searchParams.get('ville') === 'Besançon' && url.searchParams.get('q') === 'compta');
    await expectResults(page, ['Élodie Martin', 'Noémie Faure']);
    await page.getByRole('button', { name: 'Retirer le filtre Ville : Besançon' }).waitFor();
    expect(await page.locator('button[data-facet="city"][data-value="Besançon"]').getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(300);
    await screenshot(page, 'volunteers-search-fr');

    // Back: the filter goes; forward and a reload keep the search.
    await page.goBack();
    await expectResults(page, ['Anaïs Lemaître', 'Élodie Martin', 'François Dupré', 'Noémie Faure']);
    await page.goForward();
    await expectResults(page, ['Élodie Martin', 'Noémie Faure']);
    await page.reload();
    await expectResults(page, ['Élodie Martin', 'Noémie Faure']);
    expect(await page.locator('#volunteer-search').inputValue()).toBe('compta');

    // The profile, then back to the same results.
    await page.getByRole('link', { name: 'Élodie Martin' }).click();
    await page.waitForURL(/\/benevoles\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Élodie Martin' }).waitFor();
    const main = page.locator('main');
    await main.getByText('25000 Besançon').first().waitFor();
    await main.getByRole('link', { name: 'elodie.martin@exemple.fr' }).waitFor();
    const groups = await page.locator('.skill-group').allInnerTexts();
    expect(groups.map((g) => g.replace(/\s+/g, ' ').trim())).toEqual(['Expert Comptabilité', 'Intermédiaire Gestion de projet']);
    await main.getByText('Aucune note.').waitFor();
    await main.getByText('Actif', { exact: true }).waitFor();
    await screenshot(page, 'volunteers-profile-fr');
    await page.getByRole('link', { name: 'Retour aux résultats' }).click();
    await page.waitForURL((url) => url.pathname === '/benevoles' && url.searchParams.get('ville') === 'Besançon');
    await expectResults(page, ['Élodie Martin', 'Noémie Faure']);

    // The export takes the same search: the two people of Besançon, not the whole file.
    await page.getByRole('button', { name: 'Exporter' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByText('Fichier CSV (.csv)').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^benevoles-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Élodie');
    expect(csv).toContain('Noémie');
    expect(csv).not.toContain('François');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds a volunteer with the skill picker, then archives and restores them', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles`);
    await page.locator('.page-header').getByRole('button', { name: 'Ajouter un bénévole' }).click();
    await page.waitForURL(/\/benevoles\/nouveau$/);

    await page.locator('input[name="firstName"]').fill('Ольга');
    await page.locator('input[name="lastName"]').fill('Nguyễn');
    await page.locator('input[name="email"]').fill('olga.nguyen@exemple');
    await page.locator('input[name="postcode"]').fill('25000');
    await page.locator('input[name="city"]').fill('Besançon');

    // The skill picker: “graph” proposes Graphisme, with its domain.
    await page.locator('#skill-picker').fill('graph');
    const option = page.locator('.n-base-select-option', { hasText: 'Graphisme' }).first();
    await option.waitFor();
    expect(await option.innerText()).toContain('Design');
    await option.click();
    const row = page.locator('.skill-row', { hasText: 'Graphisme' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Niveau en Graphisme : Intermédiaire' }).click();
    await page.locator('.n-base-select-option', { hasText: 'Expert' }).click();
    await row.getByRole('button', { name: 'Niveau en Graphisme : Expert' }).waitFor();
    // Text that matches no skill becomes a custom one, with the keyboard only.
    await page.locator('#skill-picker').fill('Reliure d’art');
    await page.locator('.n-base-select-option', { hasText: 'Ajouter « Reliure d’art »' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.skill-row', { hasText: 'Reliure d’art' }).waitFor();

    await page.getByRole('checkbox', { name: 'Culture' }).check();
    await page.getByRole('checkbox', { name: 'Lundi' }).check();
    await page.getByRole('checkbox', { name: 'En soirée' }).check();
    await page.locator('#hoursPerMonth').fill('8');
    await page.getByText('À distance', { exact: true }).click();
    await page.locator('textarea[name="bio"]').fill('Graphiste indépendante.\nAime les affiches de l’Œuvre.');
    await page.locator('#joinedOn').fill('12/03/2024');
    await page.locator('#joinedOn').press('Enter');
    await page.locator('.skill-rows').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshot(page, 'volunteers-form-fr');

    // The server refuses the e-mail: the message shows under the field, nothing is created.
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.getByText('Adresse e-mail invalide (exemple : contact@association.fr).').first().waitFor();
    expect((await api<{ total: number }>(suite.server, '/api/volunteers?q=Nguyen&status=all')).total).toBe(0);
    await page.locator('input[name="email"]').fill('olga.nguyen@exemple.fr');
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/benevoles\/\d+$/);
    await page.getByRole('heading', { level: 1, name: 'Ольга Nguyễn' }).waitFor();

    const main = page.locator('main');
    await main.locator('.skill-group', { hasText: 'Expert' }).getByText('Graphisme').waitFor();
    await main.locator('.skill-group', { hasText: 'Intermédiaire' }).getByText('Reliure d’art').waitFor();
    await main.getByText('Culture', { exact: true }).waitFor();
    for (const line of ['Lundi', 'En soirée', '8 h par mois', 'À distance']) {
      await main.locator('.line', { hasText: line }).first().waitFor();
    }
    await main.getByText('12/03/2024').waitFor();
    expect(await main.locator('.bio').innerText()).toBe('Graphiste indépendante.\nAime les affiches de l’Œuvre.');

    const olga = await findVolunteer(suite.server, 'Nguyen');
    expect(olga.skills.map((s) => [s.id, s.level, s.custom])).toEqual([
      ['graphic-design', 'expert', false],
      [expect.stringMatching(/^custom:/), 'intermediate', true],
    ]);
    expect(olga.joinedOn).toBe('2024-03-12');
    expect(olga.availability).toMatchObject({ days: ['monday'], evenings: true, hoursPerMonth: 8, mode: 'remote' });

    // Archive: a confirmation that says it can be undone, then the profile says it is archived.
    await page.getByRole('button', { name: 'Archiver' }).click();
    const dialog = page.locator('.n-dialog');
    await dialog.getByText('rien n’est supprimé').waitFor();
    await dialog.getByRole('button', { name: 'Archiver' }).click();
    await main.getByText('Fiche archivée', { exact: true }).waitFor();
    expect((await findVolunteer(suite.server, 'Nguyen')).status).toBe('archived');
    expect((await api<{ total: number }>(suite.server, '/api/volunteers?q=Nguyen')).total).toBe(0);
    await page.getByRole('button', { name: 'Restaurer' }).click();
    await page.getByRole('button', { name: 'Archiver' }).waitFor();
    expect((await findVolunteer(suite.server, 'Nguyen', 'active')).status).toBe('active');

    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('asks before leaving a form with unsaved changes', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    const zoe = await findVolunteer(suite.server, 'Zoé Bœuf');
    await page.goto(`${suite.server.url}/benevoles/${zoe.id}/modifier`);
    const city = page.locator('input[name="city"]');
    await expect.poll(() => city.inputValue()).toBe('Paris');
    await city.fill('Besançon');
    await page.getByRole('link', { name: 'Retour à la fiche' }).click();
    const dialog = page.locator('.n-dialog');
    await dialog.getByText('Quitter sans enregistrer ?').waitFor();
    await dialog.getByRole('button', { name: 'Rester sur la page' }).click();
    expect(page.url()).toMatch(/\/modifier$/);
    expect(await city.inputValue()).toBe('Besançon');
    await page.getByRole('link', { name: 'Retour à la fiche' }).click();
    await page.locator('.n-dialog').getByRole('button', { name: 'Quitter sans enregistrer' }).click();
    await page.waitForURL(new RegExp(`/benevoles/${zoe.id}$`));
    expect((await findVolunteer(suite.server, 'Zoé Bœuf')).city).toBe('Paris');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('merges a custom skill into a known one', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles`);
    await page.getByRole('button', { name: /Compétences personnalisées/ }).click();
    const drawer = page.locator('.n-drawer');
    const item = drawer.locator('.skill', { hasText: 'Apiculture' });
    await item.getByText('1 bénévole').waitFor();
    await item.getByRole('button', { name: 'Fusionner…' }).click();
    await item.locator('input').fill('jardin');
    await page.locator('.n-base-select-option', { hasText: 'Jardinage' }).first().click();
    const dialog = page.locator('.n-dialog', { hasText: 'Fusionner ces compétences ?' });
    await dialog.getByText('« Apiculture » sera remplacée par « Jardinage »', { exact: false }).waitFor();
    await dialog.getByText('(1 bénévole)', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Fusionner' }).click();
    await page.getByText('« Apiculture » fusionnée dans « Jardinage » : 1 bénévole mis à jour.').waitFor();
    await drawer.locator('.skill', { hasText: 'Apiculture' }).waitFor({ state: 'detached' });
    const mathis = await findVolunteer(suite.server, 'Mathis Roux');
    expect(mathis.skills.map((s) => s.name)).toContain('Jardinage');
    expect(mathis.skills.map((s) => s.name)).not.toContain('Apiculture');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('looks finished in English and in the dark theme', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'en-GB');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${suite.server.url}/benevoles?q=compta`);
    await page.getByText('4 volunteers', { exact: true }).waitFor();
    await page.locator('button[data-facet="skills"][data-value="accounting"]').click();
    await page.waitForURL((url) => url.searchParams.get('competence') === 'accounting');
    await page.getByRole('button', { name: 'Remove the filter Skills: Accounting' }).waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    await page.waitForTimeout(300);
    await screenshot(page, 'volunteers-search-dark-en');

    await page.getByRole('link', { name: 'Élodie Martin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Élodie Martin' }).waitFor();
    await page.getByText('Back to results').waitFor();
    await screenshot(page, 'volunteers-profile-dark-en');

    await page.goto(`${suite.server.url}/benevoles/import`);
    await page.locator('input[type="file"]').setInputFiles(fixture);
    await page.getByText('Columns of the file').waitFor();
    await page.getByText('semicolon separator', { exact: false }).waitFor();
    // The same people again: this time they would be updated, not created twice.
    expect(await page.locator('[data-count="updated"] .count__value').innerText()).toBe('7');
    await page.waitForTimeout(300);
    await screenshot(page, 'volunteers-import-preview-dark-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
