// Hours as a coordinator logs and reviews them, in a real Chromium against a real
// `civisphere serve`: an association, a sponsored project and its team made through the API; a
// week of the team's time typed in the timesheet (1,5 · 1h30 · 90min) with one day refused by the
// 24-hour rule and outlined on its cell, fixed and saved; the entries approved in the review
// queue (and one refused after its confirmation); the totals moving in "Toutes les heures" and on
// the project's tab; an entry logged from a volunteer's profile; the hourly values changed in the
// settings; and the pages in the dark theme and at 1024 px.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

interface Ref {
  id: string;
}

interface HourTotals {
  entries: number;
  hours: number;
  approvedHours: number;
  pendingHours: number;
  value: number;
}

interface HourList {
  total: number;
  items: { id: string; projectId: string; status: string; hours: number; enteredBy: string; reviewedBy: string; skill: string }[];
  totals: HourTotals;
}

async function api<T>(server: Server, path: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Accept-Language': 'fr', 'Content-Type': 'application/json', Origin: server.url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.ok, `${method} ${path}: ${res.status} ${res.ok ? '' : await res.text()}`).toBe(true);
  return (res.status === 204 ? null : await res.json()) as T;
}

/** A calendar day some days from today, as the API writes it. */
function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Intl puts U+202F or U+00A0 in French numbers: compare text with plain spaces. */
function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

function euros(value: number): string {
  return plain(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(value));
}

/** The browser logs the refusals the test provokes (a 409): anything else is a real problem. */
function realProblems(problems: string[]): string[] {
  return problems.filter((p) => !/status of 409/.test(p));
}

/** A screenshot of the whole page: the window grows to the height of the app's scrolled content. */
async function wholePage(page: Page, name: string) {
  const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('*')].map((el) => el.scrollHeight)));
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height + 40, size.height), 3000) });
  await page.waitForTimeout(200);
  await screenshot(page, name);
  await page.setViewportSize(size);
}

function cell(page: Page, volunteerId: string, date: string) {
  return page.locator(`tr[data-volunteer="${volunteerId}"] td[data-date="${date}"]`);
}

async function tileValue(page: Page, scope: string, key: string): Promise<string> {
  return plain(await page.locator(`${scope} [data-total="${key}"] .totals__value`).textContent());
}

describe('hours in the browser', () => {
  const suite = useBrowserSuite();
  const today = day(0);
  const week = Array.from({ length: 7 }, (_, i) => day(i - 6));
  const ids = { project: '', other: '', sponsor: '', elodie: '', lukasz: '', olga: '' };

  it('starts from an association, a project and its team made through the API', async () => {
    const s = suite.server;
    const asso = await api<Ref>(s, '/api/organizations', 'POST', { kind: 'association', name: 'Œuvre de Besançon', city: 'Besançon' });
    const sponsor = await api<Ref>(s, '/api/organizations', 'POST', { kind: 'sponsor', name: 'Fondation Ștefan' });
    const project = await api<Ref>(s, '/api/projects', 'POST', {
      title: 'Comptabilité de l’épicerie solidaire',
      organizationId: asso.id,
      sponsorId: sponsor.id,
      startDate: day(-20),
      endDate: day(30),
      status: 'recruiting',
      skillsNeeded: [
        { name: 'Comptabilité', level: 'confirmed', people: 1 },
        { name: 'Traduction', level: 'beginner', people: 1 },
      ],
    });
    const other = await api<Ref>(s, '/api/projects', 'POST', { title: 'Site web du Secours', organizationId: asso.id });
    const elodie = await api<Ref>(s, '/api/volunteers', 'POST', {
      firstName: 'Élodie',
      lastName: 'Dubœuf',
      skills: [
        { name: 'Gestion de projet', level: 'confirmed' },
        { name: 'Comptabilité', level: 'expert' },
      ],
    });
    const lukasz = await api<Ref>(s, '/api/volunteers', 'POST', { firstName: 'Łukasz', lastName: 'Wiśniewski', skills: [{ name: 'Traduction', level: 'confirmed' }] });
    const olga = await api<Ref>(s, '/api/volunteers', 'POST', { firstName: 'Ольга', lastName: 'Петрова' });
    for (const v of [elodie, lukasz, olga]) {
      await api(s, `/api/projects/${project.id}/applications`, 'POST', { volunteerId: v.id, status: 'accepted' });
    }
    // Élodie already gave 22 hours today to another project: 3 more on this one would pass 24.
    await api(s, '/api/hours', 'POST', { volunteerId: elodie.id, projectId: other.id, date: today, hours: 22 });
    Object.assign(ids, { project: project.id, other: other.id, sponsor: sponsor.id, elodie: elodie.id, lukasz: lukasz.id, olga: olga.id });
  });

  it('fills the timesheet, shows a refused day on its cell, and saves once it is fixed', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/heures?projet=${ids.project}&du=${week[0]}&au=${week[6]}`);
    await page.locator(`tr[data-volunteer="${ids.olga}"]`).waitFor();
    // The team, each with the first of their skills the project needs.
    await expect.poll(() => page.locator(`tr[data-volunteer="${ids.elodie}"] .name__skill`).textContent()).toContain('Comptabilité');
    await expect.poll(() => page.locator(`tr[data-volunteer="${ids.lukasz}"] .name__skill`).textContent()).toContain('Traduction');
    // Tomorrow cannot be filled.
    await page.goto(`${suite.server.url}/heures?projet=${ids.project}&du=${week[1]}&au=${day(1)}`);
    await cell(page, ids.elodie, day(1)).waitFor();
    expect(await cell(page, ids.elodie, day(1)).locator('input').count()).toBe(0);
    expect(await cell(page, ids.elodie, day(1)).getAttribute('class')).toContain('is-locked');
    await page.goto(`${suite.server.url}/heures?projet=${ids.project}&du=${week[0]}&au=${week[6]}`);
    await page.locator(`tr[data-volunteer="${ids.olga}"]`).waitFor();

    await cell(page, ids.elodie, week[5]!).locator('input').fill('1,5');
    await cell(page, ids.elodie, today).locator('input').fill('3');
    await cell(page, ids.lukasz, week[4]!).locator('input').fill('1h30');
    // The keyboard: Enter goes down, an arrow to the next day.
    await cell(page, ids.lukasz, week[4]!).locator('input').press('ArrowRight');
    await page.keyboard.type('90min');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('2');
    expect(await cell(page, ids.lukasz, week[5]!).locator('input').inputValue()).toBe('90min');
    expect(await cell(page, ids.olga, today).locator('input').inputValue()).toBe('2');
    expect(plain(await page.locator('[data-total="all"]').textContent())).toBe('9,5 h');
    await page.locator('#timesheet-by').fill('Marie-Hélène');

    await page.getByRole('button', { name: 'Enregistrer la feuille' }).click();
    const refused = cell(page, ids.elodie, today);
    await expect.poll(() => refused.getAttribute('class')).toContain('is-error');
    const alert = page.getByRole('alert');
    await alert.getByText('La feuille de temps n’a pas été enregistrée').waitFor();
    await alert.getByText('Plus de 24 heures', { exact: false }).waitFor();
    await alert.getByText('22 h sont déjà saisies', { exact: false }).waitFor();
    // All or nothing: no entry of the timesheet was saved, and every typed time is still there.
    expect((await api<HourList>(suite.server, `/api/hours?projectId=${ids.project}`)).total).toBe(0);
    expect(await cell(page, ids.lukasz, week[4]!).locator('input').inputValue()).toBe('1h30');
    await wholePage(page, 'hours-timesheet-refused-fr');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 800 });
    await wholePage(page, 'hours-timesheet-refused-dark-1024');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // A time that is not one is refused before anything is sent.
    await cell(page, ids.elodie, today).locator('input').fill('deux');
    await page.getByRole('button', { name: 'Enregistrer la feuille' }).click();
    await alert.getByText('Ce n’est pas une durée', { exact: false }).waitFor();

    await cell(page, ids.elodie, today).locator('input').fill('2');
    await page.getByRole('button', { name: 'Enregistrer la feuille' }).click();
    await page.getByText('5 saisies enregistrées (8,5 h), en attente de validation.').waitFor();
    await expect.poll(() => refused.getAttribute('class')).not.toContain('is-error');
    const saved = await api<HourList>(suite.server, `/api/hours?projectId=${ids.project}&limit=20`);
    expect(saved.total).toBe(5);
    expect(saved.totals).toMatchObject({ hours: 8.5, pendingHours: 8.5, approvedHours: 0 });
    expect(saved.items.every((e) => e.status === 'pending' && e.enteredBy === 'Marie-Hélène')).toBe(true);
    expect(saved.items.filter((e) => e.skill === 'Comptabilité')).toHaveLength(2);
    // The cells are empty again, with what is already logged shown under them.
    expect(await cell(page, ids.elodie, today).locator('input').inputValue()).toBe('');
    await cell(page, ids.elodie, today).getByText('déjà 2 h').waitFor();
    await page.locator('[data-tab="review"] .tabs__count').getByText('6').waitFor();
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('shows the totals waiting, then approves and refuses in the review queue', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/heures/toutes?projet=${ids.project}`);
    await page.locator('tr[data-entry]').first().waitFor();
    expect(await tileValue(page, '', 'approved')).toBe('0 h');
    expect(await tileValue(page, '', 'pending')).toBe('8,5 h');
    expect(await tileValue(page, '', 'value')).toBe('0,00 €');

    await page.getByRole('link', { name: /À valider/ }).click();
    await page.waitForURL(/\/heures\/a-valider/);
    await page.getByText('6 saisies en attente · 30,5 h').waitFor();
    await page.getByRole('checkbox', { name: 'Tout sélectionner sur cette page' }).click();
    // Élodie's 22 hours on the other project stay for later.
    await page.locator('tr[data-entry]', { hasText: 'Site web du Secours' }).getByRole('checkbox').click();
    await page.getByText('5 saisies sélectionnées · 8,5 h', { exact: false }).waitFor();
    await page.locator('#review-by').fill('Marie-Hélène');
    await wholePage(page, 'hours-review-fr');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 800 });
    await wholePage(page, 'hours-review-dark-1024');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Valider la sélection' }).click();
    await page.getByText('5 saisies validées.').waitFor();
    await page.getByText('1 saisie en attente · 22 h').waitFor();

    // Refusing asks first.
    await page.locator('tr[data-entry]').getByRole('checkbox').click();
    await page.getByRole('button', { name: 'Refuser la sélection' }).click();
    const confirm = page.locator('.n-dialog');
    await confirm.getByText('Refuser 1 saisie (22 h) ?').waitFor();
    await confirm.getByRole('button', { name: 'Refuser' }).click();
    await page.getByText('Rien à valider').waitFor();

    const approved = await api<HourList>(suite.server, `/api/hours?projectId=${ids.project}&status=approved&limit=20`);
    expect(approved.total).toBe(5);
    expect(approved.items.every((e) => e.reviewedBy === 'Marie-Hélène')).toBe(true);
    expect(approved.totals.value).toBeGreaterThan(0);
    const rejected = await api<HourList>(suite.server, `/api/hours?projectId=${ids.other}&status=rejected`);
    expect(rejected.total).toBe(1);

    // The totals have moved: approved hours count and carry their value.
    await page.getByRole('link', { name: 'Toutes les heures' }).click();
    await page.waitForURL(/\/heures\/toutes\?projet=/);
    await expect.poll(() => tileValue(page, '', 'approved')).toBe('8,5 h');
    expect(await tileValue(page, '', 'pending')).toBe('0 h');
    expect(await tileValue(page, '', 'value')).toBe(euros(approved.totals.value));
    // The refused entry is found with the status filter, and sent back to pending.
    await page.goto(`${suite.server.url}/heures/toutes?statut=refusees`);
    const row = page.locator('tr[data-entry]', { hasText: 'Site web du Secours' });
    await row.getByText('Refusée').waitFor();
    await row.getByRole('button', { name: /Actions pour la saisie/ }).click();
    await page.locator('.n-dropdown-option', { hasText: 'Remettre en attente' }).click();
    await page.getByText('Saisie remise en attente.').waitFor();
    await page.getByText('Aucune saisie ne correspond').waitFor();
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('shows the project’s hours on its tab, per member, with a way to its timesheet', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    const approved = await api<HourList>(suite.server, `/api/hours?projectId=${ids.project}&status=approved`);
    await page.goto(`${suite.server.url}/projets/${ids.project}/heures`);
    const tab = page.locator('.hours-tab');
    await tab.locator('[data-member]').first().waitFor();
    expect(await tileValue(page, '.hours-tab', 'approved')).toBe('8,5 h');
    expect(await tileValue(page, '.hours-tab', 'value')).toBe(euros(approved.totals.value));
    expect(plain(await tab.locator(`[data-member="${ids.elodie}"] .num--approved`).textContent())).toBe('3,5 h');
    expect(plain(await tab.locator(`[data-member="${ids.lukasz}"] .num--approved`).textContent())).toBe('3 h');
    expect(plain(await tab.locator(`[data-member="${ids.olga}"] .num--approved`).textContent())).toBe('2 h');
    expect(await tab.locator('.latest__item').count()).toBe(5);
    await wholePage(page, 'hours-project-tab-fr');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 800 });
    await wholePage(page, 'hours-project-tab-dark-1024');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });

    await tab.getByRole('button', { name: 'Remplir la feuille de temps' }).click();
    await page.waitForURL(new RegExp(`/heures\\?projet=${ids.project}$`));
    await page.locator(`tr[data-volunteer="${ids.elodie}"]`).waitFor();
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('logs hours from a volunteer’s profile', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles/${ids.olga}`);
    const card = page.locator('.hours-card');
    await expect.poll(async () => plain(await card.locator('[data-total="approved"]').textContent())).toBe('2 h');
    await card.getByRole('button', { name: 'Saisir des heures' }).click();
    const modal = page.locator('.n-modal');
    await modal.getByText('Saisir des heures').first().waitFor();
    await modal.locator('#entry-project').click();
    await modal.locator('#entry-project').fill('épicerie');
    await page.locator('.n-base-select-option', { hasText: 'Comptabilité de l’épicerie solidaire' }).first().click();
    await modal.locator('#entry-date').fill(week[3]!.split('-').reverse().join('/'));
    await modal.locator('#entry-date').press('Enter');
    await modal.locator('#entry-hours').fill('45 min');
    await modal.getByText('Lu : 0,75 h').waitFor();
    await modal.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('0,75 h enregistrées pour Ольга Петрова', { exact: false }).waitFor();
    await expect.poll(async () => plain(await card.locator('[data-total="pending"]').textContent())).toBe('0,75 h');
    const hers = await api<HourList>(suite.server, `/api/hours?volunteerId=${ids.olga}&status=pending`);
    expect(hers.items.map((e) => e.hours)).toEqual([0.75]);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('changes the hourly values in the settings, with the source of the defaults', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    const before = await api<HourList>(suite.server, `/api/hours?projectId=${ids.project}&status=approved`);
    await page.goto(`${suite.server.url}/parametres?onglet=valorisation`);
    await page.locator('#rate-no-skill').waitFor();
    await page.getByText('article 238 bis du Code général des impôts', { exact: false }).waitFor();
    // Ольга's 2 hours have no skill: their value follows the no-skill rate.
    await page.locator('#rate-no-skill').fill('25');
    await page.locator('#rate-no-skill').blur();
    await page.locator('#rate-add-domain').click();
    await page.locator('.n-base-select-option', { hasText: 'Finance et comptabilité' }).click();
    await page.locator('tr[data-domain="finance"]').waitFor();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Valeurs des heures enregistrées.').waitFor();
    const rates = await api<{ noSkill: number; domains: { domain: string }[]; defaults: { noSkill: number } }>(
      suite.server,
      '/api/settings/hour-rates',
    );
    expect(rates.noSkill).toBe(25);
    expect(rates.domains.map((d) => d.domain)).toEqual(['finance']);
    // A new domain starts from the values for all domains: only the no-skill hours change value.
    const after = await api<HourList>(suite.server, `/api/hours?projectId=${ids.project}&status=approved`);
    expect(after.totals.value).toBeCloseTo(before.totals.value + 2 * (25 - rates.defaults.noSkill), 2);
    await wholePage(page, 'hours-settings-fr');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1024, height: 800 });
    await wholePage(page, 'hours-settings-dark-1024');

    // Back to the defaults: the form shows them, saving applies them.
    await page.getByRole('button', { name: 'Rétablir les valeurs par défaut' }).click();
    await page.getByText('Valeurs par défaut rétablies', { exact: false }).waitFor();
    expect(await page.locator('tr[data-domain="finance"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    // The first save's message may still be on screen: wait for the state line instead.
    await page.getByText('Les valeurs affichées sont celles utilisées.').waitFor();
    const restored = await api<{ noSkill: number; domains: unknown[]; defaults: { noSkill: number } }>(suite.server, '/api/settings/hour-rates');
    expect(restored.noSkill).toBe(restored.defaults.noSkill);
    expect(restored.domains).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });
});
