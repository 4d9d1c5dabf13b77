// The needs diagnostic as an association's coordinator takes it, in a real Chromium against a real
// `civisphere serve`: the association chosen, the questionnaire step by step (finance answered
// weakly, going back loses nothing), the radar and its table, finance explained first, a project
// made from the first suggestion and checked through the API; then a second diagnostic six
// questions better on finance, compared with the first on the radar and in the history; and the
// same pages in English and in the dark theme.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

const ASSOCIATION = 'Œuvre Sainte-Élodie de Besançon';

interface Project {
  id: string;
  title: string;
  organizationId: string;
  status: string;
  skillsNeeded: { id: string; name: string; level: string; people: number }[];
}

async function apiGet<T>(server: Server, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { 'Accept-Language': 'fr' } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function apiPost<T>(server: Server, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr' },
    body: JSON.stringify(body),
  });
  expect(res.status, path).toBe(201);
  return (await res.json()) as T;
}

/** Clicks an answer of a question of the step shown. */
async function choose(page: Page, question: string, option: string) {
  await page.locator(`[data-question="${question}"] [data-option="${option}"]`).click();
}

async function isChosen(page: Page, question: string, option: string): Promise<boolean> {
  return page.locator(`[data-question="${question}"] [data-option="${option}"] input`).isChecked();
}

/** The IDs of the questions of the step shown. */
async function questionsShown(page: Page): Promise<string[]> {
  return page.locator('[data-question]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question') ?? ''));
}

async function currentStepTitle(page: Page): Promise<string> {
  return (await page.locator('.area-head__title').innerText()).trim();
}

/** Answers every question of the step shown with option, unless answers names another. */
async function answerStep(page: Page, option: string, answers: Record<string, string | null> = {}) {
  for (const q of await questionsShown(page)) {
    const chosen = q in answers ? answers[q] : option;
    if (chosen) await choose(page, q, chosen);
  }
}

/** The app scrolls inside its shell, not the window: back to the top before a screenshot. */
async function scrollToTop(page: Page) {
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop > 0 && el.scrollTo(0, 0)));
}

/** A screenshot of the whole page: the window grows to the height of the app's scrolled content. */
async function wholePage(page: Page, name: string) {
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((el) => el.scrollHeight)));
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
  await page.waitForTimeout(300); // the chart follows the new size
  await screenshot(page, name);
  await page.setViewportSize(size);
}

async function next(page: Page, label = 'Suivant') {
  const before = await currentStepTitle(page);
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => currentStepTitle(page)).not.toBe(before);
}

describe('needs diagnostic in the browser', () => {
  const suite = useBrowserSuite();
  let associationId = '';
  let firstDiagnostic = '';

  it('an association takes the diagnostic: weak finance comes first, and a project is made in a click', async () => {
    const created = await apiPost<{ id: string }>(suite.server, '/api/organizations', { kind: 'association', name: ASSOCIATION, city: 'Besançon' });
    associationId = created.id;
    await apiPost(suite.server, '/api/organizations', { kind: 'association', name: 'Les Amis de Łódź' });
    await apiPost(suite.server, '/api/organizations', { kind: 'sponsor', name: 'Fondation Ольга' });

    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/projets/diagnostic`);
    await page.getByText('Quelle association fait le diagnostic ?').waitFor();
    await page.getByText('Gouvernance et stratégie').waitFor(); // the areas, explained beside

    // Only associations are offered, sponsors are not assessed.
    await page.locator('.chooser__select').click();
    await page.locator('.n-base-select-option', { hasText: 'Les Amis de Łódź' }).waitFor();
    expect(await page.locator('.n-base-select-option', { hasText: 'Fondation' }).count()).toBe(0);
    await page.locator('.n-base-select-option', { hasText: ASSOCIATION }).click();
    await page.getByText('Ce sera son premier diagnostic.').waitFor();
    await page.locator('.n-base-select-menu').waitFor({ state: 'hidden' });
    await screenshot(page, 'diagnostic-start-fr');
    await page.getByRole('button', { name: 'Commencer le diagnostic' }).click();

    // Step 1, finance: one area per step, each question with why it matters.
    await page.waitForURL(/\/projets\/diagnostic\?association=\d+&etape=1$/);
    expect(await currentStepTitle(page)).toBe('Finances');
    await page.getByText('Étape 1 sur 8').waitFor();
    await page.getByText('Des comptes à jour permettent de savoir où en est l’association', { exact: false }).waitFor();
    expect(await questionsShown(page)).toEqual(['finance-bookkeeping', 'finance-budget', 'finance-cash']);
    await answerStep(page, 'none', { 'finance-budget': 'partly' });
    await page.getByText('3 réponses sur 24').waitFor();
    await page.mouse.move(0, 0);
    await scrollToTop(page);
    await screenshot(page, 'diagnostic-questionnaire-fr');

    // Forward, then back: the answers are still there, by the button and by the browser.
    await next(page);
    expect(await currentStepTitle(page)).toBe('Communication');
    await answerStep(page, 'fully');
    await next(page, 'Précédent');
    expect(await isChosen(page, 'finance-bookkeeping', 'none')).toBe(true);
    expect(await isChosen(page, 'finance-budget', 'partly')).toBe(true);
    await page.goBack(); // the browser's back button returns to the step left
    await expect.poll(() => currentStepTitle(page)).toBe('Communication');
    expect(await isChosen(page, 'communication-message', 'fully')).toBe(true);

    // The rest of the way, everything in place; one question left unanswered does not count.
    for (let i = 3; i <= 8; i++) {
      await next(page);
      await answerStep(page, 'fully', i === 8 ? { 'impact-reporting': null } : {});
    }
    expect(await currentStepTitle(page)).toBe('Mesure d’impact');
    await page.getByText('1 question sans réponse : elle ne comptera pas dans le résultat.').waitFor();
    await page.getByRole('button', { name: 'Voir le résultat' }).click();

    // The result: the radar (a canvas) with its table, finance first in the explanations.
    await page.waitForURL(/\/projets\/diagnostic\/\d+$/);
    firstDiagnostic = /\/(\d+)$/.exec(page.url())![1]!;
    await page.getByRole('heading', { name: `Diagnostic de ${ASSOCIATION}` }).waitFor();
    await page.locator('.needs-radar canvas').waitFor();
    expect(await page.getByRole('img', { name: /Graphique radar des besoins/ }).count()).toBe(1);
    expect(await page.locator('#needs-table tbody tr').count()).toBe(8);
    expect(await page.locator('#needs-table tr[data-area="finance"] td').first().innerText()).toBe('89');
    expect(await page.locator('.explanation').first().getAttribute('data-area')).toBe('finance');
    expect(await page.locator('.explanation').first().innerText()).toContain('Les finances sont un point fragile');
    await page.getByText('23 questions répondues sur 24', { exact: false }).waitFor();
    expect(await page.locator('.suggestion').count()).toBe(2);
    const first = page.locator('.suggestion').first();
    expect(await first.getAttribute('data-template')).toBe('finance-bookkeeping');
    expect(await first.innerText()).toContain('Comptabilité');
    await page.getByText('C’est le premier diagnostic de cette association', { exact: false }).waitFor();
    await page.waitForTimeout(600); // the chart's entry animation
    await wholePage(page, 'diagnostic-result-fr');

    // One click makes the project and opens its page.
    await first.getByRole('button', { name: 'Créer ce projet' }).click();
    await page.waitForURL(/\/projets\/\d+$/);
    const projectId = /\/projets\/(\d+)$/.exec(page.url())![1]!;
    const project = await apiGet<Project>(suite.server, `/api/projects/${projectId}`);
    expect(project.title).toBe('Mettre en place une comptabilité simple et à jour');
    expect(project.organizationId).toBe(associationId);
    expect(project.status).toBe('draft');
    expect(project.skillsNeeded.map((s) => [s.id, s.level, s.people])).toEqual([
      ['accounting', 'confirmed', 1],
      ['financial-reporting', 'intermediate', 1],
    ]);
    const milestones = await apiGet<{ total: number; items: { title: string; dueDate: string }[] }>(
      suite.server,
      `/api/projects/${projectId}/milestones`,
    );
    expect(milestones.total).toBe(4);
    expect(milestones.items[0]!.title).toBe('État des lieux des pièces et des comptes');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a second diagnostic shows the progress on the radar, in the table and in the history', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/projets/diagnostic/${firstDiagnostic}`);
    // The suggestion already turned into a project links to it instead.
    await page.locator('.suggestion').first().getByRole('button', { name: 'Voir le projet' }).waitFor();
    await page.getByRole('button', { name: 'Refaire le diagnostic' }).click();
    await page.waitForURL(/etape=1$/);
    expect(await isChosen(page, 'finance-bookkeeping', 'none')).toBe(false); // a fresh questionnaire
    // Finance better than last time; digital and impact measurement now show needs too.
    await answerStep(page, 'mostly', { 'finance-cash': 'partly' });
    for (let i = 2; i <= 8; i++) {
      await next(page);
      await answerStep(page, i === 3 ? 'partly' : i === 8 ? 'mostly' : 'fully');
    }
    await page.getByText('Toutes les questions ont une réponse.').waitFor();
    await page.getByRole('button', { name: 'Voir le résultat' }).click();
    await page.waitForURL(/\/projets\/diagnostic\/\d+$/);
    expect(page.url()).not.toMatch(new RegExp(`/${firstDiagnostic}$`));

    await page.locator('.needs-radar canvas').waitFor();
    await page.getByText('La ligne en pointillés montre le diagnostic du', { exact: false }).waitFor();
    const finance = page.locator('#needs-table tr[data-area="finance"] td');
    expect(await finance.allInnerTexts()).toEqual(['44', 'Moyen', '89', '−45 en progrès']);
    expect(await page.locator('.explanation').evaluateAll((els) => els.slice(0, 3).map((el) => el.getAttribute('data-area')))).toEqual([
      'digital',
      'finance',
      'impact',
    ]);
    expect(await page.locator('.suggestion').evaluateAll((els) => els.map((el) => el.getAttribute('data-template')))).toEqual([
      'digital-tools',
      'digital-website',
      'finance-budget-cash',
    ]);
    expect(await page.locator('.history__item').count()).toBe(2);
    expect(await page.locator('.history__item').first().innerText()).toContain('Ce diagnostic');
    expect(await page.locator('.history__item').nth(1).innerText()).toContain('Besoins principaux\u00a0: Finances');
    await page.waitForTimeout(600);
    await wholePage(page, 'diagnostic-result-second-fr');

    // The history leads back to the first one.
    await page.locator('.history__item').nth(1).getByRole('link', { name: 'Voir le résultat' }).click();
    await page.waitForURL(new RegExp(`/projets/diagnostic/${firstDiagnostic}$`));
    await page.locator('#needs-table tr[data-area="finance"]').waitFor();
    expect(await page.locator('#needs-table th', { hasText: 'Précédent' }).count()).toBe(0); // nothing before the first
    expect(problems).toEqual([]);
    await context.close();
  });

  it('creates an association on the spot, with just its name', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/projets/diagnostic`);
    await page.getByLabel('Ou créer une association').fill('Les Jardins d’Ольга');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await page.getByText('Association « Les Jardins d’Ольга » créée.', { exact: false }).waitFor();
    await page.locator('.chooser__select', { hasText: 'Les Jardins d’Ольга' }).waitFor();
    await page.getByText('Ce sera son premier diagnostic.').waitFor();
    const list = await apiGet<{ items: { name: string; kind: string }[] }>(suite.server, '/api/organizations?kind=association');
    expect(list.items.map((o) => o.name)).toContain('Les Jardins d’Ольга');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('looks finished in English and in the dark theme', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'en-GB');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${suite.server.url}/projets/diagnostic?association=${associationId}&etape=3`);
    await page.getByRole('heading', { name: 'Digital', exact: true }).waitFor();
    await page.getByText('Step 3 of 8').waitFor();
    await page.getByText('Why it matters').first().waitFor();
    await choose(page, 'digital-tools', 'partly');
    await page.mouse.move(0, 0);
    await scrollToTop(page);
    await screenshot(page, 'diagnostic-questionnaire-dark-en');

    const history = await apiGet<{ items: { id: string }[] }>(suite.server, `/api/organizations/${associationId}/diagnostics`);
    await page.goto(`${suite.server.url}/projets/diagnostic/${history.items[0]!.id}`);
    await page.getByRole('heading', { name: `Diagnostic of ${ASSOCIATION}` }).waitFor();
    await page.locator('.needs-radar canvas').waitFor();
    await page.getByText('What it means').waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    await page.waitForTimeout(600);
    await wholePage(page, 'diagnostic-result-dark-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
