/**
 * The CLI on a workbook naming models it does not hold (issue 23): `demarc check` reports
 * MODEL_MISSING and exits 1 as for any error finding, `demarc report` and `demarc export` work,
 * and the repair is the user's explicit `demarc assign --where finding=MODEL_MISSING --model ID`
 * (or `demarc models FILE default ID` for a lost default), logged like every other edit.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID } from '@core/models';
import { EXIT } from '@cli/io';
import { META_KEYS } from '@main/store/repos/meta';
import { buildModelMissingWorkbook } from '@tests/helpers/model-missing-workbook';
import { cli } from '@tests/helpers/run-cli';
import { sha256File, tempDir } from '@tests/helpers/temp';

async function damaged(): Promise<{ dir: string; wb: string }> {
  const dir = tempDir();
  const wb = join(dir, 'damaged.demarc');
  await buildModelMissingWorkbook(wb);
  return { dir, wb };
}

describe('demarc on a workbook naming models it does not hold', () => {
  it('check reports MODEL_MISSING and exits 1; report, export and models answer; nothing is written', async () => {
    const { dir, wb } = await damaged();
    const hash = sha256File(wb);
    const check = await cli(['check', wb, '--examples', '1'], dir);
    expect(check.code, check.stderr).toBe(EXIT.checkFailed);
    expect(check.stdout).toContain('ERROR MODEL_MISSING — Model not in the workbook: 9 finding(s) on 9 asset(s)');
    expect(check.stdout).toMatch(/- "kafka-1-nsg" is to be read under the responsibility model "contoso-network-2025" \(the model chosen for it\), which is not in this workbook; until a model is chosen it is read under Microsoft Azure shared responsibility \(January 2026\)/);
    const json = JSON.parse((await cli(['check', wb, '--json'], dir)).stdout) as { ok: boolean; groups: { code: string; count: number }[] };
    expect(json.ok).toBe(false);
    expect(json.groups[0]).toMatchObject({ code: 'MODEL_MISSING', count: 9 });
    const report = await cli(['report', wb, '--json'], dir);
    expect(report.code, report.stderr).toBe(0);
    expect((JSON.parse(report.stdout) as { findings: { code: string }[] }).findings.filter((f) => f.code === 'MODEL_MISSING')).toHaveLength(9);
    const out = join(dir, 'raci.xlsx');
    const exported = await cli(['export', wb, '--out', out], dir);
    expect(exported.code, exported.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await cli(['models', wb], dir)).code).toBe(0);
    expect(sha256File(wb)).toBe(hash);
  });

  it('assign --where finding=MODEL_MISSING --model repairs in one logged step (previewable first)', async () => {
    const { dir, wb } = await damaged();
    const hash = sha256File(wb);
    const preview = await cli(['assign', wb, '--where', 'finding=MODEL_MISSING', '--model', DEFAULT_MODEL_ID, '--preview'], dir);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('0 asset(s) change');
    expect(sha256File(wb)).toBe(hash);
    const repair = await cli(['assign', wb, '--where', 'finding=MODEL_MISSING', '--model', DEFAULT_MODEL_ID], dir);
    expect(repair.code, repair.stderr).toBe(0);
    expect(repair.stdout).toContain(`Set model ${DEFAULT_MODEL_ID} on 9 assets`);
    const check = await cli(['check', wb, '--json'], dir);
    expect((JSON.parse(check.stdout) as { groups: { code: string }[] }).groups.map((g) => g.code)).not.toContain('MODEL_MISSING');
    const db = new Database(wb, { readonly: true });
    try {
      expect(db.prepare("SELECT summary FROM change_log WHERE action = 'assets.update' ORDER BY id DESC LIMIT 1").get()).toEqual({ summary: `Set model ${DEFAULT_MODEL_ID} on 9 assets` });
    } finally {
      db.close();
    }
  });

  it('a lost default model: models names the one read in its place; models default ID repairs it', async () => {
    const { dir, wb } = await damaged();
    const db = new Database(wb);
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run('contoso-default-2024', META_KEYS.defaultModelId);
    db.close();
    const listed = await cli(['models', wb], dir);
    expect(listed.stdout).toContain(`(${DEFAULT_MODEL_ID}, version 2026-01-12) — read in place of the default model, which is not in the workbook (see demarc check), built in; 19 asset(s)`);
    expect((await cli(['check', wb], dir)).stdout).toContain('MODEL_MISSING — Model not in the workbook: 19 finding(s) on 19 asset(s)');
    const repair = await cli(['models', wb, 'default', DEFAULT_MODEL_ID], dir);
    expect(repair.code, repair.stderr).toBe(0);
    expect((await cli(['check', wb], dir)).stdout).toContain('MODEL_MISSING — Model not in the workbook: 9 finding(s) on 9 asset(s)');
  });
});
