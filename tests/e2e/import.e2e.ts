import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const SHIWEI = join(FIXTURES, 'inventory', 'shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv');

const { launch } = useHarness();
let app: AppUnderTest | null = null;

async function newWorkbook(target: AppUnderTest): Promise<void> {
  target.dialogs.newPaths.push(join(target.dir, 'Contoso.demarc'));
  await target.page.getByRole('button', { name: 'New workbook…' }).click();
  await target.page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
}

describe('inventory import', () => {
  it('Import… → preview → apply → summary, and the assets are in the workbook', async () => {
    app = await launch();
    const { page } = app;
    await newWorkbook(app);
    app.dialogs.importFiles.push([SHIWEI]);
    const button = page.getByRole('button', { name: 'Import…' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Import inventory' });
    await dialog.waitFor();
    await dialog.getByTestId('import-count-new').filter({ hasText: '173' }).waitFor();
    expect(await dialog.getByTestId('import-format').textContent()).toContain('Get-AzResource | Export-Csv');
    expect(await dialog.getByTestId('import-format').textContent()).toContain('utf-8-bom');
    expect(await dialog.getByTestId('import-count-updated').textContent()).toBe('0');
    expect(await dialog.getByTestId('import-needs-review').textContent()).toBe('53');
    await dialog.getByRole('region', { name: /First 50 assets/ }).waitFor();
    await app.screenshot('import-preview');
    expect(await scanScreen(page, 'import-preview')).toEqual([]);

    await dialog.getByRole('button', { name: 'Apply import' }).click();
    const summary = dialog.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Imported 173 assets from shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv: 173 new, 0 updated');
    await app.screenshot('import-summary');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the dialog.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Import…');

    // The workbook holds the assets, and the workbench shows them without a reload.
    const db = app.session.require().db;
    expect((db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n).toBe(173);
    expect((db.prepare('SELECT count(*) AS n FROM import_runs').get() as { n: number }).n).toBe(1);
    await page.getByRole('grid', { name: 'Assets' }).getByText('BillAPIEmailAlertAction', { exact: true }).waitFor();
    await page.getByText('173 assets').waitFor();
    await app.screenshot('import-inventory');
  });

  it('shows every row error of a bad file, refuses Apply, and Esc closes the dialog', async () => {
    app = await launch();
    const { page } = app;
    await newWorkbook(app);
    const { writeFileSync } = await import('node:fs');
    const bad = join(app.dir, 'servers.csv');
    writeFileSync(bad, 'Name,Type\nweb01,Server\n,Server\nweb03,Server\n,Server\n');
    app.dialogs.importFiles.push([bad]);
    await app.emit('menu', 'import');
    const dialog = page.getByRole('dialog', { name: 'Import inventory' });
    const errors = dialog.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual([expect.stringMatching(/^Line 3, name: /), expect.stringMatching(/^Line 5, name: /)]);
    expect(await dialog.getByRole('button', { name: 'Apply import' }).isDisabled()).toBe(true);
    await app.screenshot('import-errors');
    expect(await scanScreen(page, 'import-errors')).toEqual([]);
    // Map the name to another column and read again: the errors go, Apply is offered.
    await dialog.getByRole('combobox', { name: 'Name', exact: true }).selectOption('Type');
    await dialog.getByRole('button', { name: 'Read again with this mapping' }).click();
    await errors.waitFor({ state: 'detached' });
    // Four rows named "Server": web01 and web03 (now an unmapped column) differ, so they are two
    // assets; the rows without one agree with the first and merge into it. The preview says so.
    expect(await dialog.getByTestId('import-count-new').textContent()).toBe('2');
    expect(await dialog.getByTestId('import-count-merged').textContent()).toBe('2');
    await dialog.getByText(/Rows share a name but differ: "Server" \(lines 2, 4\)/).waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply import' }).isDisabled()).toBe(false);
    await app.screenshot('import-remapped');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((app.session.require().db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n).toBe(0);
  });

  it('dropping a file on the window previews it straight away; a file without a path falls back to the dialog', async () => {
    app = await launch();
    const { page } = app;
    await newWorkbook(app);
    const servers = join(FIXTURES, 'onprem', 'microhack_azure-migrate-import_servers.csv');
    const drop = (name: string, paths: Record<string, string>) =>
      page.evaluate(
        ([fileName, known]) => {
          (window as unknown as { __demarcDroppedPaths: Record<string, string> }).__demarcDroppedPaths = known as Record<string, string>;
          const data = new DataTransfer();
          data.items.add(new File(['Name\nweb01\n'], fileName as string, { type: 'text/csv' }));
          document.body.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
          document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
        },
        [name, paths] as const
      );
    await drop('microhack_azure-migrate-import_servers.csv', { 'microhack_azure-migrate-import_servers.csv': servers });
    const dialog = page.getByRole('dialog', { name: 'Import inventory' });
    await dialog.getByTestId('import-count-new').filter({ hasText: '90' }).waitFor();
    expect(await dialog.getByTestId('import-format').textContent()).toContain('Azure Migrate server import CSV');
    expect(await dialog.getByText(/without a path on disk/).count()).toBe(0);
    await app.screenshot('import-dropped');
    await dialog.getByRole('button', { name: 'Apply import' }).click();
    await dialog.getByTestId('import-summary').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect((app.session.require().db.prepare("SELECT count(*) AS n FROM assets WHERE service_model = 'onprem'").get() as { n: number }).n).toBe(90);

    // A file with no path on disk: the native dialog opens instead, and the dialog says why.
    app.dialogs.importFiles.push([servers]);
    await drop('from-a-browser.csv', {});
    await dialog.getByText(/without a path on disk/).waitFor();
    await dialog.getByTestId('import-count-unchanged').filter({ hasText: '90' }).waitFor();

    // The drop granted that file; a path the page names that the user never chose is refused.
    const named = (path: string) =>
      page.evaluate((p) => (window as unknown as { api: { invoke(m: string, a: unknown): Promise<unknown> } }).api.invoke('import.preview', { paths: [p] }), path);
    expect(await named(servers)).toMatchObject({ ok: true });
    expect(await named('/etc/passwd')).toMatchObject({ ok: false, error: { code: 'NOT_GRANTED', message: expect.stringContaining('was not chosen') } });
  });

  it('takes AWS and Google Cloud CLI exports: both detected, previewed with their warnings, imported and classified', async () => {
    app = await launch();
    const { page } = app;
    await newWorkbook(app);
    const providers = fileURLToPath(new URL('../fixtures/providers/', import.meta.url));
    app.dialogs.importFiles.push([join(providers, 'aws-tagging-get-resources.json'), join(providers, 'gcp-search-all-resources.json')]);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import inventory' });
    await dialog.getByTestId('import-count-new').first().waitFor();
    const formats = await dialog.getByTestId('import-format').allTextContents();
    expect(formats).toEqual([
      expect.stringContaining('aws resourcegroupstaggingapi get-resources (JSON)'),
      expect.stringContaining('gcloud asset search-all-resources / list / export (JSON)')
    ]);
    await dialog.getByText(/ARN service "ram" is not in Demarc's AWS table/).waitFor();
    await app.screenshot('import-aws-gcp');
    expect(await scanScreen(page, 'import-aws-gcp')).toEqual([]);
    await dialog.getByRole('button', { name: 'Apply import' }).click();
    await dialog.getByTestId('import-summary').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const db = app.session.require().db;
    const byProvider = db.prepare('SELECT provider, count(*) AS n FROM assets GROUP BY provider ORDER BY provider').all();
    expect(byProvider).toEqual([
      { provider: 'aws', n: 14 },
      { provider: 'gcp', n: 13 }
    ]);
    await page.getByRole('grid', { name: 'Assets' }).getByText('orders-prod', { exact: true }).waitFor();
  });

  it('a workbook whose first sheet is an overview: pick the sheet; a later import flags what it no longer lists; the panel shows the other columns', async () => {
    app = await launch();
    const { page } = app;
    await newWorkbook(app);
    const ExcelJS = (await import('exceljs')).default;
    const write = async (name: string, vms: string[][], overview: boolean): Promise<string> => {
      const book = new ExcelJS.Workbook();
      if (overview) book.addWorksheet('Overview').addRow(['columns: Azure Resource Inventory']);
      const sheet = book.addWorksheet('Virtual Machines');
      sheet.addRow(['Name', 'Resource Group', 'Subscription', 'OS', 'Cores']);
      for (const row of vms) sheet.addRow(row);
      const path = join(app!.dir, name);
      await book.xlsx.writeFile(path);
      return path;
    };
    const first = await write('ari.xlsx', [['vm-app-1', 'rg-a', 'Prod', 'Ubuntu 22.04', '4'], ['vm-app-2', 'rg-a', 'Prod', 'Windows Server 2022', '8']], true);
    app.dialogs.importFiles.push([first]);
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import inventory' });
    const errors = dialog.getByTestId('import-errors');
    await errors.getByText(/This was sheet "Overview"; the workbook also has "Virtual Machines"/).waitFor();
    await dialog.getByRole('combobox', { name: 'Sheet' }).selectOption('Virtual Machines');
    await docScreenshot(app, 'import-sheet-picker');
    expect(await scanScreen(page, 'import-sheet-picker')).toEqual([]);
    await dialog.getByRole('button', { name: 'Read this sheet' }).click();
    await errors.waitFor({ state: 'detached' });
    await dialog.getByTestId('import-count-new').filter({ hasText: '2' }).waitFor();
    await dialog.getByRole('button', { name: 'Apply import' }).click();
    await dialog.getByTestId('import-summary').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The same sheet, later, without vm-app-2: it is flagged, never deleted.
    const later = await write('ari-later.xlsx', [['vm-app-1', 'rg-a', 'Prod', 'Ubuntu 22.04', '4']], false);
    app.dialogs.importFiles.push([later]);
    await page.getByRole('button', { name: 'Import…' }).click();
    await dialog.getByTestId('import-count-notSeen').filter({ hasText: '1' }).waitFor();
    await dialog.getByRole('button', { name: 'Apply import' }).click();
    await dialog.getByTestId('import-summary').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const grid = page.getByRole('grid', { name: 'Assets' });
    await grid.getByText('· not seen').waitFor();
    await page.getByLabel('Last import').selectOption('not-seen');
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('2');
    // The name cell reads "vm-app-2 · not seen".
    await grid.getByRole('gridcell', { name: /^vm-app-2 · not seen$/ }).waitFor();
    await docScreenshot(app, 'import-not-seen-filter');
    expect(await scanScreen(page, 'import-not-seen-filter')).toEqual([]);

    // The file's other columns are kept with the asset and shown in its panel.
    await grid.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    const other = panel.getByRole('definition').filter({ hasText: 'Windows Server 2022' });
    await other.waitFor();
    await panel.getByText('Not seen in the last import.').waitFor();
    await docScreenshot(app, 'import-other-columns');
    expect(await scanScreen(page, 'import-other-columns')).toEqual([]);
  });
});
