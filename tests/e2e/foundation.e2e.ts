import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';

const { launch } = useHarness();
let app: AppUnderTest | null = null;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('foundation: start screen, workbook file, refusals', () => {
  it('creates a workbook through the native save dialog and shows it', async () => {
    app = await launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Demarc', level: 1 }).waitFor();
    const path = join(app.dir, 'Contoso.demarc');
    app.dialogs.newPaths.push(path);
    await page.getByLabel('Organisation').fill('Contoso Ltd');
    await page.getByRole('button', { name: 'New workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe('Contoso — Demarc');
    expect(await page.getByTestId('status-path').textContent()).toBe(path);
    for (const area of ['Dashboard', 'Inventory', 'Responsibility', 'Parties', 'Findings', 'Export', 'Settings']) {
      await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).waitFor();
    }
    await app.screenshot('foundation-created');
    // The file on disk is a real workbook with the organisation we typed.
    app.session.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'organisation'").pluck().get()).toBe('Contoso Ltd');
    expect(db.pragma('application_id', { simple: true })).toBe(0x444d5243);
    db.close();
  });

  it('reopens a workbook from the recent list and sees its name', async () => {
    app = await launch();
    const path = join(app.dir, 'Fabrikam.demarc');
    app.dialogs.newPaths.push(path);
    await app.page.getByRole('button', { name: 'New workbook…' }).click();
    await app.page.getByRole('heading', { name: 'Fabrikam', level: 1 }).waitFor();
    await app.page.getByRole('button', { name: 'Close' }).click();
    await app.page.getByRole('heading', { name: 'Open recent' }).waitFor();
    await app.screenshot('foundation-start-recent');
    await app.page.getByRole('button', { name: /Fabrikam/ }).click();
    await app.page.getByRole('heading', { name: 'Fabrikam', level: 1 }).waitFor();
    expect(app.titles).toEqual(['Fabrikam', null, 'Fabrikam']);
    // And through the menu's File › Open with the native dialog.
    await app.page.getByRole('button', { name: 'Close' }).click();
    app.dialogs.openPaths.push(path);
    await app.emit('menu', 'open-workbook');
    await app.page.getByRole('heading', { name: 'Fabrikam', level: 1 }).waitFor();
    await app.screenshot('foundation-reopened');
  });

  it('refuses a foreign file with a clear message and leaves it unchanged', async () => {
    app = await launch();
    const text = join(app.dir, 'inventory.csv');
    writeFileSync(text, 'name,type\nvm1,Microsoft.Compute/virtualMachines\n');
    const foreign = join(app.dir, 'other-app.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'hello\');');
    db.close();
    const before = [sha(text), sha(foreign)];

    app.dialogs.openPaths.push(text);
    await app.page.getByRole('button', { name: 'Open workbook…' }).click();
    await app.page.getByRole('alert').getByText('inventory.csv is not a Demarc workbook: it is not a SQLite database file.').waitFor();
    await app.screenshot('foundation-refused-text');

    app.dialogs.openPaths.push(foreign);
    await app.page.getByRole('button', { name: 'Open workbook…' }).click();
    await app.page.getByRole('alert').getByText('other-app.sqlite is a SQLite database but not a Demarc workbook').waitFor();
    await app.screenshot('foundation-refused-sqlite');

    expect([sha(text), sha(foreign)]).toEqual(before);
    expect(existsSync(`${foreign}-journal`)).toBe(false);
    // Still on the start screen.
    await app.page.getByRole('heading', { name: 'New workbook' }).waitFor();
  });
});
