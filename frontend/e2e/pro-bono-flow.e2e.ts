// The whole of a pro bono project as a coordinator lives it, in a real Chromium against a real
// `civisphere serve`: the needs diagnostic of an association, a project made from its first
// suggestion, the project opened to recruitment, the suggested candidates with the reasons why
// (the volunteer with both skills first), one invited then accepted into the team, a milestone
// added to the agenda, and the agenda downloaded as an iCalendar file.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

const ASSOCIATION = 'Épicerie solidaire d’Œuvre-sur-Doubs';

async function post<T>(server: Server, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
  return (await res.json()) as T;
}

async function get<T>(server: Server, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { 'Accept-Language': 'fr' } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function stepTitle(page: Page): Promise<string> {
  return (await page.locator('.area-head__title').innerText()).trim();
}

/** Answers every question of the step shown with one option. */
async function answerStep(page: Page, option: string) {
  const questions = await page.locator('[data-question]').evaluateAll((els) => els.map((el) => el.getAttribute('data-question') ?? ''));
  for (const q of questions) await page.locator(`[data-question="${q}"] [data-option="${option}"]`).click();
}

function inDays(days: number): { iso: string; typed: string } {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const [y, m, day] = [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')];
  return { iso: `${y}-${m}-${day}`, typed: `${day}/${m}/${y}` };
}

describe('a pro bono project from need to agenda', () => {
  const suite = useBrowserSuite();

  it('diagnostic → project from a suggestion → matches with reasons → a volunteer accepted → a milestone → the calendar', async () => {
    const server = suite.server;
    await post(server, '/api/organizations', { kind: 'association', name: ASSOCIATION, city: 'Besançon' });
    // Three volunteers: both skills the bookkeeping template needs, one of them, none.
    const elodie = await post<{ id: string }>(server, '/api/volunteers', {
      firstName: 'Élodie', lastName: 'Marchand', city: 'Besançon', causes: ['solidarity'],
      skills: [{ name: 'comptabilité', level: 'expert' }, { name: 'reporting financier', level: 'confirmé' }],
      availability: { evenings: true, mode: 'either' },
    });
    const bastien = await post<{ id: string }>(server, '/api/volunteers', {
      firstName: 'Bastien', lastName: 'Œhlert', city: 'Lyon', skills: [{ name: 'compta', level: 'débutant' }],
    });
    await post(server, '/api/volunteers', { firstName: 'Ольга', lastName: 'Петрова', skills: [{ name: 'photographie', level: 'expert' }] });

    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');

    // 1. The diagnostic: finance is weak, everything else is in place.
    await page.goto(`${server.url}/projets/diagnostic`);
    await page.locator('.chooser__select').click();
    await page.locator('.n-base-select-option', { hasText: ASSOCIATION }).click();
    await page.locator('.n-base-select-menu').waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Commencer le diagnostic' }).click();
    await page.waitForURL(/etape=1$/);
    await answerStep(page, 'none');
    for (let step = 2; step <= 8; step++) {
      const before = await stepTitle(page);
      await page.getByRole('button', { name: 'Suivant', exact: true }).click();
      await expect.poll(() => stepTitle(page)).not.toBe(before);
      await answerStep(page, 'fully');
    }
    await page.getByRole('button', { name: 'Voir le résultat' }).click();
    await page.waitForURL(/\/projets\/diagnostic\/\d+$/);
    await page.locator('.needs-radar canvas').waitFor();
    expect(await page.locator('.explanation').first().getAttribute('data-area')).toBe('finance');

    // 2. The first suggestion becomes a project in one click.
    const suggestion = page.locator('.suggestion').first();
    expect(await suggestion.innerText()).toContain('Comptabilité');
    await suggestion.getByRole('button', { name: 'Créer ce projet' }).click();
    await page.waitForURL(/\/projets\/\d+$/);
    const projectId = /\/projets\/(\d+)$/.exec(page.url())![1]!;

    // 3. Open recruitment, then the suggested candidates with their reasons.
    await page.getByRole('button', { name: 'Ouvrir le recrutement' }).click();
    await page.getByText('Projet passé à l’état « En recrutement ».').waitFor();
    await page.locator('nav.tabs').getByRole('link', { name: 'Équipe et candidats' }).click();
    await page.waitForURL(/\/equipe$/);
    const suggested = page.locator('[data-testid="suggested-candidates"] > li');
    await suggested.first().waitFor();
    const order = await suggested.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(order).toEqual([`match-${elodie.id}`, `match-${bastien.id}`]); // both skills above one; none left out
    const elodieCard = page.locator(`[data-testid="match-${elodie.id}"]`);
    const reasons = await elodieCard.locator('.reason--pro').allInnerTexts();
    expect(reasons).toEqual(
      expect.arrayContaining(['Comptabilité — expert ✓', 'Reporting financier — confirmé ✓', 'à Besançon', 'aucun projet en cours']),
    );
    expect(await elodieCard.innerText()).toContain('2/2 compétences demandées');
    expect(await page.locator(`[data-testid="match-${bastien.id}"] .reason--con`).allInnerTexts()).toEqual(
      expect.arrayContaining(['Comptabilité — débutant (confirmé demandé)', 'Reporting financier — absent ✗']),
    );
    await screenshot(page, 'flow-suggested-candidates-fr');

    // 4. Invite Élodie, then accept her: she is in the team and leaves the suggestions.
    await elodieCard.getByRole('button', { name: 'Inviter' }).click();
    const card = page.locator(`[data-testid="board-applied"] [data-testid="application-${elodie.id}"]`);
    await card.waitFor();
    await card.getByRole('button', { name: 'Accepter' }).click();
    await page.locator('[data-testid="team-list"]').getByText('Élodie Marchand').waitFor();
    await expect.poll(() => page.locator(`[data-testid="match-${elodie.id}"]`).count()).toBe(0);
    const project = await get<{ teamSize: number; team: { volunteerId: string }[] }>(server, `/api/projects/${projectId}`);
    expect(project.team.map((m) => m.volunteerId)).toEqual([elodie.id]);

    // 5. A milestone on the agenda.
    const due = inDays(10);
    await page.locator('nav.tabs').getByRole('link', { name: 'Agenda' }).click();
    await page.waitForURL(/\/agenda$/);
    const milestones = page.locator('[data-agenda="milestones"]');
    await page.locator('#milestone-title').fill('Réunion de lancement à l’épicerie');
    await page.locator('#milestone-date').fill(due.typed);
    await page.locator('#milestone-date').press('Enter');
    await milestones.getByRole('button', { name: 'Ajouter' }).click();
    await milestones.locator('.item[data-title="Réunion de lancement à l’épicerie"]').waitFor();

    // 6. The agenda as an iCalendar file: the template's milestones and the new one, all-day.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click();
    const ics = readFileSync((await (await downloading).path())!, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${due.iso.replace(/-/g, '')}\r\n`);
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:[Jalon] Réunion de lancement à l’épicerie');
    expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'flow-agenda-fr');
    expect(problems).toEqual([]);
    await context.close();
  });
});
