/**
 * Saved sets in the built renderer over the real preload, router and a real workbook: save the
 * grid's filter and its selection as sets, apply one, rename and delete one, then start a workshop
 * scoped by the other and sign it off as one scope. An axe scan and a screenshot at each step.
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

describe('saved sets', () => {
  it('save the filter and a selection → apply → rename → delete → a workshop scoped by a set, signed off as one scope', async () => {
    const app = await launch();
    const { page } = app;
    const seeded = seedWorkshopWorkbook(app.dir);
    app.dialogs.openPaths.push(seeded.path);
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();

    // The grid's filter, kept as a filter.
    await nav(page, 'Inventory');
    const grid = page.getByRole('grid', { name: 'Assets' });
    const filters = page.getByRole('search', { name: 'Filter assets' });
    await filters.getByLabel('Resource group').selectOption('rg-data');
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('7');
    await page.getByRole('button', { name: 'Save as set…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Save as a set' });
    await dialog.getByLabel('Name').fill('Data tier');
    await expect.poll(() => dialog.getByLabel(/The current filter/).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save the set' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Saved the set “Data tier”: Resource group rg-data (6 assets now).' }).waitFor();

    // Two selected rows, kept as they are.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('33');
    await grid.getByLabel('Select vm-web-01').check();
    await grid.getByLabel('Select vm-web-02').check();
    await page.getByRole('button', { name: 'Save as set…' }).click();
    dialog = page.getByRole('dialog', { name: 'Save as a set' });
    await dialog.getByLabel('Name').fill('Two web VMs');
    expect(await dialog.getByLabel(/The current filter/).isDisabled()).toBe(true);
    await dialog.getByLabel(/The 2 selected assets/).check();
    await checkScreen(app, 'saved-sets-save');
    await dialog.getByRole('button', { name: 'Save the set' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Apply the selection: the grid shows its two assets.
    await page.getByText('Saved sets (2)').click();
    const menu = page.getByRole('region', { name: 'Saved sets' });
    await menu.getByRole('row', { name: /Data tier .*Resource group rg-data 6/ }).waitFor();
    await menu.getByRole('button', { name: 'Apply the saved set Two web VMs' }).click();
    await page.getByText('Showing the saved set').waitFor();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('3');
    await checkScreen(app, 'saved-sets-applied');

    // Rename it, then delete it (the grid stops showing it).
    await menu.getByRole('button', { name: 'Rename the saved set Two web VMs' }).click();
    dialog = page.getByRole('dialog', { name: 'Rename “Two web VMs”' });
    await dialog.getByLabel('New name').fill('Web pair');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await dialog.waitFor({ state: 'detached' });
    await menu.getByRole('button', { name: 'Delete the saved set Web pair' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the saved set “Web pair”' }).waitFor();
    await page.getByText('Saved sets (1)').waitFor();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('33');

    // A workshop scoped by the saved set.
    await nav(page, 'Workshop');
    await page.getByRole('button', { name: 'Start a workshop…' }).click();
    await page.getByLabel('Title').fill('Data tier review');
    await page.getByLabel('Date').fill('2026-12-07');
    const attendees = page.getByRole('group', { name: /Attendees/ });
    await attendees.getByLabel('Alice Martin').check();
    await attendees.getByLabel('Carol Diaz').check();
    await page.getByRole('combobox', { name: 'Scope', exact: true }).selectOption('set');
    await page.getByRole('combobox', { name: 'Saved set', exact: true }).selectOption({ label: 'Data tier (6)' });
    await page.getByRole('heading', { name: /^6 assets in \d+ decision groups$/ }).waitFor();
    await checkScreen(app, 'saved-sets-workshop-start');
    await page.getByRole('button', { name: 'Start the workshop' }).click();
    await page.getByRole('heading', { name: 'Data tier review' }).waitFor();

    // Signed off as one scope: the saved set.
    await page.getByRole('button', { name: 'Sign-off and minutes' }).click();
    const signOff = page.getByRole('table', { name: 'Attendees to sign off' });
    await signOff.getByRole('row', { name: /Alice Martin .*Not yet/ }).waitFor();
    await signOff.getByRole('button', { name: 'Sign off for Alice Martin' }).click();
    const sign = page.getByRole('dialog', { name: 'Sign off: Saved set “Data tier”' });
    await sign.getByRole('button', { name: 'Sign off', exact: true }).click();
    await sign.waitFor({ state: 'detached' });
    await signOff.getByRole('row', { name: /Alice Martin .*Yes/ }).waitFor();
    await checkScreen(app, 'saved-sets-workshop-signoff');
  }, 180_000);
});
