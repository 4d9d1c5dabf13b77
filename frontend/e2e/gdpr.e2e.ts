// Personal data (GDPR), in a real Chromium against a real `civisphere serve`: a volunteer's data
// exported as JSON from their profile, then erased once their name is typed; they are no longer
// found by search, and the dashboard's hours are the same as before. The Données personnelles
// tab of Paramètres shows the erasure in its figures and its audit log.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

interface Ref {
  id: string;
}

interface Dashboard {
  thisYear: { approvedHours: number; pendingHours: number; value: number };
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

function day(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function plain(text: string | null): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The approved hours of the period, as the home page's dashboard writes them. */
async function periodTotals(page: Page, server: Server): Promise<string> {
  await page.goto(`${server.url}/`);
  const totals = page.getByTestId('period-totals');
  await totals.waitFor();
  return plain(await totals.textContent());
}

describe('personal data in the browser', () => {
  const suite = useBrowserSuite();
  const name = 'Éléonore Ζαχαρίου';
  const ids = { eleonore: '', olga: '' };

  it('starts from a project with approved hours of two volunteers, made through the API', async () => {
    const s = suite.server;
    const asso = await api<Ref>(s, '/api/organizations', 'POST', { kind: 'association', name: 'Œuvre de Besançon', city: 'Besançon' });
    const project = await api<Ref>(s, '/api/projects', 'POST', {
      title: 'Aide aux devoirs',
      organizationId: asso.id,
      startDate: day(-20),
      endDate: day(30),
      status: 'recruiting',
    });
    const eleonore = await api<Ref>(s, '/api/volunteers', 'POST', {
      firstName: 'Éléonore',
      lastName: 'Ζαχαρίου',
      email: 'eleonore.zachariou@exemple.gr',
      city: 'Θεσσαλονίκη',
      skills: [{ name: 'Traduction', level: 'expert' }],
      consents: [{ kind: 'contact', given: true }],
    });
    const olga = await api<Ref>(s, '/api/volunteers', 'POST', { firstName: 'Ольга', lastName: 'Иванова', city: 'Besançon' });
    for (const v of [eleonore, olga]) {
      await api(s, `/api/projects/${project.id}/applications`, 'POST', { volunteerId: v.id, status: 'accepted' });
      const entry = await api<Ref>(s, '/api/hours', 'POST', { volunteerId: v.id, projectId: project.id, date: day(-1), hours: 3.5, note: 'Séance du soir' });
      await api(s, `/api/hours/${entry.id}/approve`, 'POST', {});
    }
    Object.assign(ids, { eleonore: eleonore.id, olga: olga.id });
    const found = await api<{ total: number }>(s, `/api/volunteers?q=${encodeURIComponent('Ζαχαρίου')}`);
    expect(found.total).toBe(1);
  });

  it('exports the data from the profile, erases the person once the name is typed, and keeps the hours', async () => {
    const s = suite.server;
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    const before = await api<Dashboard>(s, '/api/dashboards/association');
    expect(before.thisYear.approvedHours).toBe(7);
    const totalsBefore = await periodTotals(page, s);
    expect(totalsBefore).toContain('7 h');

    await page.goto(`${s.url}/benevoles/${ids.eleonore}`);
    const card = page.getByTestId('privacy-card');
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'gdpr-profile-fr');

    // The JSON export: everything held, as a file.
    const downloading = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Exporter ses données (JSON)' }).click();
    const download = await downloading;
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      profile: { firstName: string; lastName: string; email: string };
      hours: { hours: number; note: string }[];
      applications: { projectTitle: string }[];
      consents: { kind: string }[];
      auditEntries: { action: string }[];
    };
    expect(data.profile).toMatchObject({ firstName: 'Éléonore', lastName: 'Ζαχαρίου', email: 'eleonore.zachariou@exemple.gr' });
    expect(data.hours).toEqual([expect.objectContaining({ hours: 3.5, note: 'Séance du soir' })]);
    expect(data.applications.map((a) => a.projectTitle)).toEqual(['Aide aux devoirs']);
    expect(data.consents.map((c) => c.kind)).toEqual(['contact']);
    expect(data.auditEntries.map((e) => e.action)).toContain('volunteer.exported');

    // Erasure: the button waits for the person's name.
    await card.getByRole('button', { name: 'Effacer définitivement' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Effacer définitivement ${name} ?`).waitFor();
    const confirm = dialog.getByRole('button', { name: 'Effacer définitivement' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('Eleonore Zachariou');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill('éléonore ζαχαρίου');
    await page.waitForTimeout(300);
    await screenshot(page, 'gdpr-erase-confirm-fr');
    expect(await confirm.isDisabled()).toBe(false);
    await confirm.click();
    await page.waitForURL((url) => url.pathname === '/benevoles');
    await page.getByText(`${name} a été effacé(e) partout.`).waitFor();

    // No longer found by search, in the page and through the API.
    await page.goto(`${s.url}/benevoles?q=${encodeURIComponent('Ζαχαρίου')}`);
    await page.getByText('Aucun bénévole ne correspond').waitFor();
    for (const q of ['Ζαχαρίου', 'Éléonore', 'eleonore']) {
      expect((await api<{ total: number }>(s, `/api/volunteers?status=all&q=${encodeURIComponent(q)}`)).total).toBe(0);
    }
    const res = await fetch(`${s.url}/api/volunteers/${ids.eleonore}`);
    expect(res.status).toBe(404);

    // The hours stay, anonymous: the dashboard's totals have not moved.
    const after = await api<Dashboard>(s, '/api/dashboards/association');
    expect(after.thisYear).toEqual(before.thisYear);
    expect(await periodTotals(page, s)).toBe(totalsBefore);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the erasure in the personal-data settings, in French and in English', async () => {
    const s = suite.server;
    for (const [locale, tab, erased, action] of [
      ['fr-FR', 'Données personnelles', 'Personnes effacées', 'Personne effacée'],
      ['en-GB', 'Personal data', 'People erased', 'Person erased'],
    ] as const) {
      const { context, page, problems } = await newPage(suite.browser, locale);
      if (locale === 'en-GB') await api(s, '/api/settings/preferences', 'PUT', { locale: 'en', theme: 'light' });
      await page.goto(`${s.url}/parametres?onglet=donnees-personnelles`);
      await page.getByText(tab, { exact: true }).first().waitFor();
      const counts = page.getByTestId('privacy-counts');
      await counts.waitFor();
      expect(plain(await counts.textContent())).toContain(`${erased}1`);
      await page.getByTestId('audit-log').getByText(action).first().waitFor();
      await page.getByTestId('retention-preview').click();
      await page.getByTestId('retention-list').waitFor();
      await page.setViewportSize({ width: 1280, height: 2000 });
      await screenshot(page, `gdpr-settings-${locale}`);
      expect(problems).toEqual([]);
      await context.close();
    }
    await api(s, '/api/settings/preferences', 'PUT', { locale: '', theme: 'system' });
  });
});
