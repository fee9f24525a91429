/**
 * The round trip through the real preload: export the RACI workbook → a participant edits the file
 * on disk (exceljs) while the same cell changes in Demarc → Import… recognises Demarc's own export and
 * opens Review changes, the conflict with its three values → settled, one change rejected → Apply →
 * the grid and the asset panel show the rest. Screenshots and an axe scan.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { seedWorkshopWorkbook } from '@tests/helpers/e2e/workbench-seed';
import { editExport } from '@tests/helpers/roundtrip-edit';

const { launch } = useHarness();
let app: AppUnderTest | null = null;

const nav = (page: Page, area: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).click();

describe('round trip', () => {
  it('export → edit on disk → Import… → Review changes → reject one → apply → the workbench shows the rest', async () => {
    app = await launch();
    const { page } = app;
    const seeded = seedWorkshopWorkbook(app.dir);
    app.dialogs.openPaths.push(seeded.path);
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();

    // 1. Export the RACI workbook.
    const exported = join(app.dir, 'Contoso-RACI.xlsx');
    app.dialogs.exportPaths.push(exported);
    await nav(page, 'Export');
    const form = page.getByRole('form', { name: 'Export RACI workbook' });
    await form.getByRole('radio', { name: 'Excel workbook (.xlsx)' }).check();
    await form.getByRole('button', { name: 'Export…' }).click();
    await form.getByRole('heading', { name: 'Exported' }).waitFor();

    // 2. A participant edits it: sqldb-orders' Accountable on Customer data, a comment, kv-secrets' owner.
    const [sqldb, kv] = [seeded.assetIds[24]!, seeded.assetIds[25]!];
    const edited = join(app.dir, 'Contoso-RACI-edited.xlsx');
    await editExport(exported, edited, [
      { sheet: 'RACI', assetId: sqldb, layer: 'Customer data', header: 'A', value: 'bob chen' },
      { sheet: 'RACI', assetId: sqldb, layer: 'Customer data', header: 'Comments', value: 'Bob signs off the data retention' },
      { sheet: 'Matrix', assetId: kv, header: 'Owner', value: 'Alice Martin' }
    ]);

    // Meanwhile, in Demarc (through the preload, as the asset panel would): sqldb-orders' Accountable
    // on Customer data moves to Carol Diaz — the same cell the participant changed: a conflict.
    // Its Comments cell, changed only in the sheet, applies cleanly.
    await page.evaluate(
      ([assetId, carol]) =>
        (window as unknown as { api: { invoke(m: string, a: unknown): Promise<unknown> } }).api.invoke('raci.set', { assetId, layerId: 'customer-data', roles: { A: [carol] } }),
      [sqldb, seeded.partyIds['Carol Diaz']] as const
    );

    // 3. Import… recognises the export and opens Review changes.
    app.dialogs.importFiles.push([edited]);
    await page.getByRole('button', { name: 'Import…' }).click();
    const review = page.getByRole('dialog', { name: 'Review changes' });
    await review.getByTestId('roundtrip-count-changes').filter({ hasText: '3' }).waitFor();
    expect(await review.getByTestId('roundtrip-count-assets').textContent()).toBe('2');
    const rows = review.getByTestId('roundtrip-change');
    expect(await rows.count()).toBe(3);
    expect(await review.getByTestId('roundtrip-count-conflicts').textContent()).toBe('1');
    expect(await rows.nth(0).textContent()).toMatch(/Customer data · Accountable.*Carol Diaz.*Bob Chen/);
    // The conflict shows its three values: at the export, in Demarc now, in the sheet.
    const three = rows.nth(0).getByTestId('roundtrip-conflict-values');
    expect(await three.textContent()).toBe('At the exportAlice MartinIn Demarc nowCarol DiazIn the sheetBob Chen');
    expect(await rows.nth(1).getByTestId('roundtrip-conflict-values').count()).toBe(0);
    await expect.poll(() => review.getByRole('button', { name: 'Apply 3 changes' }).isDisabled()).toBe(true);
    await docScreenshot(app, 'roundtrip-review');
    expect(await scanScreen(page, 'roundtrip-review')).toEqual([]);

    // 4. Keep the sheet's value for the conflict; reject the owner change, apply the other two.
    await rows.nth(0).getByRole('radio', { name: "Keep the sheet's value" }).check();
    await review.getByRole('checkbox', { name: 'Accept Owner of kv-secrets' }).uncheck();
    await review.getByRole('button', { name: 'Apply 2 changes' }).click();
    const summary = review.getByTestId('roundtrip-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/Applied 2 changes on 1 asset from Contoso-RACI-edited\.xlsx \(SHA-256 [0-9a-f]{64}\)/);
    await review.getByRole('button', { name: 'Close' }).click();
    await review.waitFor({ state: 'detached' });

    // 5. The workbench shows the applied changes, and not the rejected one.
    await nav(page, 'Inventory');
    await page.getByLabel('Search assets').fill('sqldb-orders');
    await expect.poll(() => page.getByRole('grid', { name: 'Assets' }).getAttribute('aria-rowcount')).toBe('2');
    await page.getByRole('grid', { name: 'Assets' }).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    const customerData = panel.locator('tr[data-layer="customer-data"]');
    await customerData.getByText('Bob Chen').waitFor();
    await customerData.getByText('Bob signs off the data retention').waitFor();
    await docScreenshot(app, 'roundtrip-applied');
    const db = app.session.require().db;
    expect((db.prepare('SELECT owner_party_id AS id FROM assets WHERE id = ?').get(kv) as { id: number }).id).toBe(seeded.partyIds['Carol Diaz']);
    expect((db.prepare("SELECT count(*) AS n FROM change_log WHERE action = 'roundtrip.apply'").get() as { n: number }).n).toBe(1);
    expect(await customerData.getByText('Carol Diaz').count()).toBe(0);
  });
});
