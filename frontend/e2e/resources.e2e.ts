// The library as a coordinator uses it, in a real Chromium against a real `civisphere serve`: the
// built-in guides found by searching as you type, one read and switched to English; a note whose
// text holds a script tag and bold text, found with and without accents, the script shown as
// text; a link added (and a javascript: one refused); the note deleted; English in the dark.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

interface LibraryPage {
  total: number;
  items: { id: string; kind: string; title: string }[];
}

async function library(server: Server, q: string): Promise<LibraryPage> {
  const res = await fetch(`${server.url}/api/resources?q=${encodeURIComponent(q)}`, { headers: { 'Accept-Language': 'fr' } });
  expect(res.status).toBe(200);
  return (await res.json()) as LibraryPage;
}

/** The titles of the cards of one kind, in order. */
async function cardTitles(page: Page, kind: 'guide' | 'note' | 'link'): Promise<string[]> {
  return (await page.locator(`article[data-kind="${kind}"] .card__title`).allInnerTexts()).map((s) => s.trim());
}

async function search(page: Page, text: string) {
  const box = page.locator('#library-search');
  await box.fill(text);
  await page.waitForURL((url) => (url.searchParams.get('q') ?? '') === text);
}

/** The browser logs refused requests (a 422 on purpose): anything else is a real problem. */
function realProblems(problems: string[]): string[] {
  return problems.filter((p) => !/status of 422/.test(p));
}

describe('the library in the browser', () => {
  const suite = useBrowserSuite();

  it('finds the recruiting guide by searching, reads it, and switches to English', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/ressources`);
    await page.getByRole('heading', { name: 'Guides pratiques' }).waitFor();
    await expect.poll(() => cardTitles(page, 'guide')).toEqual([
      'Identifier les besoins de votre association',
      'Mener un projet pro bono de bout en bout',
      'Ce qui fait la spécificité du secteur associatif',
      'Recruter et fidéliser des bénévoles',
      'Mesurer l’impact de vos projets',
      'Le mécénat de compétences, guide pour les entreprises',
    ]);
    await page.getByText('Aucune ressource à vous pour l’instant').waitFor();
    await screenshot(page, 'resources-library-fr');

    // Searching as you type, the words kept in the address; the guide whose title matches first.
    await search(page, 'zèbre');
    await page.getByText('Rien ne correspond à « zèbre »').waitFor();
    await search(page, 'bénévoles');
    await expect.poll(async () => (await cardTitles(page, 'guide'))[0]).toBe('Recruter et fidéliser des bénévoles');
    await page.getByText(/^\d+ résultats$/).waitFor();
    const firstExcerpt = page.locator('article[data-kind="guide"] .card__text--excerpt').first();
    expect(await firstExcerpt.innerText()).toContain('bénévoles');
    await screenshot(page, 'resources-search-fr');

    await page.locator('article[data-kind="guide"]').first().getByRole('link').click();
    await page.waitForURL(/\/ressources\/guides\/recruiting-volunteers/);
    await page.getByRole('heading', { level: 1, name: 'Recruter et fidéliser des bénévoles' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Fidéliser' }).waitFor();
    await page.getByText('6 min de lecture', { exact: false }).or(page.getByText('min de lecture', { exact: false })).first().waitFor();
    const toc = page.getByRole('complementary', { name: 'Sommaire' });
    await toc.getByRole('button', { name: 'Savoir dire au revoir' }).waitFor();
    await screenshot(page, 'resources-guide-fr');

    await page.getByRole('button', { name: 'Read in English' }).click();
    await page.waitForURL(/lang=en/);
    await page.getByRole('heading', { level: 1, name: 'Recruiting and keeping volunteers' }).waitFor();
    expect(await page.locator('h1').getAttribute('lang')).toBe('en');
    // The interface stays in French; only the guide changed language.
    await page.getByRole('button', { name: 'Lire en français' }).waitFor();
    await page.getByText('Retour aux résultats').waitFor();
    await screenshot(page, 'resources-guide-en');

    await page.getByText('Retour aux résultats').click();
    await page.waitForURL((url) => url.pathname === '/ressources' && url.searchParams.get('q') === 'bénévoles');
    expect(await page.locator('#library-search').inputValue()).toBe('bénévoles');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds a note with a script and bold text, finds it with or without accents, adds a link, deletes the note', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${suite.server.url}/ressources`);
    await page.getByRole('heading', { name: 'Nos ressources' }).waitFor();

    // A note: Markdown with bold text and a script tag that must stay text.
    await page.locator('.page-header').getByRole('button', { name: 'Ajouter une note' }).click();
    const drawer = page.locator('.n-drawer');
    await drawer.getByText('Nouvelle note').waitFor();
    await drawer.locator('input[name="title"]').fill('Goûter de Noël des bénévoles');
    await drawer.locator('textarea[name="body"]').fill('Prévoir des **crêpes** et du cidre.\n\n<script>alert(1)</script>\n\n- la salle\n- les nappes');
    // The visible button, not the hidden radio with force: a forced click skips the wait for the
    // drawer to stop sliding in, and on a busy machine it landed beside the button.
    await drawer.locator('.body-mode').getByText('Aperçu', { exact: true }).click();
    await expect.poll(() => drawer.getByRole('radio', { name: 'Aperçu' }).isChecked()).toBe(true);
    await drawer.locator('.preview strong', { hasText: 'crêpes' }).waitFor();
    await drawer.locator('.preview').getByText('<script>alert(1)</script>').waitFor();
    await screenshot(page, 'resources-note-form-fr');
    await drawer.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByText('« Goûter de Noël des bénévoles » a été ajouté à la bibliothèque.').waitFor();
    await expect.poll(() => cardTitles(page, 'note')).toEqual(['Goûter de Noël des bénévoles']);

    // Found by a word of its text, with and without its accents, like the guides.
    for (const word of ['crepes', 'CRÊPES', 'nappe']) {
      await search(page, word);
      // Polled together: until the answer arrives, the previous results are still on screen.
      await expect
        .poll(async () => ({ notes: await cardTitles(page, 'note'), guides: await cardTitles(page, 'guide') }), { message: word })
        .toEqual({ notes: ['Goûter de Noël des bénévoles'], guides: [] });
    }
    await search(page, 'crêpes');
    const excerpt = page.locator('article[data-kind="note"] .card__text--excerpt');
    await expect.poll(() => excerpt.innerText()).toBe('Prévoir des crêpes et du cidre. · <script>alert(1)</script> · la salle · les nappes');

    // The note itself: bold rendered, the script shown as text and never run.
    await page.locator('article[data-kind="note"]').getByRole('link', { name: 'Goûter de Noël des bénévoles' }).click();
    await page.waitForURL(/\/ressources\/notes\/\d+$/);
    const article = page.locator('article.article');
    await article.locator('strong', { hasText: 'crêpes' }).waitFor();
    await article.getByText('<script>alert(1)</script>').waitFor();
    expect(await article.locator('script').count()).toBe(0);
    expect(await article.locator('li').allInnerTexts()).toEqual(['la salle', 'les nappes']);
    await screenshot(page, 'resources-note-fr');
    await page.getByText('Retour aux résultats').click();
    await page.waitForURL((url) => url.pathname === '/ressources' && url.searchParams.get('q') === 'crêpes');
    await search(page, '');
    await page.waitForURL((url) => url.pathname === '/ressources' && !url.search);

    // A javascript: address is refused with the server's reason, under the field.
    await page.locator('.page-header').getByRole('button', { name: 'Ajouter un lien' }).click();
    await drawer.getByText('Nouveau lien').waitFor();
    await drawer.locator('input[name="title"]').fill('Piège');
    await drawer.locator('input[name="url"]').fill('javascript:alert(1)');
    await drawer.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await drawer.getByText('Adresse web invalide', { exact: false }).waitFor();
    await drawer.getByText('La ressource n’a pas été enregistrée').waitFor();
    await screenshot(page, 'resources-link-refused-fr');

    // Corrected: a real address, typed without https://.
    await drawer.locator('input[name="title"]').fill('Le Compte Asso');
    await drawer.locator('input[name="url"]').fill('lecompteasso.associations.gouv.fr');
    await drawer.locator('textarea[name="body"]').fill('Pour les demandes de subvention en ligne.');
    await drawer.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByText('« Le Compte Asso » a été ajouté à la bibliothèque.').waitFor();
    await expect.poll(() => cardTitles(page, 'link')).toEqual(['Le Compte Asso']);
    const linkAnchor = page.locator('article[data-kind="link"] a.card__link');
    expect(await linkAnchor.getAttribute('href')).toBe('https://lecompteasso.associations.gouv.fr');
    expect(await linkAnchor.getAttribute('rel')).toContain('noopener');
    expect(await linkAnchor.getAttribute('target')).toBe('_blank');
    await page.locator('article[data-kind="link"]').getByText('lecompteasso.associations.gouv.fr').waitFor();
    // The refused link was not saved (guides speak of pitfalls, « pièges », too).
    expect((await library(suite.server, 'piege')).items.filter((i) => i.kind !== 'guide')).toEqual([]);
    await drawer.waitFor({ state: 'detached' });
    await page.locator('#own-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'resources-library-own-fr');

    // Deleting the note, after confirming.
    await page.getByRole('button', { name: 'Supprimer « Goûter de Noël des bénévoles »' }).click();
    const confirm = page.locator('.n-dialog');
    await confirm.getByText('La suppression est définitive').waitFor();
    await confirm.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await page.getByText('« Goûter de Noël des bénévoles » a été supprimé.').waitFor();
    await expect.poll(() => cardTitles(page, 'note')).toEqual([]);
    expect(await cardTitles(page, 'link')).toEqual(['Le Compte Asso']);
    expect((await library(suite.server, 'crepes')).total).toBe(0);

    expect(dialogs).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('looks finished in English and in the dark theme', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'en-GB');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${suite.server.url}/ressources`);
    await page.getByRole('heading', { name: 'Practical guides' }).waitFor();
    await expect.poll(() => cardTitles(page, 'link')).toEqual(['Le Compte Asso']);
    expect((await cardTitles(page, 'guide'))[0]).toBe('Identifying your organisation\'s needs');
    await page.locator('#own-title').scrollIntoViewIfNeeded();
    await screenshot(page, 'resources-library-dark-en');
    await page.goto(`${suite.server.url}/ressources/guides/measuring-impact`);
    await page.getByRole('heading', { level: 1, name: 'Measuring the impact of your projects' }).waitFor();
    await page.getByRole('button', { name: 'Lire en français' }).waitFor();
    await page.locator('.markdown table').scrollIntoViewIfNeeded();
    await screenshot(page, 'resources-guide-dark-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
