/**
 * Workshop mode in the built renderer over the real preload, router and a real workbook: start a
 * workshop with three attendees over one subscription, walk two decision groups by keyboard,
 * change one RACI, defer one layer with an action, pause, reopen the workbook, resume, finish and
 * print the minutes (Chromium's page.pdf() standing in for Electron's printToPDF); the PDF's text
 * read back with pdftotext lists exactly those decisions, and its first page, rendered with
 * pdftoppm, is the user guide's picture. An axe scan and a screenshot at every step.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { seedWorkshopWorkbook } from '@tests/helpers/e2e/workbench-seed';

const { launch } = useHarness();
const SUB = '0f3c2a1e-0000-4000-8000-000000000001';

async function checkScreen(app: AppUnderTest, name: string): Promise<void> {
  await docScreenshot(app, name);
  expect(await scanScreen(app.page, name)).toEqual([]);
}

const nav = (page: Page, area: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).click();
const layerHeading = (page: Page) => page.locator('#workshop-step-heading');

async function openWorkbook(app: AppUnderTest, path: string): Promise<void> {
  app.dialogs.openPaths.push(path);
  await app.page.getByRole('button', { name: 'Open workbook…' }).click();
  await app.page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
}

describe('workshop mode', () => {
  it('start → walk two groups → change RACI → defer → pause → reopen → resume → finish → minutes PDF', async () => {
    const app = await launch();
    const { page } = app;
    const seeded = seedWorkshopWorkbook(app.dir);
    await openWorkbook(app, seeded.path);

    // Start: title, date, three attendees (one added on the spot), one subscription.
    await nav(page, 'Workshop');
    await page.getByRole('button', { name: 'Start a workshop…' }).click();
    await page.getByLabel('Title').fill('Q1 platform review');
    await page.getByLabel('Date').fill('2026-11-30');
    const attendees = page.getByRole('group', { name: /Attendees/ });
    await attendees.getByLabel('Platform Team').check();
    await attendees.getByLabel('Security Team').check();
    await page.getByLabel('New attendee').fill('Dana Network');
    await page.getByRole('button', { name: 'Add attendee' }).click();
    await page.getByRole('group', { name: 'Attendees (3)' }).waitFor();
    await page.getByRole('combobox', { name: 'Scope', exact: true }).selectOption('subscription');
    await page.getByRole('combobox', { name: 'Subscription', exact: true }).selectOption(SUB);
    await page.getByRole('heading', { name: '30 assets in 8 decision groups' }).waitFor();
    await checkScreen(app, 'workshop-mode-start');
    await page.getByRole('button', { name: 'Start the workshop' }).click();

    // The walk: group 1 (the 20 VMs without an owner), layer 1.
    await page.getByRole('heading', { name: 'Q1 platform review' }).waitFor();
    await page.getByText('Group 1 of 8, layer 1 of 10').waitFor();
    await expect.poll(() => layerHeading(page).textContent()).toBe('Layer 1 of 10: Customer data');
    await page.getByText(/20 assets \(vm-web-05/).waitFor();
    await checkScreen(app, 'workshop-mode-walk');

    // Change the RACI of the whole group: Platform Team Accountable and Responsible.
    await page.getByLabel('Change the RACI').check();
    await page.getByLabel('Accountable (A)').selectOption({ label: 'Platform Team' });
    await page.getByLabel(/Responsible \(R\)/).selectOption([{ label: 'Platform Team' }]);
    await page.getByLabel('Reason (optional)').fill('The platform team runs every VM of the shop');
    await checkScreen(app, 'workshop-mode-decide');
    await page.getByRole('button', { name: 'Record decision' }).click();
    // Recorded, applied, and the walk moved on to layer 2.
    await expect.poll(() => layerHeading(page).textContent()).toBe('Layer 2 of 10: Configurations and settings');
    await page.getByText('1 of 80 steps decided').waitFor();

    // Keyboard: back to layer 1 shows the decision; Shift+→ goes to group 2, → walks its layers.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => layerHeading(page).textContent()).toBe('Layer 1 of 10: Customer data');
    await page.getByText(/RACI changed.*Accountable: Platform Team/).waitFor();
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByText('Group 2 of 8, layer 1 of 10').waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => layerHeading(page).textContent()).toBe('Layer 6 of 10: Network controls');

    // Projector zoom.
    await page.keyboard.press('+');
    await page.getByText('125 %').waitFor();

    // Defer the layer with an action owned by the Security Team.
    await page.getByLabel('Defer with an action').check();
    await page.getByRole('textbox', { name: 'Action' }).fill('Find out who runs the NSGs of rg-web');
    await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Security Team' });
    await page.getByLabel('Due').fill('2026-12-15');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => layerHeading(page).textContent()).toBe('Layer 7 of 10: Operating system');
    await checkScreen(app, 'workshop-mode-zoomed');

    // Pause, close the workbook, open it again: the workshop is paused where it stopped.
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText(/· paused/).waitFor();
    await app.emit('menu', 'close-workbook');
    await page.getByRole('button', { name: 'Open workbook…' }).waitFor();
    await openWorkbook(app, seeded.path);
    await nav(page, 'Workshop');
    await page.getByRole('row', { name: /Q1 platform review/ }).getByRole('cell', { name: 'Paused' }).waitFor();
    await checkScreen(app, 'workshop-mode-list');
    await page.getByRole('button', { name: 'Resume Q1 platform review' }).click();
    await page.getByText('Group 2 of 8, layer 7 of 10').waitFor();
    await page.getByText('The workshop is paused: resume it to record decisions.').waitFor();
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await page.getByRole('button', { name: 'Record decision' }).waitFor();

    // The end: who is to sign off, the action, finish, minutes as PDF.
    await page.getByRole('button', { name: 'Sign-off and minutes' }).click();
    const signOff = page.getByRole('table', { name: 'Attendees to sign off' });
    await signOff.getByRole('row', { name: /Platform Team 48 Not yet/ }).waitFor();
    // The room signs off: the attendee is preset, the scope is the workshop's.
    await signOff.getByRole('button', { name: 'Sign off for Platform Team' }).click();
    const dialog = page.getByRole('dialog', { name: /Sign off:/ });
    await dialog.getByRole('button', { name: 'Sign off', exact: true }).click();
    await signOff.getByRole('row', { name: /Platform Team 48 Yes/ }).waitFor();
    await page.getByText(/Find out who runs the NSGs of rg-web — Security Team, due 2026-12-15/).waitFor();
    await page.getByRole('button', { name: 'Finish the workshop' }).click();
    await page.getByText(/· finished/).waitFor();
    const pdf = join(mkdtempSync(join(app.dir, 'minutes-')), 'Q1 minutes.pdf');
    app.dialogs.exportPaths.push(pdf);
    await page.getByRole('button', { name: 'Save the minutes…' }).click();
    await page.getByRole('status').filter({ hasText: /Saved .*Q1 minutes\.pdf.*2 decisions, 1 actions/ }).waitFor();
    await checkScreen(app, 'workshop-mode-minutes');

    // The PDF lists exactly the decisions made.
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Decisions (2)');
    expect(text.match(/RACI changed/g)).toHaveLength(1);
    expect(text.match(/Deferred(?! actions)/g)).toHaveLength(1);
    expect(text).not.toMatch(/\bKept\b|Overridden/);
    expect(text).toContain('Find out who runs the NSGs of rg-web');
    // Its first page, as the user guide shows it.
    const prefix = join(app.dir, 'minutes-page');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, prefix]);
    const png = readdirSync(app.dir).find((f) => f.startsWith('minutes-page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    copyFileSync(join(app.dir, png!), join(__dirname, '..', '..', 'docs', 'screenshots', 'workshop-mode-minutes-pdf.png'));
  }, 240_000);
});
