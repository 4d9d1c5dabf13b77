// Impact surveys as a coordinator uses them, in a real Chromium against a real `civisphere serve`:
// a survey built in the builder for a project made through the API (a 1–5 scale, a single choice
// and a free text, with the live preview and the unsaved-changes guard), three paper forms typed
// one after the other, the results (mean, distribution, quotes) checked on the page and through
// the API, the questions frozen once answered, and the same pages in the dark theme and English.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

const ASSOCIATION = 'Œuvre Sainte-Élodie de Besançon';
const PROJECT = 'Aide aux devoirs à Planoise';
const TITLE = 'Satisfaction des familles — 2027';

async function apiPost<T>(server: Server, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr' },
    body: JSON.stringify(body),
  });
  expect(res.status, path).toBe(201);
  return (await res.json()) as T;
}

async function apiGet<T>(server: Server, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { 'Accept-Language': 'fr' } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

interface Results {
  responses: number;
  questions: { kind: string; count: number; mean: number | null; distribution: { label: string; count: number }[]; texts: string[] }[];
}

/** The app scrolls inside its shell, not the window: back to the top before a screenshot. */
async function scrollToTop(page: Page) {
  await page.evaluate(() => document.querySelectorAll('*').forEach((el) => el.scrollTop > 0 && el.scrollTo(0, 0)));
}

/** A screenshot of the whole page: the window grows to the height of the app's scrolled content. */
async function wholePage(page: Page, name: string) {
  await scrollToTop(page);
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((el) => el.scrollHeight)));
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: Math.min(height, 4000) });
  await page.waitForTimeout(300);
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** The bars of a result card: label → count. */
async function bars(page: Page, question: number): Promise<Record<string, number>> {
  return page.locator(`[data-result="${question}"] .bar`).evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-label') ?? '', Number(r.getAttribute('data-count'))])),
  );
}

describe('impact surveys in the browser', () => {
  const suite = useBrowserSuite();
  let surveyId = '';

  it('a coordinator builds a survey for a project: a scale, a single choice and a text', async () => {
    const association = await apiPost<{ id: string }>(suite.server, '/api/organizations', { kind: 'association', name: ASSOCIATION });
    await apiPost(suite.server, '/api/projects', { title: PROJECT, organizationId: association.id });
    await apiPost(suite.server, '/api/projects', { title: 'Jardin partagé de Łódź', organizationId: association.id });

    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/impact`);
    await page.getByText('Aucune enquête pour l’instant').waitFor();
    await page.getByRole('button', { name: 'Créer une première enquête' }).click();
    await page.waitForURL(/\/impact\/enquetes\/nouvelle$/);

    // Saving an empty builder says what is missing, beside each field.
    await page.getByRole('button', { name: 'Créer l’enquête' }).click();
    await page.getByText('Donnez un titre à l’enquête.').waitFor();
    await page.getByText('Choisissez le projet sur lequel porte l’enquête.').waitFor();
    await page.getByText('Écrivez la question.').waitFor();

    await page.locator('#survey-title').fill(TITLE);
    await page.locator('#survey-project').fill('devoirs');
    await page.locator('.n-base-select-option', { hasText: PROJECT }).click();

    // Question 1: the 1–5 scale a new survey starts with.
    const q1 = page.locator('[data-question-editor="0"]');
    await q1.locator('textarea').first().fill('Êtes-vous satisfaite de l’accompagnement ?');
    await q1.locator('.editor__preview').getByText('Êtes-vous satisfaite de l’accompagnement ?').waitFor();
    expect(await q1.locator('.editor__preview .scale__value').allInnerTexts()).toEqual(['1', '2', '3', '4', '5']);

    // Question 2: a single choice, choices typed with Enter from one to the next.
    await page.locator('[data-add-kind="single"]').click();
    const q2 = page.locator('[data-question-editor="1"]');
    await q2.locator('textarea').first().fill('Recommanderiez-vous l’association ?');
    await q2.locator('input[name$="-choice-0"]').fill('Oui');
    await q2.locator('input[name$="-choice-0"]').press('Enter');
    await q2.locator('input[name$="-choice-1"]').fill('Non');
    await q2.locator('input[name$="-choice-1"]').press('Enter');
    await q2.locator('input[name$="-choice-2"]').fill('« Très satisfaite »');
    await q2.locator('.editor__preview').getByText('« Très satisfaite »').waitFor();

    // Question 3: free text, first added as a number by mistake and changed.
    await page.locator('[data-add-kind="number"]').click();
    const q3 = page.locator('[data-question-editor="2"]');
    await q3.locator('.editor__kind').click();
    await page.locator('.n-base-select-option', { hasText: 'Texte libre' }).click();
    await q3.locator('textarea').first().fill('Un mot pour les bénévoles ?');
    await q3.locator('.editor__preview textarea').waitFor();

    // Reordering: the text goes up, then back down.
    await q3.getByRole('button', { name: 'Monter la question 3' }).click();
    await expect.poll(() => page.locator('[data-question-editor="1"] .editor__kind').innerText()).toContain('Texte libre');
    await page.getByRole('button', { name: 'Descendre la question 2' }).click();
    await expect.poll(() => page.locator('[data-question-editor="2"] .editor__kind').innerText()).toContain('Texte libre');

    // Leaving asks first.
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.getByText('Quitter sans enregistrer ?').waitFor();
    await page.getByRole('button', { name: 'Rester sur la page' }).click();
    await page.getByText('Quitter sans enregistrer ?').waitFor({ state: 'hidden' });

    await page.mouse.move(0, 0);
    await wholePage(page, 'surveys-builder-fr');
    await page.getByRole('button', { name: 'Créer l’enquête' }).click();
    await page.waitForURL(/\/impact\/enquetes\/\d+$/);
    surveyId = /\/impact\/enquetes\/(\d+)$/.exec(page.url())![1]!;
    await page.getByText('Enquête créée.').waitFor();

    const survey = await apiGet<{ project: string; audience: string; questions: { kind: string; text: string; choices: string[] }[] }>(
      suite.server,
      `/api/surveys/${surveyId}`,
    );
    expect(survey.project).toBe(PROJECT);
    expect(survey.audience).toBe('beneficiary');
    expect(survey.questions.map((q) => q.kind)).toEqual(['scale', 'single', 'text']);
    expect(survey.questions[1]!.choices).toEqual(['Oui', 'Non', '« Très satisfaite »']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('three paper forms are typed one after the other, and the results add up', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/impact/enquetes/${surveyId}`);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    await page.locator('[data-source="paper"]').click();

    const forms: { scale: number; choice: string; text?: string }[] = [
      { scale: 5, choice: 'Oui', text: 'Merci à Élodie, mon fils lit enfin !' },
      { scale: 4, choice: 'Oui', text: 'Ольга était formidable.' },
      { scale: 2, choice: 'Non' },
    ];
    for (const [i, form] of forms.entries()) {
      await page.locator(`[data-question="0"] [data-value="${form.scale}"]`).click();
      await page.locator(`[data-question="1"] [data-choice="${form.choice}"]`).click();
      if (form.text) await page.locator('[data-question="2"] textarea').fill(form.text);
      await page.getByRole('button', { name: 'Enregistrer la réponse' }).click();
      await page.getByText(`Réponse n° ${i + 1} enregistrée. Au formulaire suivant !`).waitFor();
      // The form is empty again for the next person; the source stays on paper.
      expect(await page.locator('[data-question="0"] input:checked').count()).toBe(0);
      expect(await page.locator('[data-question="2"] textarea').inputValue()).toBe('');
      expect(await page.locator('[data-source="paper"] input').isChecked()).toBe(true);
    }
    await page.locator('[data-responses-count]', { hasText: '3 réponses' }).waitFor();
    await page.mouse.move(0, 0);
    await wholePage(page, 'surveys-answer-fr');

    await page.getByRole('link', { name: 'Résultats' }).click();
    await page.waitForURL(/\/resultats$/);
    await page.locator('[data-result="0"] [data-mean]').waitFor();
    expect(await page.locator('[data-result="0"] [data-mean]').innerText()).toBe('3,7 / 5');
    expect(await bars(page, 0)).toEqual({ '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 });
    expect(await bars(page, 1)).toEqual({ Oui: 2, Non: 1, '« Très satisfaite »': 0 });
    expect(await page.locator('[data-result="1"] .bar__count').first().innerText()).toBe('2 (67\u00a0%)');
    expect(await page.locator('[data-result="2"] blockquote').allInnerTexts()).toEqual(['Ольга était formidable.', 'Merci à Élodie, mon fils lit enfin !']);
    await page.getByText('3 réponses · mises à jour à chaque réponse').waitFor();
    await wholePage(page, 'surveys-results-fr');

    const results = await apiGet<Results>(suite.server, `/api/surveys/${surveyId}/results`);
    expect(results.responses).toBe(3);
    expect(results.questions[0]!.mean).toBeCloseTo(11 / 3);
    expect(results.questions[1]!.distribution).toEqual([
      { label: 'Oui', count: 2 },
      { label: 'Non', count: 1 },
      { label: '« Très satisfaite »', count: 0 },
    ]);
    expect(results.questions[2]!.texts).toHaveLength(2);

    // A form typed twice is deleted from the responses; the results follow.
    await page.getByRole('link', { name: 'Réponses 3' }).click();
    await page.locator('[data-response="3"]').waitFor();
    await page.getByRole('button', { name: 'Supprimer la réponse n° 3' }).click();
    await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await page.getByText('Réponse n° 3 supprimée.').waitFor();
    await page.locator('[data-response="3"]').waitFor({ state: 'detached' });
    await page.locator('[data-responses-count]', { hasText: '2 réponses' }).waitFor();
    await page.getByRole('link', { name: 'Résultats' }).click();
    await expect.poll(() => page.locator('[data-result="0"] [data-mean]').innerText()).toBe('4,5 / 5');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the questions of an answered survey, and looks finished in the dark theme and English', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/impact/enquetes/${surveyId}/modifier`);
    await page.getByText('Les questions ne peuvent plus changer').waitFor();
    expect(await page.locator('[data-question-editor] .editor__kind').count()).toBe(0);
    await page.locator('#survey-title').fill(`${TITLE} (bilan)`);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Enquête enregistrée.').waitFor();
    await page.getByRole('heading', { name: `${TITLE} (bilan)` }).waitFor();
    expect(problems).toEqual([]);
    await context.close();

    const dark = await newPage(suite.browser, 'en-GB');
    await dark.page.emulateMedia({ colorScheme: 'dark' });
    await dark.page.goto(`${suite.server.url}/impact/enquetes/${surveyId}/resultats`);
    await dark.page.locator('[data-result="0"] [data-mean]').waitFor();
    expect(await dark.page.locator('[data-result="0"] [data-mean]').innerText()).toBe('4.5 / 5');
    await dark.page.getByText('2 responses · updated with every response').waitFor();
    const background = await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    await wholePage(dark.page, 'surveys-results-dark-en');
    await dark.page.getByRole('link', { name: 'Enter a response' }).click();
    await dark.page.getByRole('button', { name: 'Save the response' }).waitFor();
    await wholePage(dark.page, 'surveys-answer-dark-en');
    await dark.page.goto(`${suite.server.url}/impact`);
    await dark.page.getByText('1 survey', { exact: true }).waitFor();
    await dark.page.locator(`[data-survey="${surveyId}"]`).getByText('2 responses').waitFor();
    await wholePage(dark.page, 'surveys-list-dark-en');
    expect(dark.problems).toEqual([]);
    await dark.context.close();
  });
});
