/**
 * The demarcation picture in the built renderer over the real router and a real workbook: first on
 * the Dashboard, its own area with keyboard navigation between cells, a cell opening the filtered
 * inventory, the asset panel's stack, the table alternative and two models drawn side by side;
 * an axe scan and a screenshot (kept for the user guide) of each.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { seedWorkshopWorkbook } from '@tests/helpers/e2e/workbench-seed';

const { launch } = useHarness();

async function checkScreen(app: AppUnderTest, name: string): Promise<void> {
  await docScreenshot(app, name);
  expect(await scanScreen(app.page, name)).toEqual([]);
}

const nav = (page: Page, area: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).click();
const cell = (page: Page, id: string) => page.locator(`.picture-canvas [data-cell="${id}"]`);
const focusedCell = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);

describe('the demarcation picture', () => {
  it('is drawn on the Dashboard and in its area; the keyboard walks its cells; a cell opens its assets; an asset shows its stack', async () => {
    const app = await launch();
    const seeded = seedWorkshopWorkbook(app.dir);
    app.dialogs.openPaths.push(seeded.path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();

    // The Dashboard shows the picture first: 24 IaaS VMs, 20 of them without an owner.
    await nav(page, 'Dashboard');
    const dashboard = page.locator('.dashboard');
    await dashboard.locator('.picture-canvas svg').waitFor();
    expect(await dashboard.locator('[data-column="iaas"]').getAttribute('data-assets')).toBe('24');
    expect(await cell(page, 'iaas:customer-data').getAttribute('data-no-accountable')).toBe('20');
    await checkScreen(app, 'picture-dashboard');

    // Its own area: the line, a detail beside it.
    await nav(page, 'Demarcation');
    await page.locator('.demarcation .picture-canvas svg').waitFor();
    const line = page.locator('.picture-canvas [data-line]');
    expect(await line.getAttribute('data-line')).toBe('onprem:10 iaas:7 paas:6 saas:5');
    expect(await cell(page, 'paas:operating-system').getAttribute('aria-label')).toBe('PaaS, Operating system: provider; 5 assets');
    await checkScreen(app, 'picture-view');

    // Keyboard: one tab stop, the arrows move between cells, the detail follows the focus.
    await cell(page, 'onprem:customer-data').focus();
    expect(await cell(page, 'onprem:customer-data').getAttribute('tabindex')).toBe('0');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedCell(page)).toBe('iaas:customer-data');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedCell(page)).toBe('iaas:operating-system');
    expect(await cell(page, 'iaas:operating-system').getAttribute('tabindex')).toBe('0');
    expect(await cell(page, 'onprem:customer-data').getAttribute('tabindex')).toBe('-1');
    await page.keyboard.press('End');
    await expect.poll(() => focusedCell(page)).toBe('saas:operating-system');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    const detail = page.getByRole('complementary', { name: 'Cell details' });
    await detail.getByRole('heading', { name: 'IaaS · Operating system' }).waitFor();
    await detail.getByText(/publishes this cell as customer/).waitFor();
    await checkScreen(app, 'picture-keyboard');

    // Enter opens the inventory on the cell's assets: the 24 IaaS VMs.
    await page.keyboard.press('Enter');
    const grid = page.getByRole('grid', { name: 'Assets' });
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('25');
    await page.getByRole('status').filter({ hasText: 'IaaS × Operating system' }).waitFor();
    expect(await page.getByLabel('Service model').first().inputValue()).toBe('iaas');

    // The asset panel shows that asset's single-column stack.
    await grid.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    const stack = panel.locator('.asset-stack svg');
    await stack.waitFor();
    expect(await stack.getAttribute('role')).toBe('img');
    expect(await stack.locator('[data-cell]').count()).toBe(10);
    expect(await stack.locator('[data-column]').getAttribute('data-column')).toBe('iaas');
    // …and opens on the cell's layer: summed up at the top, marked in the table (the only one).
    const summary = panel.locator('.focused-layer');
    expect(await summary.getAttribute('data-layer')).toBe('operating-system');
    expect(await summary.textContent()).toMatch(/^Operating system \(the picture’s cell\): Customer · Accountable: (nobody|[^·]+) · (no findings|\d+ findings?)$/);
    const current = panel.locator('table.layers tr[aria-current="location"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-layer')).toBe('operating-system');
    await checkScreen(app, 'picture-asset-stack');

    // A click on a cell does what Enter does.
    await nav(page, 'Demarcation');
    await cell(page, 'paas:applications').click();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('6');
  });

  it('has a table alternative one click away, and draws two models side by side with the moved cells outlined', async () => {
    const app = await launch();
    const seeded = seedWorkshopWorkbook(app.dir);
    app.dialogs.openPaths.push(seeded.path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();

    await nav(page, 'Demarcation');
    await page.locator('.demarcation .picture-canvas svg').waitFor();
    await page.getByRole('button', { name: 'Show as table' }).click();
    const table = page.getByRole('table', { name: /Demarcation line/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(11);
    await table.getByRole('button', { name: /Show the assets: PaaS, Operating system: provider/ }).waitFor();
    await checkScreen(app, 'picture-table');

    await nav(page, 'Responsibility');
    await page.getByRole('button', { name: 'Draw side by side' }).click();
    await page.getByRole('status').filter({ hasText: /The line moved in 1 cell \(SaaS\)/ }).waitFor();
    const moved = page.locator('.drawn-comparison [data-change="line-moved"]');
    expect(await moved.count()).toBe(2);
    await page.locator('.drawn-comparison__pair').scrollIntoViewIfNeeded();
    await checkScreen(app, 'picture-compare');
  });
});
