// Backups in a real Chromium against a real `civisphere serve`: back up now from Settings →
// Backups, change the association's name, restore the backup after the confirmation, and see
// the earlier name again — with the backup of the replaced state listed.
import { openSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

/** Overwrites every page after the first with noise, as a failing disk would. */
function damageDatabase(dataDir: string) {
  const path = join(dataDir, 'civisphere.db');
  const size = statSync(path).size;
  const noise = Buffer.alloc(size - 4096);
  let x = 2463534242;
  for (let i = 0; i < noise.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    noise[i] = x & 0xff;
  }
  const fd = openSync(path, 'r+');
  writeSync(fd, noise, 0, noise.length, 4096);
  closeSync(fd);
}

const before = 'Œuvre des Jardins de Besançon';
const after = 'Ольга & Ελένη — nouveau nom';

async function saveName(server: Server, name: string) {
  const res = await fetch(`${server.url}/api/settings/organization`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(res.status).toBe(200);
}

async function nameFromAPI(server: Server): Promise<string> {
  const res = await fetch(`${server.url}/api/settings/organization`);
  return ((await res.json()) as { name: string }).name;
}

describe('backups in the browser', () => {
  const suite = useBrowserSuite();

  it('backs up now, restores, and shows the earlier state', async () => {
    await saveName(suite.server, before);
    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/parametres?onglet=sauvegardes`);
    // The daily backup was taken when the server started.
    await page.getByText('Quotidienne', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await page.getByText('Manuelle', { exact: true }).first().waitFor();
    await screenshot(page, 'browser-backups-fr');

    await saveName(suite.server, after);
    expect(await nameFromAPI(suite.server)).toBe(after);

    await page.locator('tr', { hasText: 'Manuelle' }).getByRole('button', { name: 'Restaurer' }).click();
    await page.getByText('Une sauvegarde de l’état actuel est faite d’abord').first().waitFor();
    await page.waitForTimeout(400); // let the dialog's opening transition end before the picture
    await screenshot(page, 'browser-backups-restore-dialog-fr');
    await page.getByRole('dialog').getByRole('button', { name: 'Restaurer' }).click();
    await page.getByText('Avant restauration', { exact: true }).first().waitFor();

    expect(await nameFromAPI(suite.server)).toBe(before);
    await page.goto(`${suite.server.url}/parametres`);
    await page.locator('input[name="name"]').waitFor();
    expect(await page.locator('input[name="name"]').inputValue()).toBe(before);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a damaged database in the browser', () => {
  const suite = useBrowserSuite();

  it('shows the recovery screen and restores the latest backup', async () => {
    await saveName(suite.server, before);
    const made = await fetch(`${suite.server.url}/api/backups`, { method: 'POST' });
    expect(made.status).toBe(201);
    await suite.server.stop();
    damageDatabase(suite.server.dataDir);
    await suite.restartServer();

    const { context, page, problems } = await newPage(suite.browser, 'fr-FR');
    await page.goto(`${suite.server.url}/benevoles`);
    await page.getByRole('heading', { name: 'La base de données est endommagée' }).waitFor();
    await page.getByText('la plus récente', { exact: true }).waitFor();
    await screenshot(page, 'browser-recovery-fr');
    await page.getByRole('button', { name: 'Restaurer' }).first().click();
    await page.getByText('Ce qui a été saisi après elle sera perdu').waitFor();
    await page.getByRole('button', { name: 'Restaurer' }).last().click();
    await page.getByText('Sauvegarde restaurée').waitFor();

    // The page reloads into the app, on the restored data.
    await page.waitForURL(/\/benevoles/);
    await page.getByRole('heading', { name: 'La base de données est endommagée' }).waitFor({ state: 'detached', timeout: 15_000 });
    expect(await nameFromAPI(suite.server)).toBe(before);
    // The failed API calls are the recovery screen's refusals, not the app's.
    expect(problems.filter((p) => !p.includes('503'))).toEqual([]);
    await context.close();
  });
});
