/** demarc models (list, default, provider) and demarc assign --model, with --preview, on a real workbook. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File, tempDir } from '@tests/helpers/temp';
import { cli } from '@tests/helpers/run-cli';

const AWS_FILE = join(__dirname, '../fixtures/providers/aws-tagging-get-resources.json');

async function awsWorkbook(): Promise<{ dir: string; wb: string }> {
  const dir = tempDir();
  const wb = join(dir, 'acme.demarc');
  expect((await cli(['new', wb, '--org', 'Acme'], dir)).code).toBe(0);
  expect((await cli(['import', wb, AWS_FILE], dir)).code).toBe(0);
  return { dir, wb };
}

describe('demarc models', () => {
  it('lists each model with its service models, the default and the providers read under it', async () => {
    const { dir, wb } = await awsWorkbook();
    const run = await cli(['models', wb], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('(aws-2026-12, version 2026-12-07) — for aws assets, built in; 14 asset(s)');
    expect(run.stdout).toContain('  service models: infrastructure (Infrastructure services), container (Container services), abstracted (Abstracted services)');
    expect(run.stdout).toContain('(microsoft-2026-01, version 2026-01-12) — default, built in; 0 asset(s)');
    expect(run.stdout).toContain('  service models: onprem (On-premises), iaas (IaaS), paas (PaaS), saas (SaaS)');
  });

  it('previews a provider’s move without writing, then moves it; refuses an unknown provider', async () => {
    const { dir, wb } = await awsWorkbook();
    const hash = sha256File(wb);
    const preview = await cli(['models', wb, 'provider', 'aws', 'default', '--preview'], dir);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toMatch(/^Moving the 14 aws asset\(s\) without a model of their own from aws-2026-12 to microsoft-2026-01: 14 asset\(s\) change\./);
    expect(preview.stdout).toMatch(/\d+ × service model Infrastructure services → IaaS/);
    expect(sha256File(wb)).toBe(hash);
    const moved = await cli(['models', wb, 'provider', 'aws', 'default'], dir);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout.split('\n')[0]).toBe('aws assets read under the default model');
    const report = JSON.parse((await cli(['report', wb, '--json'], dir)).stdout) as { assets: { name: string; serviceModel: string | null; modelId: string }[] };
    expect(report.assets.find((a) => a.name === 'web-01')).toMatchObject({ serviceModel: 'iaas', modelId: 'microsoft-2026-01' });
    const bad = await cli(['models', wb, 'provider', 'azur', 'default'], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"azur" is not a provider; use one of azure, aws, gcp, onprem, cmdb, other');
  });

  it('assign --model moves the matching assets; --preview changes nothing', async () => {
    const { dir, wb } = await awsWorkbook();
    const hash = sha256File(wb);
    const preview = await cli(['assign', wb, '--where', 'text=web-01', '--model', 'google-cloud-2023-08', '--preview'], dir);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('1 × service model Infrastructure services → IaaS');
    expect(sha256File(wb)).toBe(hash);
    const done = await cli(['assign', wb, '--where', 'text=web-01', '--model', 'google-cloud-2023-08'], dir);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('Set model google-cloud-2023-08 on 1 asset');
    const refused = await cli(['assign', wb, '--where', 'text=orders', '--service-model', 'iaas'], dir);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('"iaas" is not a service model of AWS shared responsibility model');
  });
});
