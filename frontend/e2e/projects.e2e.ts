// Projects and organizations as a coordinator uses them, in a real Chromium against a real
// `civisphere serve`: an association (with its logo) and a sponsor with a program made through the
// forms, a project described with two skills and its dates (an end before the start refused at
// once), found in the list with the status chips, moved from draft to recruiting from its page (a
// refused move explained), its agenda filled and ticked, the calendar of all projects, the .ics,
// and the same pages in the dark theme and in English.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, png, screenshot, useBrowserSuite, type Server } from './harness';

const associationName = 'Les Jardins de l’Œuvre — Besançon';
const sponsorName = 'Fondation Œuvre Commune';
const programName = 'Mécénat de compétences 2027';
const projectTitle = 'Une comptabilité simple pour Ольга et Nguyễn';
const milestoneTitle = 'Tableur partagé en place';
const taskTitle = 'Rassembler les factures de l’année';

interface Project {
  id: string;
  title: string;
  organizationId: string;
  sponsorId: string;
  programId: string;
  status: string;
  startDate: string;
  endDate: string;
  causes: string[];
  skillsNeeded: { id: string; name: string; level: string; people: number }[];
  schedule: Record<string, unknown>;
  nextStatuses: string[];
}

async function api<T>(server: Server, path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { 'Accept-Language': 'fr', 'Content-Type': 'application/json', Origin: server.url },
  });
  expect(res.ok, `${init?.method ?? 'GET'} ${path}: ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

async function theProject(server: Server): Promise<Project> {
  const list = await api<{ items: Project[] }>(server, '/api/projects?limit=5');
  const found = list.items.find((p) => p.title === projectTitle);
  expect(found, 'the project was not created').toBeDefined();
  return found!;
}

/** A date some days from today, as the API (2026-12-01) and as typed in the form (01/12/2026). */
function daysFromNow(days: number): { iso: string; typed: string } {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const [y, m, day] = [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')];
  return { iso: `${y}-${m}-${day}`, typed: `${day}/${m}/${y}` };
}

async function typeDate(page: Page, selector: string, typed: string) {
  await page.locator(selector).fill(typed);
  await page.locator(selector).press('Enter');
}

/** Types in a select that searches the server, then picks the option. */
async function pick(page: Page, selector: string, text: string, option: string) {
  await page.locator(selector).click();
  await page.locator(selector).fill(text);
  await page.locator('.n-base-select-option', { hasText: option }).first().click();
}

/** The browser logs the refusals the test provokes (a 409): anything else is a real problem. */
function realProblems(problems: string[]): string[] {
  return problems.filter((p) => !/status of 409/.test(p));
}

describe('projects and organizations in the browser', () => {
  const suite = useBrowserSuite();

  it('starts with an empty list that explains what a project is', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/projets`);
    await page.getByText('Aucun projet pour l’instant').waitFor();
    await page.getByText('un besoin concret d’une association', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Faire le diagnostic des besoins' }).waitFor();
    await page.getByRole('button', { name: 'Décrire un projet' }).waitFor();
    await screenshot(page, 'projects-empty-fr');
    await page.goto(`${suite.server.url}/organisations`);
    await page.getByText('Aucune association pour l’instant').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('adds an association with its logo, and a sponsor with a program', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/organisations`);
    await page.locator('.page-header').getByRole('button', { name: 'Nouvelle association' }).click();
    await page.waitForURL(/\/organisations\/nouvelle$/);
    await page.locator('input[name="name"]').fill(associationName);
    await page.getByRole('button', { name: 'Catégorie : Non précisée' }).click();
    await page.locator('.n-base-select-option', { hasText: 'Entreprise sociale' }).click();
    await page.locator('input[name="city"]').fill('Besançon');
    await page.locator('input[name="postcode"]').fill('25000');
    await page.locator('input[name="contactName"]').fill('Élodie Martin');
    await page.locator('input[name="contactEmail"]').fill('elodie@jardins-oeuvre.fr');
    await page.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(24, 24, [15, 118, 110]) });
    await page.getByText('Nouveau logo : il sera enregistré avec la fiche.').waitFor();
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/organisations\/\d+$/);
    await page.getByRole('heading', { level: 1, name: associationName }).waitFor();
    await page.locator('main').getByText('Entreprise sociale').waitFor();
    await page.locator('main').getByRole('link', { name: 'elodie@jardins-oeuvre.fr' }).waitFor();
    expect(await page.locator('main img.org-logo').getAttribute('src')).toMatch(/^\/api\/organizations\/\d+\/logo\?v=/);

    // A sponsor, from the other side of the kind switch.
    await page.goto(`${suite.server.url}/organisations`);
    await page.getByText('Mécènes', { exact: true }).click();
    await page.waitForURL(/type=mecenes/);
    await page.getByText('Aucun mécène pour l’instant').waitFor();
    await page.locator('.page-header').getByRole('button', { name: 'Nouveau mécène' }).click();
    await page.waitForURL(/\/organisations\/nouvelle\?type=mecenes$/);
    await page.locator('input[name="name"]').fill(sponsorName);
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.waitForURL(/\/organisations\/\d+$/);
    await page.getByRole('heading', { level: 1, name: sponsorName }).waitFor();

    // Its program, in a modal; an end before the start is refused at once.
    await page.getByRole('button', { name: 'Nouveau programme' }).click();
    const modal = page.locator('.n-modal');
    await modal.locator('input[name="programName"]').fill(programName);
    await typeDate(page, '#programStart', '01/01/2027');
    await typeDate(page, '#programEnd', '31/12/2026');
    await modal.getByText('La date de fin est avant la date de début.').waitFor();
    await typeDate(page, '#programEnd', '31/12/2027');
    await modal.getByRole('button', { name: 'Créer le programme' }).click();
    const program = page.locator(`[data-program="${programName}"]`);
    await program.waitFor();
    await program.getByText('Du 01/01/2027 au 31/12/2027').waitFor();

    const sponsors = await api<{ items: { id: string; kind: string }[] }>(suite.server, '/api/organizations?kind=sponsor');
    expect(sponsors.items).toHaveLength(1);
    const programs = await api<{ items: { name: string; startDate: string }[] }>(suite.server, `/api/programs?sponsorId=${sponsors.items[0]!.id}`);
    expect(programs.items.map((p) => [p.name, p.startDate])).toEqual([[programName, '2027-01-01']]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('describes a project with two skills and its dates, refusing an end before the start', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/projets`);
    await page.getByRole('button', { name: 'Décrire un projet' }).click();
    await page.waitForURL(/\/projets\/nouveau$/);

    await page.locator('input[name="title"]').fill(projectTitle);
    await pick(page, '#organizationId', 'Jardins', associationName);
    await pick(page, '#sponsorId', 'Œuvre', sponsorName);
    await page.locator('#programId').click();
    await page.locator('.n-base-select-option', { hasText: programName }).click();
    await page.locator('textarea[name="description"]').fill('Passer du cahier à un tableur partagé.\nFormer deux bénévoles.');

    await page.locator('#skill-picker').fill('compta');
    await page.locator('.n-base-select-option', { hasText: 'Comptabilité' }).first().click();
    const accounting = page.locator('.skill-row', { hasText: 'Comptabilité' });
    await accounting.getByRole('button', { name: 'Niveau minimum en Comptabilité : Intermédiaire' }).click();
    await page.locator('.n-base-select-option', { hasText: 'Confirmé' }).click();
    await accounting.locator('input[name="people-0"]').fill('2');
    await page.locator('#skill-picker').fill('graph');
    await page.locator('.n-base-select-option', { hasText: 'Graphisme' }).first().click();
    const design = page.locator('.skill-row', { hasText: 'Graphisme' });
    await design.waitFor();
    await design.locator('input[name="people-1"]').fill('3');
    await design.locator('input[name="people-1"]').blur();

    await page.getByRole('checkbox', { name: 'Culture' }).check();
    await page.getByRole('checkbox', { name: 'Jeudi' }).check();
    await page.locator('#hoursPerMonth').fill('6');
    await page.getByText('À distance', { exact: true }).click();

    // The end before the start: said under the field at once, and nothing is sent.
    await typeDate(page, '#startDate', '01/12/2026');
    await typeDate(page, '#endDate', '15/11/2026');
    await page.getByText('La date de fin est avant la date de début.').waitFor();
    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.getByRole('alert').getByText('Le projet n’a pas été enregistré').waitFor();
    expect((await api<{ total: number }>(suite.server, '/api/projects')).total).toBe(0);
    await typeDate(page, '#endDate', '31/03/2027');
    await page.getByText('La date de fin est avant la date de début.').waitFor({ state: 'detached' });
    await page.locator('.skill-rows').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-form-fr');

    await page.getByRole('button', { name: 'Créer le projet' }).click();
    await page.waitForURL(/\/projets\/\d+$/);
    await page.getByRole('heading', { level: 1, name: projectTitle }).waitFor();

    const project = await theProject(suite.server);
    expect(project).toMatchObject({ status: 'draft', startDate: '2026-12-01', endDate: '2027-03-31', causes: ['culture'] });
    expect(project.skillsNeeded.map((s) => [s.id, s.level, s.people])).toEqual([
      ['accounting', 'confirmed', 2],
      ['graphic-design', 'intermediate', 3],
    ]);
    expect(project.schedule).toMatchObject({ days: ['thursday'], hoursPerMonth: 6, mode: 'remote' });
    expect(project.programId).not.toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds the project in the list with the status chips, and moves it to recruiting from its page', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/projets`);
    const card = page.locator('.project-card', { hasText: projectTitle });
    await card.waitFor();
    await card.getByText(associationName).waitFor();
    await card.getByText(`${sponsorName} · ${programName}`).waitFor();
    await card.getByText('Du 01/12/2026 au 31/03/2027').waitFor();
    const needs = await card.locator('.need').evaluateAll((els) => els.map((el) => (el.textContent ?? '').replace(/\s+/g, '')));
    expect(needs).toEqual(['ComptabilitéConfirmé2', 'GraphismeIntermédiaire3']);

    // Drafts hidden: the list says so and the address keeps it; shown again.
    const drafts = page.locator('.statuses button[data-status="draft"]');
    expect(await drafts.innerText()).toMatch(/Brouillon\s*1/);
    await drafts.click();
    await page.waitForURL((url) => url.searchParams.getAll('statut').join(',') === 'recrutement,en-cours,termine');
    await page.getByText('Aucun projet ne correspond').waitFor();
    await page.reload();
    await page.getByText('Aucun projet ne correspond').waitFor();
    await page.locator('.statuses button[data-status="draft"]').click();
    await page.waitForURL((url) => url.pathname === '/projets' && url.search === '');
    await card.waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-list-fr');

    await card.getByRole('link', { name: projectTitle }).click();
    await page.waitForURL(/\/projets\/\d+$/);
    const status = page.locator('.head .status-tag');
    expect(await status.innerText()).toBe('Brouillon');
    await page.getByRole('button', { name: 'Ouvrir le recrutement' }).click();
    await page.getByText('Projet passé à l’état « En recrutement ».').waitFor();
    await expect.poll(() => status.innerText()).toBe('En recrutement');
    expect((await theProject(suite.server)).status).toBe('recruiting');

    // Someone cancels it meanwhile: starting it is refused with the server's reason, and the
    // page shows where it stands; it is taken up again as a draft, then opened again.
    const project = await theProject(suite.server);
    const { title, organizationId, sponsorId, programId, startDate, endDate, causes, schedule } = project;
    await api(suite.server, `/api/projects/${project.id}`, {
      method: 'PUT',
      body: JSON.stringify({
        title,
        organizationId,
        sponsorId,
        programId,
        startDate,
        endDate,
        causes,
        schedule,
        skillsNeeded: project.skillsNeeded.map((s) => ({ id: s.id, level: s.level, people: s.people })),
        status: 'cancelled',
      }),
    });
    await page.getByRole('button', { name: 'Démarrer' }).click();
    const refused = page.getByRole('alert');
    await refused.getByText('Le statut n’a pas changé').waitFor();
    await refused.getByText('ne peut pas passer', { exact: false }).waitFor();
    await expect.poll(() => status.innerText()).toBe('Annulé');
    await page.getByRole('button', { name: 'Reprendre en brouillon' }).click();
    await expect.poll(() => status.innerText()).toBe('Brouillon');
    await page.getByRole('button', { name: 'Ouvrir le recrutement' }).click();
    await expect.poll(() => status.innerText()).toBe('En recrutement');
    await page.getByRole('link', { name: associationName }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-page-overview-fr');
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('fills the agenda, ticks a milestone, shows it in the calendar and gives the .ics', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    const project = await theProject(suite.server);
    const due = daysFromNow(2);
    await page.goto(`${suite.server.url}/projets/${project.id}`);
    await page.locator('nav.tabs').getByRole('link', { name: 'Agenda' }).click();
    await page.waitForURL(/\/agenda$/);

    const milestones = page.locator('[data-agenda="milestones"]');
    await milestones.getByText('Aucun jalon pour l’instant', { exact: false }).waitFor();
    // A milestone needs a date: said next to the field.
    await page.locator('#milestone-title').fill(milestoneTitle);
    await milestones.getByRole('button', { name: 'Ajouter' }).click();
    await milestones.getByText('Choisissez une date.').waitFor();
    await typeDate(page, '#milestone-date', due.typed);
    await milestones.getByRole('button', { name: 'Ajouter' }).click();
    await milestones.locator(`.item[data-title="${milestoneTitle}"]`).waitFor();

    const tasks = page.locator('[data-agenda="tasks"]');
    await tasks.getByText('L’équipe est encore vide', { exact: false }).waitFor();
    await page.locator('#task-title').fill(taskTitle);
    await typeDate(page, '#task-date', due.typed);
    await tasks.getByRole('button', { name: 'Ajouter' }).click();
    await tasks.locator(`.item[data-title="${taskTitle}"]`).waitFor();

    await page.getByRole('checkbox', { name: `« ${milestoneTitle} » fait` }).click();
    await milestones.getByText('1 sur 1 atteints').waitFor();
    await expect
      .poll(async () => (await api<{ items: { title: string; done: boolean }[] }>(suite.server, `/api/projects/${project.id}/milestones`)).items)
      .toEqual([expect.objectContaining({ title: milestoneTitle, done: true })]);
    const savedTasks = await api<{ items: { title: string; dueDate: string; done: boolean }[] }>(suite.server, `/api/projects/${project.id}/tasks`);
    expect(savedTasks.items).toEqual([expect.objectContaining({ title: taskTitle, dueDate: due.iso, done: false })]);
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-page-agenda-fr');

    // The project's agenda as a file for Outlook or a phone.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`agenda-projet-${project.id}.ics`);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`DTSTART;VALUE=DATE:${due.iso.replace(/-/g, '')}`);
    expect(ics).toContain(milestoneTitle);

    // The calendar of all projects: the month of the milestone, then the list of what comes.
    await page.goto(`${suite.server.url}/projets/agenda?mois=${due.iso.slice(0, 7)}`);
    const day = page.locator(`.day[data-date="${due.iso}"]`);
    await day.getByText(milestoneTitle).waitFor();
    await day.getByText(taskTitle).waitFor();
    expect(await day.locator('.entry--done').count()).toBe(1);
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-calendar-fr');
    await page.getByText('Liste', { exact: true }).click();
    await page.waitForURL(/vue=liste/);
    const comingUp = page.locator('.list__section', { hasText: 'À venir' });
    await comingUp.getByText(taskTitle).waitFor();
    // A done milestone is no longer “to come”.
    expect(await comingUp.getByText(milestoneTitle).count()).toBe(0);
    await comingUp.getByRole('link', { name: projectTitle }).first().click();
    await page.waitForURL(new RegExp(`/projets/${project.id}/agenda$`));

    // The sponsor's page lists the project under its program.
    await page.goto(`${suite.server.url}/organisations/${project.sponsorId}`);
    await page.locator(`[data-program="${programName}"]`).getByRole('link', { name: projectTitle }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-organization-fr');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('looks finished in the dark theme and in English', async () => {
    const { context, page, problems } = await newPage(suite.browser, 'en-GB');
    await page.emulateMedia({ colorScheme: 'dark' });
    const project = await theProject(suite.server);
    await page.goto(`${suite.server.url}/projets/${project.id}/agenda`);
    await page.getByRole('button', { name: 'Add to my calendar (.ics)' }).waitFor();
    await page.getByText('1 of 1 reached').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-page-agenda-dark-en');

    await page.goto(`${suite.server.url}/projets`);
    await page.locator('.project-card', { hasText: projectTitle }).getByText('Recruiting').waitFor();
    await page.getByText('1 project', { exact: true }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-list-dark-en');

    await page.goto(`${suite.server.url}/projets/agenda`);
    await page.getByRole('button', { name: 'Download (.ics)' }).waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'projects-calendar-dark-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
