/**
 * Issue 20, bulk RACI in the app: select assets in the grid, Set RACI… on one layer, one step;
 * an asset the rules refuse is listed in the dialog (asset, layer, why) and left as it was; a
 * selection under several responsibility models chooses the layer per model. Screenshot + axe.
 */
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { workbookReport } from '@main/services/report';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { seedWorkshopWorkbook } from '@tests/helpers/e2e/workbench-seed';
import { fixedClock } from '@tests/helpers/temp';
import { wholeReport } from '@tests/helpers/whole-report';

const { launch } = useHarness();

const grid = (page: Page) => page.getByRole('grid', { name: 'Assets' });
const dataRows = (page: Page) => grid(page).locator('[role=row][data-loaded=true]');

function layerOf(app: AppUnderTest, name: string, layerId: string) {
  const report = wholeReport(workbookReport(app.session.require(), { clock: fixedClock(), osUser: 'e2e-user' }));
  return report.assets.find((a) => a.name === name)!.layers.find((l) => l.layerId === layerId)!;
}
const operatingSystem = (app: AppUnderTest, name: string) => layerOf(app, name, 'operating-system');
const changeCount = (app: AppUnderTest) => (app.session.require().db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

describe('bulk RACI', () => {
  it('sets R and A on one layer of the selected assets in one step, and lists the assets the rules refuse', async () => {
    const app = await launch();
    const seeded = seedWorkshopWorkbook(app.dir);
    const file = new Database(seeded.path);
    const setModel = file.prepare('UPDATE assets SET model_id = ? WHERE name = ?');
    setModel.run('google-cloud-2023-08', 'vm-web-04');
    setModel.run('microsoft-classic-2023', 'vm-web-05');
    file.close();
    app.dialogs.openPaths.push(seeded.path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Inventory' }).click();
    // By name: aks-main, app-shop-api, … (PaaS and others) first, then vm-web-01… (IaaS) from the ninth row.
    await grid(page).getByRole('button', { name: 'Name', exact: true }).click();
    await expect.poll(() => dataRows(page).count()).toBeGreaterThan(14);
    const nameOf = async (n: number) => ((await dataRows(page).nth(n).getByRole('gridcell').nth(1).textContent()) ?? '').trim();
    expect(await nameOf(0)).toBe('aks-main');
    const vms = [await nameOf(8), await nameOf(9), await nameOf(10)];
    expect(vms).toEqual(['vm-web-01', 'vm-web-02', 'vm-web-03']);
    await dataRows(page).nth(8).click();
    await dataRows(page).nth(10).click({ modifiers: ['Shift'] });
    await page.getByText('3 selected').waitFor();

    await page.getByRole('button', { name: 'Set RACI…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set RACI' });
    await expect.poll(() => dialog.getByTestId('bulk-count').textContent()).toContain('3 assets');
    await dialog.getByLabel('Layer').selectOption({ label: 'Operating system' });
    await dialog.getByLabel('Responsible').selectOption({ label: 'Platform Team' });
    await dialog.getByLabel('Accountable').selectOption({ label: 'Alice Martin' });
    await docScreenshot(app, 'inventory-bulk-raci');
    expect(await scanScreen(page, 'inventory-bulk-raci')).toEqual([]);
    await dialog.getByRole('button', { name: 'Set RACI on 3 assets' }).click();
    await page.getByRole('status').getByText('RACI of "Operating system" on 3 assets: Responsible: Platform Team; Accountable: Alice Martin').waitFor();
    for (const name of vms) expect(operatingSystem(app, name)).toMatchObject({ R: ['Platform Team'], A: ['Alice Martin'] });

    // The provider alone as Responsible: taken where the layer is the provider's (aks-main, PaaS),
    // refused where it is the customer's (the VMs), which are listed and left as they were.
    await dataRows(page).nth(0).click({ modifiers: ['Control'] });
    await page.getByText('4 selected').waitFor();
    await page.getByRole('button', { name: 'Set RACI…' }).click();
    const again = page.getByRole('dialog', { name: 'Set RACI' });
    await again.getByLabel('Layer').selectOption({ label: 'Operating system' });
    await again.getByLabel('Responsible').selectOption({ label: 'Microsoft' });
    await again.getByRole('button', { name: 'Set RACI on 4 assets' }).click();
    const refusals = again.getByRole('status');
    await refusals.getByText('Refused on 3 assets: left as they were').waitFor();
    await docScreenshot(app, 'inventory-bulk-raci-refused');
    expect(await scanScreen(page, 'inventory-bulk-raci-refused')).toEqual([]);
    const refusedRows = refusals.getByRole('table', { name: /Refused on 3 assets/ }).getByRole('row');
    expect(await refusedRows.count()).toBe(4);
    for (const [i, vm] of vms.entries()) {
      const cells = refusedRows.nth(i + 1);
      expect(await cells.getByRole('rowheader').textContent()).toBe(vm);
      expect(await cells.getByRole('cell').nth(0).textContent()).toBe('Operating system');
      expect(await cells.getByRole('cell').nth(1).textContent()).toMatch(/customer side/);
    }
    expect(operatingSystem(app, 'aks-main').R).toEqual(['Microsoft']);
    for (const name of vms) expect(operatingSystem(app, name).R).toEqual(['Platform Team']);
    await again.getByRole('button', { name: 'Close' }).click();
    await again.waitFor({ state: 'detached' });

    // vm-web-04 under Google's model (its own layer ids), vm-web-05 under the classic Azure one:
    // with vm-web-06 the selection holds three models; the layer is chosen once for the two that
    // share it and apart for Google's, and the edit is one step.
    await page.getByRole('button', { name: 'Clear selection' }).click();
    await dataRows(page).nth(11).click();
    await dataRows(page).nth(13).click({ modifiers: ['Shift'] });
    await page.getByText('3 selected').waitFor();
    await page.getByRole('button', { name: 'Set RACI…' }).click();
    const mixed = page.getByRole('dialog', { name: 'Set RACI' });
    const layers = mixed.getByRole('group', { name: /the selection holds assets of 3 responsibility models/ });
    await layers.getByLabel('The same layer under every model that has it').selectOption({ label: 'Operating system (2 of 3 models)' });
    const google = layers.getByLabel(/^Under Google Cloud shared responsibility .* — 1 asset/);
    expect(await google.inputValue()).toBe('');
    await google.selectOption({ label: 'Operating system and runtime' });
    await mixed.getByLabel('Accountable').selectOption({ label: 'Bob Chen' });
    await docScreenshot(app, 'inventory-bulk-raci-models');
    expect(await scanScreen(page, 'inventory-bulk-raci-models')).toEqual([]);
    const entries = changeCount(app);
    await mixed.getByRole('button', { name: 'Set RACI on 3 assets' }).click();
    await page.getByRole('status').getByText('RACI of "Operating system and runtime", "Operating system" on 3 assets: Accountable: Bob Chen').waitFor();
    expect(changeCount(app)).toBe(entries + 1);
    expect(layerOf(app, 'vm-web-04', 'operating-system-and-runtime').A).toEqual(['Bob Chen']);
    for (const name of ['vm-web-05', 'vm-web-06']) expect(layerOf(app, name, 'operating-system').A).toEqual(['Bob Chen']);
    expect(app.errors).toEqual([]);
  });
});
