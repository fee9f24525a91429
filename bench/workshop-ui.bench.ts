/**
 * Part (c) of `npm run bench -- workshop`, which runs this with the workbook it built: stepping to the next layer in the built renderer (Debian
 * Chromium via the e2e harness, the real preload and router, as bench/ui.bench.ts drives it), on a
 * workbook whose workshop was started over the whole 100k-asset import. The walk starts at the
 * largest decision group; each → is timed in the page from keydown to the frame after the step
 * view shows the next layer's answer (its heading and group name, no longer busy). Each step is a
 * first visit (no cached answer): the walk goes on through the next-largest groups. Same-run
 * baseline, as the UI bench's: a key the walk ignores, keydown → the next frame.
 * Needs `npx electron-vite build` first. Run alone (`npm run bench -- workshop-ui`) it has no workbook
 * and says so. Run in its own process: its peak RSS is main's side (router, engine); the Chromium renderer's
 * peak RSS (VmHWM) is read from /proc for the renderer processes the browser reports.
 */
import './resolve-from-cwd';
import { existsSync, readFileSync } from 'node:fs';
import { Harness } from '@tests/helpers/e2e/harness';

const GROUPS = 6;
const BASELINE_PER_GROUP = 3;
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
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.locator('[role=grid] [role=row][data-loaded=true]').first().waitFor({ timeout: 120_000 });
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Workshop' }).click();
    await page.getByRole('button', { name: `Continue ${title}` }).click();
    const heading = page.locator('#workshop-step-heading');
    await heading.waitFor({ timeout: 120_000 });
    const layers = Number(/of (\d+)/.exec((await heading.textContent()) ?? '')?.[1] ?? Number.NaN);
    const groupText = (await page.locator('.workshop-step__group').textContent()) ?? '';
    const groupCount = /of (\d+)/.exec(groupText)?.[1] ?? '?';
    console.log(`(c) renderer: workshop open at group 1 of ${groupCount} (${/— ([\d,]+) assets/.exec(groupText)?.[1] ?? '?'} assets), ${layers} layers a group`);
    await page.evaluate(instrument);
    await page.locator('.workshop-step').click({ position: { x: 2, y: 2 } }); // focus on the page, not a field

    const timeKey = async (key: string, want: { group: string; layer: string } | null): Promise<number> => {
      await page.evaluate((next) => {
        const w = window as unknown as { __baseline: boolean; __want: unknown; __settle: (ms: number) => void; __done: Promise<number> };
        w.__baseline = next === null;
        if (next !== null) w.__want = next;
        w.__done = new Promise((resolve) => (w.__settle = resolve));
      }, want);
      await page.keyboard.press(key);
      const took = await page.evaluate(async () => {
        let timer = 0;
        try {
          return await Promise.race([
            (window as unknown as { __done: Promise<number> }).__done,
            new Promise<number>((_, reject) => (timer = window.setTimeout(() => reject(new Error('no step shown within 20 s')), 20_000)))
          ]);
        } finally {
          window.clearTimeout(timer);
        }
      });
      await page.waitForTimeout(150); // a presenter's pace
      return took;
    };
    const steps: number[] = [];
    const baseline: number[] = [];
    const sizes: string[] = [];
    for (let group = 0; group < GROUPS; group++) {
      sizes.push(/— ([\d,]+) assets/.exec((await page.locator('.workshop-step__group').textContent()) ?? '')?.[1] ?? '?');
      for (let layer = 1; layer <= layers; layer++) {
        const last = layer === layers;
        if (last && group === GROUPS - 1) break;
        const want = last ? { group: `Group ${group + 2} of`, layer: 'Layer 1 of' } : { group: `Group ${group + 1} of`, layer: `Layer ${layer + 1} of` };
        steps.push(await timeKey('ArrowRight', want));
      }
      for (let i = 0; i < BASELINE_PER_GROUP; i++) baseline.push(await timeKey('q', null));
    }
    console.log(
      `    → next layer, ${steps.length} steps over the ${GROUPS} largest groups (${sizes.join(', ')} assets), each a first visit: median ${ms(pct(steps, 50))}, p95 ${ms(pct(steps, 95))}, max ${ms(Math.max(...steps))} (goal p95 ≤ 50 ms)`
    );
    console.log(
      `    baseline, a key the walk ignores (${baseline.length}): median ${ms(pct(baseline, 50))}, p95 ${ms(pct(baseline, 95))}; a step adds ${ms(pct(steps, 50) - pct(baseline, 50))} at the median, p95 ratio ${(pct(steps, 95) / pct(baseline, 95)).toFixed(2)}×`
    );
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
