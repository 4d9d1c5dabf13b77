// Backups in a real Chromium against a real `civisphere serve`: back up now from Settings →
// Backups, change the association's name, restore the backup after the confirmation, and see
// the earlier name again — with the backup of the replaced state listed.
import { describe, expect, it } from 'vitest';
import { newPage, screenshot, useBrowserSuite, type Server } from './harness';

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
