/**
 * Export from the UI: a workbook seeded on disk (real inventory fixture, parties, RACI, overrides,
 * injection payloads) opened through the UI, exported to xlsx through the Export area and the
 * native save dialog (a double), shown in its folder, read back and checked against the report;
 * the menu's File › Export opens the same form as a modal dialog that Esc closes.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workbookReport } from '@main/services/report';
import { wholeReport } from '@tests/helpers/whole-report';
import { closeWorkbook, createWorkbook } from '@main/services/workbook-service';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { HOSTILE, seedExportWorkbook } from '@tests/helpers/export-seed';
import { fixedClock } from '@tests/helpers/temp';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';

const { launch } = useHarness();
let app: AppUnderTest | null = null;

/** Creates and fills the workbook on disk, closes it, then opens it through the UI. */
async function openSeeded(): Promise<{ app: AppUnderTest; path: string }> {
  const launched = await launch();
  const path = join(launched.dir, 'Northwind.demarc');
  const ctx = { clock: fixedClock(), osUser: 'e2e-user' };
  const wb = createWorkbook(ctx, { path, organisation: 'Northwind Traders' });
  await seedExportWorkbook(wb, ctx);
  closeWorkbook(wb);
  launched.dialogs.openPaths.push(path);
  await launched.page.getByRole('button', { name: 'Open workbook…' }).click();
  await launched.page.getByRole('heading', { name: 'Northwind', level: 1 }).waitFor();
  return { app: launched, path };
}

async function checkScreen(target: AppUnderTest, name: string): Promise<void> {
  await target.screenshot(name);
  expect(await scanScreen(target.page, name)).toEqual([]);
}

describe('export from the UI', () => {
  it('exports the xlsx through the save dialog, shows it in its folder, and the file says what the report says', async () => {
    const opened = await openSeeded();
    app = opened.app;
    const { page } = app;
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Export' }).click();
    const form = page.getByRole('form', { name: 'Export RACI workbook' });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Excel workbook (.xlsx)' }).check();
    await form.getByRole('radio', { name: 'Last change' }).check();
    await checkScreen(app, 'export-area');

    const target = join(app.dir, 'Northwind RACI.xlsx');
    app.dialogs.exportPaths.push(target);
    await form.getByRole('button', { name: 'Export…' }).click();
    await form.getByRole('heading', { name: 'Exported' }).waitFor();
    expect(await page.getByTestId('export-path').textContent()).toBe(target);
    await checkScreen(app, 'export-done');

    await form.getByRole('button', { name: 'Show in folder' }).click();
    await expect.poll(() => app!.shown).toEqual([target]);

    // The file, read back, against the report of the workbook the UI has open.
    const report = wholeReport(workbookReport(app.session.require(), { clock: fixedClock(), osUser: 'e2e-user' }));
    const book = await readWorkbook(target);
    const raci = sheetRows(book.getWorksheet('RACI')!, 11);
    expect(raci.length - 1).toBe(report.assets.length * 10);
    const byKey = new Map(raci.slice(1).map((r) => [`${String(r[1])}|${String(r[2])}`, r]));
    const names = (list: string[]) => (list.length ? list.join('; ') : null);
    let withRoles = 0;
    for (const asset of report.assets.slice(0, 4)) {
      for (const layer of asset.layers) {
        const row = byKey.get(`${asset.id}|${layer.title}`)!;
        // Name, id, layer, responsibility, published, overridden, justification, R, A, C, I.
        expect(row.slice(3, 5).concat(row.slice(7, 11))).toEqual([layer.responsibility, layer.published, names(layer.R), names(layer.A), names(layer.C), names(layer.I)]);
        if (layer.A.length || layer.R.length) withRoles += 1;
      }
    }
    expect(withRoles).toBeGreaterThan(0);
    expect(raci.some((r) => r[0] === HOSTILE[1 % HOSTILE.length])).toBe(true);
    const cover = new Map(sheetRows(book.getWorksheet('Cover')!).map((r) => [r[0], r[1]]));
    expect(cover.get('Organisation')).toBe('Northwind Traders');
    // The person at this machine (the harness's OS user), whoever seeded the file.
    expect(cover.get('Exported by')).toBe('e2e-user');
    expect(cover.get('Exported at')).toBe(report.workbook.lastChangeAt);
  });

  it('opens as a dialog from the menu; a cancelled save dialog writes nothing; Esc closes it', async () => {
    const opened = await openSeeded();
    app = opened.app;
    const { page } = app;
    await app.emit('menu', 'export');
    const dialog = page.getByRole('dialog', { name: 'Export RACI workbook' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await dialog.getByRole('radio', { name: 'CSV (.csv)' }).check();
    await dialog.getByRole('radio', { name: 'Now' }).check();
    await checkScreen(app, 'export-dialog');

    // The user cancels the native save dialog: back to the form, no file.
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: 'Export…' }).isEnabled()).toBe(true);
    expect(app.shown).toEqual([]);

    const target = join(app.dir, 'raci.csv');
    app.dialogs.exportPaths.push(target);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await dialog.getByRole('heading', { name: 'Exported' }).waitFor();
    expect(await dialog.getByTestId('export-path').textContent()).toBe(target);
    await app.screenshot('export-dialog-done');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Focus is back in the page and the area still shows the form.
    await page.getByRole('form', { name: 'Export RACI workbook' }).waitFor();
  });
});
