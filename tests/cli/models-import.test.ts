/** Issue 20, CLI parity: demarc models import adds a model of one's own, validated, one change-log entry; a bad file changes nothing. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '@core/models';
import type { ModelSummary } from '@shared/contract/engine';
import { cli } from '@tests/helpers/run-cli';
import { sha256File, tempDir } from '@tests/helpers/temp';

describe('demarc models import', () => {
  it('adds the model with its own columns, lists it, and makes it usable as the default', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    expect((await cli(['new', wb, '--org', 'Acme'], dir)).code).toBe(0);
    const base = BUILTIN_MODELS['aws-2026-12']!;
    writeFileSync(join(dir, 'ours.json'), JSON.stringify({ ...base, id: 'acme-aws', name: 'Acme on AWS' }));
    const run = await cli(['models', wb, 'import', 'ours.json'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Imported:\nAcme on AWS \(acme-aws, version [^)]+\) — imported; 0 asset\(s\)\n {2}service models: /);
    const listed = JSON.parse((await cli(['models', wb, '--json'], dir)).stdout) as ModelSummary[];
    const ours = listed.find((m) => m.id === 'acme-aws');
    expect(ours?.serviceModels.map((c) => c.id)).toEqual(base.serviceModels);
    expect((await cli(['models', wb, 'default', 'acme-aws'], dir)).code).toBe(0);
    expect((await cli(['log', wb], dir)).stdout).toMatch(/Imported model Acme on AWS \(acme-aws, version [^)]+\) from ours\.json/);
  });

  it('refuses a model that is not valid or whose id is taken, leaving the workbook as it was', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    await cli(['new', wb], dir);
    const hash = sha256File(wb);
    writeFileSync(join(dir, 'clash.json'), JSON.stringify(BUILTIN_MODELS['microsoft-2026-01']));
    const clash = await cli(['models', wb, 'import', 'clash.json'], dir);
    expect(clash).toMatchObject({ code: 2, stdout: '' });
    expect(clash.stderr).toMatch(/^demarc models: clash\.json: the id "microsoft-2026-01" belongs to a built-in model/);
    writeFileSync(join(dir, 'x.json'), '{ nope');
    const broken = await cli(['models', wb, 'import', 'x.json'], dir);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/x\.json: not valid JSON/);
    expect((await cli(['models', wb, 'import'], dir)).stderr).toBe('demarc models import: expected one model file (JSON)\n');
    expect(sha256File(wb)).toBe(hash);
  });
});
