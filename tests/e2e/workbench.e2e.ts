import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanScreen, type AxeIssue } from '@tests/helpers/e2e/a11y';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { seedWorkshopWorkbook, type SeededWorkbook } from '@tests/helpers/e2e/workbench-seed';

const { launch } = useHarness();
let app: AppUnderTest | null = null;
const axeIssues: AxeIssue[] = [];

/** Screenshot + axe scan: no serious or critical violations on any screen. */
async function checkScreen(target: AppUnderTest, name: string): Promise<void> {
  await docScreenshot(target, name);
  const issues = await scanScreen(target.page, name);
  axeIssues.push(...issues);
  expect(issues).toEqual([]);
}

async function openSeeded(): Promise<{ app: AppUnderTest; seeded: SeededWorkbook }> {
  const launched = await launch();
  const seeded = seedWorkshopWorkbook(launched.dir);
  launched.dialogs.openPaths.push(seeded.path);
  await launched.page.getByRole('button', { name: 'Open workbook…' }).click();
  await launched.page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
  return { app: launched, seeded };
}

const nav = (page: Page, area: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).click();
const grid = (page: Page) => page.getByRole('grid', { name: 'Assets' });
const dataRows = (page: Page) => grid(page).locator('[role=row][data-loaded=true]');
const firstRowName = async (page: Page) => (await dataRows(page).first().locator('[role=gridcell]').nth(1).textContent())?.trim();

/**
 * The grid holds `count` assets: its aria-rowcount (which counts the header row too) says so, and
 * when they fit on screen every one is rendered with its data (the grid renders only what shows).
 */
async function expectRowCount(page: Page, count: number): Promise<void> {
  await expect.poll(() => grid(page).getAttribute('aria-rowcount')).toBe(String(count + 1));
  if (count <= 20) await expect.poll(() => dataRows(page).count()).toBe(count);
}

describe('the workbench', () => {
  it('inventory: seeded assets in the grid, sort, filters, multi-select and bulk owner', async () => {
    ({ app } = await openSeeded());
    const { page } = app;
    await nav(page, 'Inventory');
    await expectRowCount(page, 32);
    expect(await grid(page).getAttribute('aria-rowcount')).toBe('33');
    await checkScreen(app, 'workbench-inventory');

    // Sort by name, then descending.
    const nameHeader = grid(page).getByRole('button', { name: 'Name', exact: true });
    await nameHeader.click();
    await expect.poll(() => firstRowName(page)).toBe('aks-main');
    await nameHeader.click();
    await expect.poll(() => firstRowName(page)).toBe('vm-web-24');
    expect(await grid(page).getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('descending');

    // Text filter (Ctrl+F focuses the search box), then service model "Unclassified".
    await grid(page).focus();
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inventory-search');
    await page.keyboard.type('sql');
    await expectRowCount(page, 1);
    await expect.poll(() => firstRowName(page)).toBe('sqldb-orders');
    await page.getByLabel('Search assets').fill('');
    await expectRowCount(page, 32);

    // Typing never blanks the grid: between keystrokes the rows shown stay until the new ones
    // arrive (every prefix of "vm-web-1" matches some assets, so no row is ever a placeholder).
    await page.evaluate(() => {
      const w = window as unknown as { __blanked: number };
      w.__blanked = 0;
      new MutationObserver((records) => {
        for (const record of records) {
          const row = record.target as HTMLElement;
          if (row.getAttribute('role') === 'row' && row.dataset.loaded === 'false') w.__blanked++;
          for (const node of record.addedNodes) if ((node as HTMLElement).dataset?.loaded === 'false') w.__blanked++;
        }
      }).observe(document.querySelector('[role=grid]')!, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-loaded'] });
    });
    await page.getByLabel('Search assets').pressSequentially('vm-web-1', { delay: 30 });
    await expectRowCount(page, 10);
    expect(await page.evaluate(() => (window as unknown as { __blanked: number }).__blanked)).toBe(0);
    await page.getByLabel('Search assets').fill('');
    const filters = page.getByRole('search', { name: 'Filter assets' });
    await filters.getByLabel('Service model').selectOption('none');
    await expectRowCount(page, 1);
    await expect.poll(() => firstRowName(page)).toBe('legacy-appliance');
    await filters.getByLabel('Service model').selectOption('paas');
    await expectRowCount(page, 5);
    await checkScreen(app, 'workbench-inventory-filtered');

    // Multi-select: click, ctrl-click, shift-click range → 3 + bulk owner with the count stated.
    await filters.getByLabel('Service model').selectOption('iaas');
    await filters.getByLabel('Owner', { exact: true }).selectOption('none');
    await expectRowCount(page, 20);
    const rows = dataRows(page);
    const nameOf = async (n: number) => (await rows.nth(n).getByRole('gridcell').nth(1).textContent()) ?? '';
    const chosen = [await nameOf(0), await nameOf(1), await nameOf(2), await nameOf(5)];
    await rows.nth(0).click();
    await rows.nth(2).click({ modifiers: ['Shift'] });
    await rows.nth(5).click({ modifiers: ['Control'] });
    await page.getByText('4 selected').waitFor();
    await page.getByRole('button', { name: 'Set owner…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set owner' });
    await expect.poll(() => dialog.getByTestId('bulk-count').textContent()).toContain('4 assets');
    await dialog.getByLabel('Owner').selectOption({ label: 'Bob Chen' });
    await checkScreen(app, 'workbench-bulk-owner');
    await dialog.getByRole('button', { name: 'Set owner on 4 assets' }).click();
    await page.getByRole('status').getByText(/on 4 assets/).waitFor();
    // The four left the "No owner" filter.
    await expectRowCount(page, 16);
    // Back to a filter shown before the edit (IaaS, any owner): its rows are read again, and the
    // grid never presents a row from before the edit as current (aria-busy is true while it
    // shows one), checked on every change of the grid.
    await page.evaluate((names) => {
      const w = window as unknown as { __staleShown: string[] };
      w.__staleShown = [];
      const grid = document.querySelector('[role=grid]')!;
      new MutationObserver(() => {
        if (grid.getAttribute('aria-busy') !== 'false') return;
        for (const row of grid.querySelectorAll('[role=row][data-loaded=true]')) {
          const name = row.querySelectorAll('[role=gridcell]')[1]?.textContent ?? '';
          if (names.includes(name) && !(row.textContent ?? '').includes('Bob Chen')) w.__staleShown.push(row.textContent ?? '');
        }
      }).observe(grid, { subtree: true, childList: true, characterData: true, attributes: true });
    }, chosen);
    await filters.getByLabel('Owner', { exact: true }).selectOption('');
    const rowOf = (name: string) =>
      page.evaluate((wanted) => {
        const rows = [...document.querySelectorAll('[role=grid] [role=row][data-loaded=true]')];
        return rows.find((row) => row.querySelectorAll('[role=gridcell]')[1]?.textContent === wanted)?.textContent ?? null;
      }, name);
    for (const name of chosen) await expect.poll(() => rowOf(name)).toContain('Bob Chen');
    expect(await page.evaluate(() => (window as unknown as { __staleShown: string[] }).__staleShown)).toEqual([]);
    await filters.getByLabel('Owner', { exact: true }).selectOption('none');
    await expectRowCount(page, 16);

    // Select all matching via the header checkbox, then bulk mark reviewed.
    await grid(page).getByRole('checkbox', { name: /Select all 16 matching/ }).click();
    await page.getByText('16 selected (all matching)').waitFor();
    await page.getByRole('button', { name: 'Mark reviewed…' }).click();
    await page.getByRole('dialog', { name: 'Mark reviewed' }).getByRole('button', { name: 'Mark 16 assets reviewed' }).click();
    await page.getByRole('status').getByText(/16 assets/).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /^Undo: / }).textContent()).toMatch(/16 assets/);
  });

  it('asset panel: service model, RACI, a refused override, undo and redo', async () => {
    ({ app } = await openSeeded());
    const { page } = app;
    await nav(page, 'Inventory');
    await expectRowCount(page, 32);
    // Keyboard: the active row moved down the whole list, then a search narrows it to one row:
    // the active row starts again at the search's first row, so Enter opens it (an index kept
    // from the longer list named no row of the new one, and Enter opened nothing).
    await grid(page).focus();
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => grid(page).getAttribute('aria-activedescendant')).toBe('asset-row-3');
    await page.getByLabel('Search assets').fill('stlogs001');
    await expectRowCount(page, 1);
    // Focus the grid, Enter opens the active row.
    await grid(page).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    await panel.getByRole('heading', { name: 'stlogs001' }).waitFor();
    await panel.getByText('Needs review:').waitFor();
    await panel.locator('.classification__reason').getByText(/FinOps says IaaS/).waitFor();

    // Service model → IaaS by hand.
    await panel.getByLabel('Service model').selectOption('iaas');
    await expect.poll(() => panel.getByLabel('Service model').inputValue()).toBe('iaas');
    await panel.getByText(/Set by hand/).waitFor();

    // RACI on Customer data: R = Alice, A = Bob.
    await panel.getByRole('button', { name: 'Edit RACI of Customer data' }).click();
    const raci = page.getByRole('dialog', { name: /RACI for/ });
    await raci.getByRole('group', { name: /Responsible/ }).getByLabel('Alice Martin').check();
    await raci.getByLabel(/Accountable/).selectOption({ label: 'Bob Chen' });
    await checkScreen(app, 'workbench-raci-dialog');
    await raci.getByRole('button', { name: 'Save RACI' }).click();
    await raci.waitFor({ state: 'detached' });
    const customerData = panel.locator('tr[data-layer="customer-data"]');
    await customerData.getByText('Alice Martin').waitFor();
    await customerData.getByText('Bob Chen').waitFor();
    await checkScreen(app, 'workbench-asset-panel');

    // A forbidden override: Customer data can never go to the provider.
    await panel.getByRole('button', { name: 'Override Customer data' }).click();
    const override = page.getByRole('dialog', { name: /Override/ });
    await override.getByLabel('Provider').check();
    await override.getByLabel(/Justification/).fill('We bought the premium plan');
    await override.getByRole('button', { name: 'Override', exact: true }).click();
    const refusal = override.getByRole('alert');
    await refusal.waitFor();
    expect((await refusal.textContent())?.length).toBeGreaterThan(10);
    await checkScreen(app, 'workbench-override-refused');
    await page.keyboard.press('Escape');
    await override.waitFor({ state: 'detached' });

    // Undo the RACI edit (Ctrl+Z outside a text field), then redo from the toolbar.
    const undo = page.getByRole('button', { name: /^Undo: / });
    await expect.poll(() => undo.textContent()).not.toBe('Undo');
    await grid(page).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => customerData.getByText('Alice Martin').count()).toBe(0);
    await page.getByRole('button', { name: /^Redo: / }).click();
    await customerData.getByText('Alice Martin').waitFor();
    // And through the menu's Edit › Undo.
    await app.emit('menu', 'undo');
    await expect.poll(() => customerData.getByText('Alice Martin').count()).toBe(0);
    // With the focus in a text field, the menu's Undo undoes the typing, not the workbook.
    await page.getByRole('button', { name: /^Redo: / }).click();
    await customerData.getByText('Alice Martin').waitFor();
    const search = page.getByLabel('Search assets');
    const searched = await search.inputValue();
    await search.focus();
    await search.pressSequentially('x');
    await expect.poll(() => search.inputValue()).toBe(`${searched}x`);
    const { calls } = app;
    const undos = () => calls.filter((call) => call.method === 'history.undo').length;
    const undosBefore = undos();
    await app.emit('menu', 'undo');
    await expect.poll(() => search.inputValue()).toBe(searched);
    await page.waitForTimeout(300);
    expect(await customerData.getByText('Alice Martin').count()).toBeGreaterThan(0);
    // Main was not asked to undo (a check that does not hang on how soon a wrong undo would show).
    expect(undos()).toBe(undosBefore);
    await expect.poll(() => page.getByRole('button', { name: 'Redo', exact: true }).isDisabled()).toBe(true);
    // The history shows the asset's own changes.
    await panel.getByRole('heading', { name: 'History' }).waitFor();
    await expect.poll(() => panel.locator('.history li').count()).toBeGreaterThan(0);
  });

  it('parties: leaving shows holdings, INACTIVE_PARTY appears, reassigning clears it; a finding group filters the grid', async () => {
    ({ app } = await openSeeded());
    const { page } = app;
    await nav(page, 'Parties');
    await page.getByRole('row', { name: /Carol Diaz/ }).waitFor();
    await checkScreen(app, 'workbench-parties');

    await page.getByRole('button', { name: 'Mark Carol Diaz as left' }).click();
    const leave = page.getByRole('dialog', { name: 'Mark Carol Diaz as left' });
    await leave.getByLabel('Left on').fill('2026-10-31');
    await leave.getByRole('button', { name: 'Mark as left' }).click();
    const handOver = page.getByRole('dialog', { name: /Hand over what Carol Diaz holds/ });
    await handOver.getByText('Owner of kv-secrets').waitFor();
    await handOver.getByText('Owner of app-shop-api').waitFor();
    await checkScreen(app, 'workbench-party-left');
    await handOver.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Left 2026-10-31').waitFor();

    await nav(page, 'Findings');
    const inactive = page.locator('button.finding-group[data-code="INACTIVE_PARTY"]');
    await inactive.waitFor();
    await checkScreen(app, 'workbench-findings');

    // The group opens the grid filtered by that finding code.
    await inactive.click();
    await expectRowCount(page, 2);
    expect(await page.getByRole('search').getByLabel('Finding').inputValue()).toBe('INACTIVE_PARTY');

    // Reassign in one step.
    await nav(page, 'Parties');
    await page.getByRole('button', { name: 'Reassign what Carol Diaz holds' }).click();
    const reassign = page.getByRole('dialog', { name: /Hand over what Carol Diaz holds/ });
    await reassign.getByLabel('Reassign everything to').selectOption({ label: 'Bob Chen' });
    await reassign.getByRole('button', { name: 'Reassign' }).click();
    await reassign.getByRole('status').waitFor();
    await page.keyboard.press('Escape');
    await nav(page, 'Findings');
    await page.locator('button.finding-group').first().waitFor();
    // The view first shows the findings it read before the reassignment, while it reads them again.
    await expect.poll(() => inactive.count()).toBe(0);
  });

  it('dashboard, responsibility matrix and comparison, settings', async () => {
    ({ app } = await openSeeded());
    const { page } = app;
    await nav(page, 'Dashboard');
    await page.getByRole('figure', { name: 'Assets per service model' }).waitFor();
    await expect.poll(() => page.locator('.chart-card svg.recharts-surface').count()).toBe(4);
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await checkScreen(app, 'workbench-dashboard');

    await nav(page, 'Responsibility');
    const matrix = page.getByRole('region', { name: /January 2026/ });
    await matrix.getByRole('rowheader', { name: 'Customer data' }).waitFor();
    await matrix.getByText('learn.microsoft.com', { exact: false }).waitFor();
    await page.getByRole('status').getByText(/cells differ/).waitFor();
    await expect.poll(() => page.locator('.compare__cell.is-different').count()).toBeGreaterThan(0);
    await checkScreen(app, 'workbench-responsibility');

    // Preview a change of model, then cancel.
    await page.getByLabel('Change model to').selectOption('microsoft-classic-2023');
    await page.getByRole('button', { name: 'Preview change…' }).click();
    const preview = page.getByRole('dialog', { name: /Use “/ });
    await preview.getByText('Assets affected').waitFor();
    await docScreenshot(app, 'workbench-model-preview');
    await preview.getByRole('button', { name: 'Cancel' }).click();

    await nav(page, 'Settings');
    await page.getByRole('heading', { name: 'Default team per layer' }).waitFor();
    await page.getByLabel('Customer data').selectOption({ label: 'Security Team' });
    await page.getByRole('button', { name: 'Save default teams' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const versions = page.getByRole('table', { name: 'Demarc versions' });
    await versions.getByRole('rowheader', { name: __DEMARC_VERSION__ }).waitFor();
    await page.getByText(`This is Demarc ${__DEMARC_VERSION__}.`, { exact: false }).waitFor();
    // The user name is the person at this machine: saved in their user data, not in the workbook.
    await page.getByLabel('Your name in the change log').fill('Erin Example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Saved.').first().waitFor();
    await expect.poll(() => (existsSync(join(app!.dir, 'user-data', 'user.json')) ? readFileSync(join(app!.dir, 'user-data', 'user.json'), 'utf8') : '')).toContain('Erin Example');
    const db = app.session.require().db;
    expect(db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'user_name'").get()).toEqual({ n: 0 });
    await page.getByText('user Erin Example', { exact: false }).waitFor();
    await checkScreen(app, 'workbench-settings');
  });

  it('prints the axe summary', () => {
    console.log(`axe: ${axeIssues.length} serious/critical violations across the workbench screens`);
    expect(axeIssues).toEqual([]);
  });
});
