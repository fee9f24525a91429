/**
 * Help › Verify workbook: a workbook whose change log was edited with SQLite while closed opens,
 * the menu command lands on the Audit area and names the edited entry; verifying against an
 * export made before the edit says the history no longer matches it.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '@main/services/export-service';
import { closeWorkbook } from '@main/services/workbook-service';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { handMadeWorkbook } from '@tests/helpers/framework-seed';
import { openWorkbook } from '@tests/helpers/e2e/open-workbook';

const { launch } = useHarness();

describe('verify the workbook from the Help menu', () => {
  it('names the edited entry and the export it no longer matches', async () => {
    const app = await launch();
    const made = handMadeWorkbook({ dir: app.dir });
    const exported = join(app.dir, 'Northwind RACI.xlsx');
    await exportWorkbook(made.wb, made.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    closeWorkbook(made.wb);
    const db = new Database(made.path);
    db.exec(`UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.summary', 'Nothing to see here') WHERE id = 2`);
    db.close();

    const { page } = app;
    await openWorkbook(app, made.path, 'Northwind');
    await app.emit('menu', 'verify-workbook');
    await page.getByRole('heading', { name: 'Verification failed' }).waitFor();
    expect(await page.getByTestId('verify-chain').textContent()).toContain('Broken at entry #2 (edited): Entry #2 was edited');
    await docScreenshot(app, 'audit-verify-broken');
    expect(await scanScreen(page, 'audit-verify-broken')).toEqual([]);

    app.dialogs.verifyFiles.push(exported);
    await page.getByRole('button', { name: 'Verify against an export…' }).click();
    await expect.poll(() => page.getByTestId('verify-against').textContent()).toContain('does not match');
    expect(await page.getByTestId('verify-against').textContent()).toContain('Northwind RACI.xlsx');
  });
});
