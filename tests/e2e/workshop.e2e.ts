/**
 * The whole workshop on a real inventory export, through the real preload and router:
 * new workbook → import (Import dialog) → review classifications → owners in bulk → an asset's
 * RACI and a forbidden override → a party leaves (INACTIVE_PARTY) → reassign → export, read back.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';

const FIXTURE = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'inventory', 'nsc-infra_az-resource-list-full_utf16le.json');
const { launch } = useHarness();
let app: AppUnderTest | null = null;

/** Screenshot (kept current in docs/screenshots for the user guide) and an axe scan. */
async function shot(target: AppUnderTest, name: string): Promise<void> {
  await docScreenshot(target, name);
  expect(await scanScreen(target.page, name)).toEqual([]);
}

const nav = (page: Page, area: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).click();

async function addParty(page: Page, name: string, kind: string): Promise<void> {
  await page.getByRole('button', { name: 'Add party…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a party' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Kind').selectOption({ label: kind });
  await dialog.getByRole('button', { name: 'Add party' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('row', { name: new RegExp(name) }).waitFor();
}

describe('the workshop on a real inventory export', () => {
  it.skipIf(!existsSync(FIXTURE))('import → review → owners → RACI → refused override → leaver → reassign → export', async () => {
    app = await launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Demarc', level: 1 }).waitFor();
    await shot(app, 'workshop-start');

    // 1. A new workbook for the workshop.
    app.dialogs.newPaths.push(join(app.dir, 'Workshop.demarc'));
    await page.getByLabel('Organisation').fill('NSC Platform');
    await page.getByRole('button', { name: 'New workbook…' }).click();
    await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();

    // 2. Import the real `az resource list` export (UTF-16LE, as Windows PowerShell writes it).
    app.dialogs.importFiles.push([FIXTURE]);
    await page.getByRole('button', { name: 'Import…' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Import inventory' });
    await importDialog.getByTestId('import-count-new').filter({ hasText: '20' }).waitFor();
    expect(await importDialog.getByTestId('import-format').textContent()).toContain('utf-16le');
    await shot(app, 'workshop-import-preview');
    await importDialog.getByRole('button', { name: 'Apply import' }).click();
    await importDialog.getByTestId('import-summary').waitFor();
    expect(await importDialog.getByTestId('import-summary').textContent()).toContain('20 new');
    await importDialog.getByRole('button', { name: 'Close' }).click();
    await importDialog.waitFor({ state: 'detached' });

    // 3. The people and teams of the workshop.
    await nav(page, 'Parties');
    await addParty(page, 'Cloud Platform Team', 'Team');
    await addParty(page, 'Dana Ops', 'Person');
    await addParty(page, 'Eve Analyst', 'Person');

    // 4. Review the classifier's flagged types.
    await nav(page, 'Inventory');
    const grid = page.getByRole('grid', { name: 'Assets' });
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('21');
    const filters = page.getByRole('search', { name: 'Filter assets' });
    await filters.getByLabel('Finding').selectOption('CLASSIFICATION_NEEDS_REVIEW');
    await grid.locator('[role=row][data-loaded=true]').first().waitFor();
    await shot(app, 'workshop-review');
    await filters.getByLabel('Finding').selectOption('');

    // 5. Owners in bulk: every asset without an owner → the platform team.
    await filters.getByLabel('Owner', { exact: true }).selectOption('none');
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('21');
    await grid.getByRole('checkbox', { name: /Select all/ }).click();
    await page.getByText('20 selected (all matching)').waitFor();
    await page.getByRole('button', { name: 'Set owner…' }).click();
    const bulk = page.getByRole('dialog', { name: 'Set owner' });
    await bulk.getByLabel('Owner').selectOption({ label: 'Cloud Platform Team' });
    await shot(app, 'workshop-bulk-owner');
    await bulk.getByRole('button', { name: 'Set owner on 20 assets' }).click();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('1');
    await filters.getByLabel('Owner', { exact: true }).selectOption('');

    // 6. Open the Kafka VM, name its Customer data R and A, try the forbidden override.
    await searchAssets(page, 'flink');
    await grid.getByRole('gridcell', { name: 'flink', exact: true }).click();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    await panel.getByRole('heading', { name: 'flink' }).waitFor();
    await panel.getByRole('button', { name: 'Edit RACI of Customer data' }).click();
    const raci = page.getByRole('dialog', { name: /RACI for/ });
    await raci.getByRole('group', { name: /Responsible/ }).getByLabel('Dana Ops').check();
    await raci.getByLabel(/Accountable/).selectOption({ label: 'Cloud Platform Team' });
    await raci.getByRole('button', { name: 'Save RACI' }).click();
    await raci.waitFor({ state: 'detached' });
    const customerData = panel.locator('tr[data-layer="customer-data"]');
    await customerData.getByText('Dana Ops').waitFor();
    await panel.getByRole('button', { name: 'Override Customer data' }).click();
    const override = page.getByRole('dialog', { name: /Override/ });
    await override.getByLabel('Provider').check();
    await override.getByLabel(/Justification/).fill('Microsoft runs the VM platform now');
    await override.getByRole('button', { name: 'Override', exact: true }).click();
    await override.getByRole('alert').waitFor();
    expect(await override.getByRole('alert').textContent()).toMatch(/Customer data/);
    await shot(app, 'workshop-override-refused');
    await page.keyboard.press('Escape');
    await override.waitFor({ state: 'detached' });

    // 7. Dana leaves: she still holds a role, and Findings says so.
    await nav(page, 'Parties');
    await page.getByRole('button', { name: 'Mark Dana Ops as left' }).click();
    const leave = page.getByRole('dialog', { name: 'Mark Dana Ops as left' });
    await leave.getByLabel('Left on').fill('2026-11-20');
    await leave.getByRole('button', { name: 'Mark as left' }).click();
    const handOver = page.getByRole('dialog', { name: /Hand over what Dana Ops holds/ });
    await handOver.getByText('R on flink · Customer data').waitFor();
    await shot(app, 'workshop-leaver');
    await handOver.getByLabel('Reassign everything to').selectOption({ label: 'Eve Analyst' });
    // Look at the findings first, then reassign.
    await handOver.getByRole('button', { name: 'Close' }).click();
    await nav(page, 'Findings');
    const inactive = page.locator('button.finding-group[data-code="INACTIVE_PARTY"]');
    await inactive.waitFor();
    await shot(app, 'workshop-findings');

    // 8. Reassign everything Dana held to Eve in one step: INACTIVE_PARTY is gone.
    await nav(page, 'Parties');
    await page.getByRole('button', { name: 'Reassign what Dana Ops holds' }).click();
    const reassign = page.getByRole('dialog', { name: /Hand over what Dana Ops holds/ });
    await reassign.getByLabel('Reassign everything to').selectOption({ label: 'Eve Analyst' });
    await reassign.getByRole('button', { name: 'Reassign' }).click();
    await reassign.getByRole('status').waitFor();
    await page.keyboard.press('Escape');
    await nav(page, 'Findings');
    await page.locator('button.finding-group').first().waitFor();
    // The view first shows the findings it read before the reassignment, while it reads them again.
    await expect.poll(() => inactive.count()).toBe(0);
    expect(await page.locator('button.finding-group[data-code="NO_OWNER"]').count()).toBe(0);

    // 9. Export the RACI workbook and read it back.
    await nav(page, 'Export');
    const form = page.getByRole('form', { name: 'Export RACI workbook' });
    await form.getByRole('radio', { name: 'Excel workbook (.xlsx)' }).check();
    const target = join(app.dir, 'Workshop RACI.xlsx');
    app.dialogs.exportPaths.push(target);
    await form.getByRole('button', { name: 'Export…' }).click();
    await form.getByRole('heading', { name: 'Exported' }).waitFor();
    await shot(app, 'workshop-exported');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const sheet = book.getWorksheet('RACI');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (title: string) => header.indexOf(title) + 1;
    let found = false;
    sheet!.eachRow((row, index) => {
      if (index === 1) return;
      const value = (title: string) => row.getCell(col(title)).text;
      if (value('Asset') === 'flink' && value('Layer') === 'Customer data') {
        found = true;
        expect(value('Responsibility')).toBe('customer');
        expect(value('R')).toBe('Eve Analyst');
        expect(value('A')).toBe('Cloud Platform Team');
      }
    });
    expect(found).toBe(true);
  });
});
