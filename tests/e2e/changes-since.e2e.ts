/**
 * Changes since a kept export, in the app: the auditor's export is kept, a RACI cell changes, then
 * Audit › Compare two dates starts from that export (chosen in the open dialog), lists the change
 * with before → after, and saves the comparison as an Excel sheet; the Export area adds the same
 * "Changes since" sheet to the audit workbook. Screenshots and axe on both screens.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkbook } from '@main/services/workbook-service';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { handMadeWorkbook } from '@tests/helpers/framework-seed';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { openWorkbook } from '@tests/helpers/e2e/open-workbook';

const { launch } = useHarness();

describe('changes since a kept export, from the UI', () => {
  it('compares with a kept export, saves the comparison, and adds the sheet to the export', async () => {
    const app = await launch();
    const made = handMadeWorkbook({ dir: app.dir });
    closeWorkbook(made.wb);
    const { page } = app;
    const areas = page.getByRole('navigation', { name: 'Areas' });
    await openWorkbook(app, made.path, 'Northwind');

    // The export an auditor keeps.
    await areas.getByRole('button', { name: 'Export' }).click();
    const form = page.getByRole('form', { name: 'Export RACI workbook' });
    const kept = join(app.dir, 'kept.xlsx');
    app.dialogs.exportPaths.push(kept);
    await form.getByRole('button', { name: 'Export…' }).click();
    await form.getByRole('heading', { name: 'Exported' }).waitFor();

    // One RACI cell changes afterwards.
    await areas.getByRole('button', { name: 'Inventory' }).click();
    await searchAssets(page, 'vm-01');
    await page.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    await panel.getByRole('button', { name: 'Edit RACI of Operating system' }).click();
    const raci = page.getByRole('dialog', { name: /RACI for/ });
    await raci.getByRole('group', { name: /Responsible/ }).getByLabel('Platform team').check();
    await raci.getByRole('button', { name: 'Save RACI' }).click();
    await raci.waitFor({ state: 'detached' });

    // Compare from the kept export, chosen in the open dialog.
    await areas.getByRole('button', { name: 'Audit' }).click();
    const compare = page.getByRole('region', { name: 'Compare two dates' });
    app.dialogs.verifyFiles.push(kept);
    await compare.getByRole('button', { name: 'Choose export…' }).click();
    await compare.getByText('kept.xlsx').waitFor();
    expect(await compare.getByRole('radio', { name: 'An export kept from then' }).isChecked()).toBe(true);
    await compare.getByRole('button', { name: 'Compare' }).click();
    const row = compare.getByRole('table', { name: /Assets changed \(1\)/ }).getByRole('row', { name: /vm-01/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/RACI of "Operating system" on vm-01.*\(R: .* → R: .*Platform team.*\)/);
    expect(await compare.textContent()).toContain(`Since ${kept} (chain head #`);
    const saved = join(app.dir, 'changes.xlsx');
    app.dialogs.exportPaths.push(saved);
    await compare.getByRole('button', { name: 'Save as Excel…' }).click();
    await compare.getByRole('status').filter({ hasText: `Saved ${saved}` }).waitFor();
    await docScreenshot(app, 'audit-changes-since');
    expect(await scanScreen(page, 'audit-changes-since')).toEqual([]);
    const book = await readWorkbook(saved);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toMatch(/^Changes since \d{4}-\d{2}-\d{2}$/);
    const rows = sheetRows(sheet, 11);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([['vm-01', 'Operating system', 'RACI']]);

    // The audit export with the same baseline carries the sheet.
    await areas.getByRole('button', { name: 'Export' }).click();
    await form.getByRole('checkbox', { name: 'Add a “Changes since” sheet' }).check();
    const baseline = form.getByRole('group', { name: 'Baseline' });
    app.dialogs.verifyFiles.push(kept);
    await baseline.getByRole('button', { name: 'Choose export…' }).click();
    await baseline.getByText('kept.xlsx').waitFor();
    const withChanges = join(app.dir, 'with-changes.xlsx');
    app.dialogs.exportPaths.push(withChanges);
    await form.getByRole('button', { name: 'Export…', exact: true }).click();
    await form.getByText(/Changes since \d{4}-\d{2}-\d{2}: 1 change-log entry/).waitFor();
    await docScreenshot(app, 'export-changes-since');
    expect(await scanScreen(page, 'export-changes-since')).toEqual([]);
    const audit = await readWorkbook(withChanges);
    expect(audit.worksheets.map((s) => s.name)).toContain(sheet.name);
  });
});
