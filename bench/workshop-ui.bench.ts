/**
 * Part (c) of `npm run bench -- workshop`, which runs this with the workbook it built: stepping to
 * the next layer in the built renderer (Debian Chromium via the e2e harness, the real preload and
 * router, as bench/ui.bench.ts drives it), on a workbook whose workshop was started over the whole
 * 100k-asset import, from the largest decision group on. Each key is timed in the page from
 * keydown to the frame after the step view shows the step asked for (its heading and group, no
 * longer busy). Two paths:
 * - → as the presenter steps: the app fetches the next layer while a step is shown, so the bench
 *   waits for that fetch (and PACE_MS) before the key — the meeting's path;
 * - Shift+→ to a group's first layer, which nothing fetched ahead: main's answer, the way back
 *   and the repaint.
 * Same-run baseline, as the UI bench's: a key the walk ignores, keydown → the next frame.
 * Needs `npx electron-vite build` first. Run alone (`npm run bench -- workshop-ui`) it has no
 * workbook and says so. Run in its own process: its peak RSS is main's side (router, engine); the
 * Chromium renderer's peak RSS (VmHWM) is read from /proc for the renderer processes the browser
 * reports.
 */
import './resolve-from-cwd';
import { existsSync, readFileSync } from 'node:fs';
import { Harness } from '@tests/helpers/e2e/harness';

const WARM_GROUPS = 6;
const COLD_GROUPS = 30;
const BASELINE_EACH = 3;
/** After the step ahead was asked for: its answer's way back to the page, and the room's look at the step. */
const PACE_MS = 500;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)] ?? Number.NaN;

/** Peak resident set (VmHWM) of a process, in bytes (0 when it is gone). */
function peakRss(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line === undefined ? 0 : Number(line.replace(/\D+/g, '')) * 1024;
  } catch {
    return 0;
  }
}

/** In the page: times each keystroke from keydown to the frame after the step it asked for is shown. */
function instrument(): void {
  const w = window as unknown as { __t0: number; __t1: number; __baseline: boolean; __want: { group: string; layer: string }; __settle: (ms: number) => void; __done: Promise<number> };
  w.__t0 = 0;
  w.__t1 = 0;
  w.__baseline = false;
  const finish = () => {
    if (w.__t1 !== 0) return;
    w.__t1 = performance.now();
    w.__settle(w.__t1 - w.__t0);
  };
  window.addEventListener(
    'keydown',
    () => {
      w.__t0 = performance.now();
      w.__t1 = 0;
      if (w.__baseline) requestAnimationFrame(finish);
    },
    { capture: true }
  );
  const shown = () => {
    if (w.__t0 === 0 || w.__t1 !== 0 || w.__baseline) return;
    const article = document.querySelector('article.workshop-step');
    if (article === null || article.getAttribute('aria-busy') !== 'false') return;
    const layer = document.getElementById('workshop-step-heading')?.textContent ?? '';
    const group = article.querySelector('.workshop-step__group')?.textContent ?? '';
    if (layer.startsWith(w.__want.layer) && group.startsWith(w.__want.group)) requestAnimationFrame(finish);
  };
  new MutationObserver(shown).observe(document.querySelector('.workshop-walk')!, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-busy'] });
}

async function measureRendererSteps(path: string, title: string): Promise<void> {
  const harness = new Harness();
  try {
    await harness.start();
    const app = await harness.launch();
    const { page } = app;
    app.dialogs.openPaths.push(path);
    // Opening 100k assets keeps main (this process) busy: the click waits for it.
    await page.getByRole('button', { name: 'Open workbook…' }).click({ timeout: 300_000 });
    await page.locator('[role=grid] [role=row][data-loaded=true]').first().waitFor({ timeout: 300_000 });
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Workshop' }).click({ timeout: 300_000 });
    await page.getByRole('button', { name: `Continue ${title}` }).click({ timeout: 300_000 });
    const heading = page.locator('#workshop-step-heading');
    await heading.waitFor({ timeout: 300_000 });
    const layers = Number(/of (\d+)/.exec((await heading.textContent()) ?? '')?.[1] ?? Number.NaN);
    const groupText = (await page.locator('.workshop-step__group').textContent()) ?? '';
    const groupCount = /of (\d+)/.exec(groupText)?.[1] ?? '?';
    console.log(`(c) renderer: workshop open at group 1 of ${groupCount} (${/— ([\d,]+) assets/.exec(groupText)?.[1] ?? '?'} assets), ${layers} layers a group`);
    await page.evaluate(instrument);
    await page.locator('.workshop-step').click({ position: { x: 2, y: 2 } }); // focus on the page, not a field

    /** Resolves once the page has asked main for the step at (group, layer) (the app's fetch ahead) and had time to take the answer. */
    const fetchedAhead = async (group: number, layer: number): Promise<void> => {
      const asked = () => app.calls.some((c) => c.method === 'workshops.step' && JSON.stringify(c.args).includes(`"group":${group},"layer":${layer}`));
      for (const started = performance.now(); !asked(); ) {
        if (performance.now() - started > 60_000) throw new Error(`the step (${group}, ${layer}) was never fetched ahead`);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(PACE_MS);
    };
    const timeKey = async (key: string, want: { group: number; layer: number } | null): Promise<number> => {
      await page.evaluate((next) => {
        const w = window as unknown as { __baseline: boolean; __want: unknown; __settle: (ms: number) => void; __done: Promise<number> };
        w.__baseline = next === null;
        if (next !== null) w.__want = { group: `Group ${next.group + 1} of`, layer: `Layer ${next.layer + 1} of` };
        w.__done = new Promise((resolve) => (w.__settle = resolve));
      }, want);
      await page.keyboard.press(key);
      return page.evaluate(async () => {
        let timer = 0;
        try {
          return await Promise.race([
            (window as unknown as { __done: Promise<number> }).__done,
            new Promise<number>((_, reject) => (timer = window.setTimeout(() => reject(new Error('no step shown within 60 s')), 60_000)))
          ]);
        } finally {
          window.clearTimeout(timer);
        }
      });
    };
    const sizeShown = async (): Promise<number> => Number((/— ([\d,]+) assets/.exec((await page.locator('.workshop-step__group').textContent()) ?? '')?.[1] ?? 'NaN').replace(/,/g, ''));
    const baseline: number[] = [];
    const baselineKeys = async () => {
      for (let i = 0; i < BASELINE_EACH; i++) {
        baseline.push(await timeKey('q', null));
        await page.waitForTimeout(PACE_MS);
      }
    };

    // Cold: Shift+→ to the next group's first layer, which nothing fetched ahead (the app fetches
    // the next layer of the step shown). Over the largest groups after the first.
    const cold: number[] = [];
    const coldSizes: number[] = [];
    await fetchedAhead(0, 1);
    for (let group = 1; group <= COLD_GROUPS; group++) {
      cold.push(await timeKey('Shift+ArrowRight', { group, layer: 0 }));
      coldSizes.push(await sizeShown());
      await fetchedAhead(group, 1);
      if (group % 10 === 0) await baselineKeys();
    }
    // Back to the first (largest) group: every step on the way is in the renderer already.
    for (let group = COLD_GROUPS; group > 0; group--) await timeKey('Shift+ArrowLeft', { group: group - 1, layer: 0 });

    // Warm, the presenter's path: → to the next layer, which the app fetched while the room
    // looked at the step shown (the bench waits for that fetch and PACE_MS more).
    const warm: number[] = [];
    const warmSizes: number[] = [];
    const slow: string[] = [];
    for (let group = 0; group < WARM_GROUPS; group++) {
      warmSizes.push(await sizeShown());
      for (let layer = 1; layer <= layers; layer++) {
        if (layer === layers && group === WARM_GROUPS - 1) break;
        const next = layer === layers ? { group: group + 1, layer: 0 } : { group, layer };
        await fetchedAhead(next.group, next.layer);
        const took = await timeKey('ArrowRight', next);
        warm.push(took);
        if (took > 50) slow.push(`group ${next.group + 1} layer ${next.layer + 1}: ${ms(took)}`);
      }
      await baselineKeys();
    }
    const span = (xs: number[]) => `${Math.min(...xs).toLocaleString('en-GB')}–${Math.max(...xs).toLocaleString('en-GB')}`;
    const line = (name: string, xs: number[]) => `median ${ms(pct(xs, 50))}, p95 ${ms(pct(xs, 95))}, max ${ms(Math.max(...xs))}; p95 ${(pct(xs, 95) / pct(baseline, 95)).toFixed(1)}× the baseline's (${name})`;
    console.log(`    → next layer as the presenter steps (fetched while the step before was shown), ${warm.length} steps over the ${WARM_GROUPS} largest groups (${span(warmSizes)} assets): ${line('goal p95 ≤ 50 ms', warm)}`);
    if (slow.length > 0) console.log(`      over 50 ms: ${slow.join('; ')}`);
    console.log(`    a step not fetched ahead (Shift+→ to the next group's first layer), ${cold.length} steps over groups 2–${COLD_GROUPS + 1} (${span(coldSizes)} assets): ${line('fetch + repaint', cold)}`);
    console.log(`    baseline, a key the walk ignores → the next frame (${baseline.length}): median ${ms(pct(baseline, 50))}, p95 ${ms(pct(baseline, 95))}`);
    const cdp = await harness.browser!.newBrowserCDPSession();
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => peakRss(p.id));
    console.log(
      `    peak RSS: main's side (this process: router, engine) ${mb(process.resourceUsage().maxRSS * 1024)}; Chromium renderer ${renderers.length === 0 ? 'not readable' : mb(Math.max(...renderers))}`
    );
    if (app.errors.length > 0) console.log(`    page errors: ${app.errors.join('; ')}`);
    await app.close();
  } finally {
    await harness.stop();
  }
}

const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const workbook = flag('workbook');
if (workbook === undefined || !existsSync(workbook)) {
  console.log('workshop-ui: no --workbook=FILE with a started workshop; `npm run bench -- workshop` builds one and runs this part with it.');
} else {
  measureRendererSteps(workbook, flag('title') ?? 'Bench').catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
