// Hours become figures a sponsor reads, in a real Chromium against a real `civisphere serve`:
// hours logged and approved, the dashboard's month figure changing with them, then on the
// reports page the sponsor's preview, the impact report written with progress and saved as a
// PDF (read back with pdftotext: the volunteer who agreed is named, the other is not), and the
// hours workbook downloaded.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

async function send<T>(server: Server, method: string, path: string, body: unknown, status: number): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status);
  return (await res.json()) as T;
}

function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function monthFigure(page: Page): Promise<string> {
  const card = page.locator('.key-figure', { hasText: 'Heures validées ce mois-ci' });
  await card.waitFor();
  return (await card.locator('.key-figure__value').innerText()).replace(/\s/g, ' ').trim();
}

describe('hours to impact report', () => {
  const suite = useBrowserSuite();

  it('log and approve hours → the dashboard changes → preview, PDF and workbook for the sponsor', async () => {
    const server = suite.server;
    const asso = await send<{ id: string }>(server, 'POST', '/api/organizations', { kind: 'association', name: 'Œuvre de Besançon', city: 'Besançon' }, 201);
    const sponsor = await send<{ id: string }>(server, 'POST', '/api/organizations', { kind: 'sponsor', name: 'Fondation Ștefan' }, 201);
    const project = await send<{ id: string }>(server, 'POST', '/api/projects', {
      title: 'Comptabilité de l’épicerie', organizationId: asso.id, sponsorId: sponsor.id, startDate: daysAgo(90), beneficiaries: 85,
    }, 201);
    const elodie = await send<{ id: string }>(server, 'POST', '/api/volunteers', {
      firstName: 'Élodie', lastName: 'Dubœuf', skills: [{ name: 'comptabilité', level: 'expert' }], consents: [{ kind: 'sponsorNames', given: true }],
    }, 201);
    const olga = await send<{ id: string }>(server, 'POST', '/api/volunteers', { firstName: 'Ольга', lastName: 'Иванова' }, 201);

    const { page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${server.url}/`);
    expect(await monthFigure(page)).toBe('0 h');

    // Today's hours: one entry each, approved together.
    const today = daysAgo(0);
    const batch = await send<{ items: { id: string }[] }>(server, 'POST', '/api/hours/batch', {
      entries: [
        { volunteerId: elodie.id, projectId: project.id, date: today, hours: 2.5, skill: 'compta' },
        { volunteerId: olga.id, projectId: project.id, date: today, hours: 1.5 },
      ],
    }, 201);
    await page.reload();
    expect(await monthFigure(page)).toBe('0 h'); // pending hours are not approved hours
    await send(server, 'POST', '/api/hours/review', { ids: batch.items.map((e) => e.id), status: 'approved', reviewer: 'Marie' }, 200);
    await page.reload();
    expect(await monthFigure(page)).toBe('4 h');
    await screenshot(page, 'dashboard-with-hours');

    // The reports page, for the sponsor.
    await page.goto(`${server.url}/rapports`);
    await page.locator('#report-sponsor').click();
    await page.keyboard.type('Ștefan');
    await page.getByText('Fondation Ștefan', { exact: true }).last().click();
    const preview = page.getByTestId('report-preview');
    await expect.poll(async () => preview.innerText(), { timeout: 10_000 }).toContain('Fondation Ștefan');
    const text = await preview.innerText();
    expect(text).toContain('Comptabilité de l’épicerie');
    expect(text).toContain('Élodie Dubœuf');
    expect(text).not.toContain('Ольга');

    await page.getByRole('button', { name: 'Générer le PDF' }).click();
    const save = page.getByRole('button', { name: 'Enregistrer le PDF' });
    await save.waitFor({ timeout: 30_000 });
    const pdfDownload = page.waitForEvent('download');
    await save.click();
    const pdfPath = (await (await pdfDownload).path())!;
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdfText).toContain('Fondation Ștefan');
    expect(pdfText).toContain('Élodie Dubœuf');
    expect(pdfText).not.toContain('Ольга');
    expect(pdfText).toContain('Comptabilité de l’épicerie');
    const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');

    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('export-hours').click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toMatch(/^heures-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync((await xlsx.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('xl/worksheets/sheet1.xml'))).toBe(true);
    await screenshot(page, 'reports-page');

    expect(problems).toEqual([]);
  });
});
