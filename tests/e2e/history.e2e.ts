/**
 * History in the app: the workbook as it was just after an earlier change-log entry — the
 * inventory, an asset's layers and RACI, the findings — marked "as of", read only; then the
 * comparison of that day with now, and the way back to now.
 */
import { describe, expect, it } from 'vitest';
import { listChanges } from '@main/store/repos/change-log';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { closeWorkbook } from '@main/services/workbook-service';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { handMadeWorkbook } from '@tests/helpers/framework-seed';
import { openWorkbook } from '@tests/helpers/e2e/open-workbook';

const { launch } = useHarness();

describe('History: the workbook as it was', () => {
  it('shows an asset as it was after an earlier entry, compares that day with now, and goes back to now', async () => {
    const app = await launch();
    const made = handMadeWorkbook({ dir: app.dir });
    const then = listChanges(made.wb.db, { newestFirst: true, limit: 1 })[0]!;
    // After it: the RACI cell moves from Contoso MSP to the Platform team and an override is set.
    setRaci(made.wb, made.ctx, { assetId: made.ids.iaas, layerId: 'operating-system', roles: { R: [made.parties.platform] } });
    setOverride(made.wb, made.ctx, { assetId: made.ids.iaas, layerId: 'network-controls', responsibility: 'shared', justification: 'hub network' });
    closeWorkbook(made.wb);
    const { page } = app;
    await openWorkbook(app, made.path, 'Northwind');

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'History' }).click();
    await page.getByLabel('Or just after the entry').selectOption(String(then.id));
    await page.getByRole('button', { name: 'Show as of this entry' }).click();
    const banner = page.getByRole('status', { name: `As of #${then.id}` });
    await banner.getByRole('heading', { name: `As of #${then.id}` }).waitFor();
    expect(await banner.textContent()).toContain(`just after entry #${then.id}`);
    expect(await banner.textContent()).toContain('2 later entries were undone');
    expect(await banner.textContent()).toContain('everything shown is as it was');

    await page.getByRole('button', { name: 'vm-01' }).click();
    const panel = page.getByRole('region', { name: `vm-01 as of #${then.id}` });
    const os = panel.getByRole('row', { name: /Operating system/ });
    await os.waitFor();
    expect(await os.textContent()).toContain('Contoso MSP');
    expect(await os.textContent()).not.toContain('Platform team');
    expect(await panel.getByRole('row', { name: /Network controls/ }).textContent()).not.toContain('overridden');
    await docScreenshot(app, 'history-as-of');
    expect(await scanScreen(page, 'history-as-of')).toEqual([]);

    await banner.getByRole('button', { name: /^Compare \d{4}-\d{2}-\d{2} with now$/ }).click();
    const compare = page.getByRole('region', { name: 'Compare two dates' });
    const row = compare.getByRole('table', { name: /Assets changed/ }).getByRole('row', { name: /vm-01/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Override 1, RACI 2');

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Show as of this entry' }).click();
    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.getByLabel('Search assets').waitFor();
  });
});
