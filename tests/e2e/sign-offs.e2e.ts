/**
 * Sign-offs in the app: an asset signed off from its panel — signed with the user's key, created
 * on this first sign-off and kept encrypted (safeStorage, a double here) — one RACI cell changed,
 * the sign-off turns stale with its finding while its signature still matches, and the Sign-offs
 * screen says what changed and who changed it; Settings › Signing key shows the key's fingerprint
 * and Help › Verify workbook checks the signature; the Audit area's comparison of two dates lists
 * both changes on the asset. Where safeStorage cannot encrypt, the dialog says the sign-off will
 * be recorded unsigned, and it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkbook } from '@main/services/workbook-service';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { handMadeWorkbook } from '@tests/helpers/framework-seed';
import { fakeSafeStorage } from '@tests/helpers/fake-safe-storage';
import { openWorkbook } from '@tests/helpers/e2e/open-workbook';

const { launch } = useHarness();

describe('sign-offs from the UI', () => {
  it('signs off an asset, sees it go stale when a RACI cell changes, lists it, and compares two dates', async () => {
    const app = await launch();
    const made = handMadeWorkbook({ dir: app.dir });
    closeWorkbook(made.wb);
    const { page } = app;
    await openWorkbook(app, made.path, 'Northwind');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Inventory' }).click();
    await searchAssets(page, 'vm-01');
    await page.getByRole('grid').focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    await panel.getByRole('heading', { name: 'vm-01' }).waitFor();

    const section = panel.getByRole('region', { name: 'Sign-offs' });
    await section.getByText('Not signed off yet.').waitFor();
    await section.getByRole('button', { name: 'Sign off…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign off: vm-01' });
    await dialog.getByLabel(/Signed by/).selectOption({ label: 'Alice Martin (person)' });
    await expect.poll(() => dialog.getByTestId('sign-with-key-note').textContent()).toContain('A signing key will be created for you on this computer');
    expect(await dialog.getByLabel('Sign with my key').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Sign off' }).click();
    await dialog.waitFor({ state: 'detached' });
    await section.getByText('Valid').waitFor();
    const signedBy = section.getByText(/Signed by key SHA256:\S{43}/);
    await signedBy.waitFor();
    const fingerprint = /SHA256:\S{43}/.exec((await signedBy.textContent()) ?? '')![0];
    // The key is in user data, its private half encrypted.
    const keyFile = readFileSync(join(app.dir, 'user-data', 'signing-key.json'), 'utf8');
    expect(keyFile).not.toContain('PRIVATE KEY');

    await panel.getByRole('button', { name: 'Edit RACI of Operating system' }).click();
    const raci = page.getByRole('dialog', { name: /RACI for/ });
    await raci.getByRole('group', { name: /Responsible/ }).getByLabel('Platform team').check();
    await raci.getByRole('button', { name: 'Save RACI' }).click();
    await raci.waitFor({ state: 'detached' });
    await expect.poll(() => section.textContent()).toContain('Stale');
    expect(await section.textContent()).toContain('Operating system (responsibility or RACI) changed on vm-01');
    await panel.getByText(/The sign-off by Alice Martin on .* no longer holds for "vm-01"/).waitFor();

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Sign-offs' }).click();
    const table = page.getByRole('table', { name: 'Sign-offs' });
    await table.getByRole('row', { name: /vm-01.*Alice Martin.*Stale/ }).waitFor();
    expect(await table.textContent()).toMatch(/Stale since \S+ \S+ by e2e-user \(RACI of "Operating system"/);
    // Stale is about what it covers; the signature still matches what was signed.
    expect(await table.getByRole('row', { name: /vm-01/ }).textContent()).toContain(`Signed by key ${fingerprint} ✓`);
    await docScreenshot(app, 'sign-offs-stale');
    expect(await scanScreen(page, 'sign-offs-stale')).toEqual([]);

    // Compare two dates: from today (the default) to now lists the sign-off and the RACI change on vm-01.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Audit' }).click();
    const compare = page.getByRole('region', { name: 'Compare two dates' });
    await compare.getByRole('button', { name: 'Compare' }).click();
    const changed = compare.getByRole('table', { name: /Assets changed/ });
    const row = changed.getByRole('row', { name: /vm-01/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('RACI 1, Sign-off 1');
    expect(await row.textContent()).toContain('Operating system');
    expect(await row.textContent()).toMatch(/e2e-user: RACI of "Operating system" on vm-01/);
    await docScreenshot(app, 'audit-diff');
    expect(await scanScreen(page, 'audit-diff')).toEqual([]);

    // Settings › Signing key: the same key, its public key to hand to an auditor.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Settings' }).click();
    const signing = page.getByRole('region', { name: 'Signing key' });
    await expect.poll(() => signing.getByTestId('signing-fingerprint').textContent()).toBe(fingerprint);
    expect(await signing.getByLabel('Public key (PEM)').textContent()).toContain('-----BEGIN PUBLIC KEY-----');
    await signing.scrollIntoViewIfNeeded();
    await docScreenshot(app, 'settings-signing-key');
    expect(await scanScreen(page, 'settings-signing-key')).toEqual([]);

    // Help › Verify workbook checks the signature.
    await app.emit('menu', 'verify-workbook');
    await page.getByRole('heading', { name: 'Verified: the change log is intact and every signature matches' }).waitFor();
    expect(await page.getByTestId('verify-sign-offs').textContent()).toMatch(new RegExp(`1 sign-off, 1 signed#1 vm-01 — Alice Martin on \\S+: Signed by key ${fingerprint.replace(/[+/]/g, '\\$&')} ✓`));
    await docScreenshot(app, 'audit-verify-signed');
    expect(await scanScreen(page, 'audit-verify-signed')).toEqual([]);
  });

  it('says, before signing, that a sign-off will be recorded unsigned where safeStorage cannot encrypt', async () => {
    const app = await launch({ safeStorage: fakeSafeStorage({ available: false }) });
    const made = handMadeWorkbook({ dir: app.dir });
    closeWorkbook(made.wb);
    const { page } = app;
    await openWorkbook(app, made.path, 'Northwind');
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Sign-offs' }).click();
    await page.getByRole('button', { name: /Sign off the whole workbook|Sign off…/ }).first().click();
    const dialog = page.getByRole('dialog', { name: /Sign off/ });
    await expect.poll(() => dialog.getByTestId('sign-with-key-note').textContent()).toContain('It will be recorded unsigned: This computer offers Demarc no way to encrypt a signing key');
    expect(await dialog.getByLabel('Sign with my key').isDisabled()).toBe(true);
    await dialog.getByLabel(/Signed by/).selectOption({ label: 'Alice Martin (person)' });
    await dialog.getByRole('button', { name: 'Sign off' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Sign-offs' }).getByText('Not signed').waitFor();
    expect(existsSync(join(app.dir, 'user-data', 'signing-key.json'))).toBe(false);
  });
});
