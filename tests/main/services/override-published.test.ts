/**
 * Issue 20, defect 3: an override to the value the model already publishes is nothing to
 * override. It is refused (and writes nothing); on a layer that has an override, choosing the
 * published value returns the layer to it (the override is cleared). A stored override that
 * matches the published cell (the service model changed under it) does not count as one.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { deriveResponsibility } from '@core/derive';
import { BUILTIN_MODELS } from '@core/models';
import { assetDetail } from '@main/engine/asset-detail';
import { undo } from '@main/services/history';
import { setOverride } from '@main/services/overrides';
import { workbookReport } from '@main/services/report';
import type { Db } from '@main/store/workbook-file';
import { DemarcError } from '@shared/errors';
import { override } from '@tests/helpers/builders';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets } from '@tests/helpers/seed';
import { wholeReport } from '@tests/helpers/whole-report';
import { createTestWorkbook } from '@tests/helpers/workbook';

const changes = (db: Db) => (db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
const overrides = (db: Db) => db.prepare('SELECT * FROM layer_overrides').all();

describe('an override to the published value', () => {
  it('is refused when the layer has no override, and nothing is written', () => {
    const t = createTestWorkbook();
    seedAssets(t.wb.db, [{ name: 'app-1', serviceModel: 'paas' }]);
    const before = changes(t.wb.db);
    let error: unknown;
    try {
      setOverride(t.wb, t.ctx, { assetId: 1, layerId: 'operating-system', responsibility: 'provider', justification: 'x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemarcError);
    expect((error as DemarcError).code).toBe('RULE_VIOLATION');
    expect((error as DemarcError).message).toMatch(/"Operating system" of app-1 is already provider under the published model: nothing to override/);
    expect(changes(t.wb.db)).toBe(before);
    expect(overrides(t.wb.db)).toEqual([]);
    expect(wholeReport(workbookReport(t.wb, t.ctx)).assets[0]!.layers.find((l) => l.layerId === 'operating-system')).toMatchObject({ overridden: false, justification: null });
    t.close();
  });

  it('returns an overridden layer to the published cell (the override is cleared, one undo step)', () => {
    const t = createTestWorkbook();
    seedAssets(t.wb.db, [{ name: 'app-1', serviceModel: 'paas' }]);
    setOverride(t.wb, t.ctx, { assetId: 1, layerId: 'operating-system', responsibility: 'shared', justification: 'we patch the runtime' });
    const detail = setOverride(t.wb, t.ctx, { assetId: 1, layerId: 'operating-system', responsibility: 'provider', justification: 'back to the model' });
    expect(detail.layers.find((l) => l.layerId === 'operating-system')).toMatchObject({ responsibility: 'provider', overridden: false });
    expect(overrides(t.wb.db)).toEqual([]);
    const last = t.wb.db.prepare('SELECT action, summary FROM change_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'overrides.clear', summary: 'Cleared the override of "Operating system" on app-1 (back to the published provider)' });
    undo(t.wb, t.ctx);
    expect(assetDetail(t.wb, t.ctx, 1).layers.find((l) => l.layerId === 'operating-system')).toMatchObject({ responsibility: 'shared', overridden: true });
    t.close();
  });

  it('is no override in the derivation when a stored one matches the published cell', () => {
    const model = BUILTIN_MODELS['microsoft-2026-01']!;
    const layer = deriveResponsibility({ serviceModel: 'paas' }, model, [override(1, 'operating-system', 'provider')]).find((l) => l.layerId === 'operating-system');
    expect(layer).toMatchObject({ published: 'provider', responsibility: 'provider', overridden: false, justification: null });
  });

  it('exits 2 from the CLI with the reason and prints no "provider → provider"', async () => {
    const t = createTestWorkbook();
    seedAssets(t.wb.db, [{ name: 'app-1', serviceModel: 'paas' }]);
    t.close();
    const run = await cli(['override', t.path, '--asset', '1', '--layer', 'operating-system', '--to', 'provider', '--why', 'x']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/already provider under the published model: nothing to override/);
  });
});

describe('demarc override --clear', () => {
  it('returns an overridden layer to the published model, one change-log entry; refused on a layer without one', async () => {
    const t = createTestWorkbook();
    seedAssets(t.wb.db, [{ name: 'app-1', serviceModel: 'paas' }]);
    setOverride(t.wb, t.ctx, { assetId: 1, layerId: 'operating-system', responsibility: 'shared', justification: 'we patch the runtime' });
    t.close();
    const cleared = await cli(['override', t.path, '--asset', 'APP-1', '--layer', 'Operating system', '--clear']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(cleared.stdout).toBe('"Operating system" on app-1: override cleared, back to the published provider\n');
    const again = await cli(['override', t.path, '--asset', '1', '--layer', 'operating-system', '--clear', '--json']);
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('demarc override: "Operating system" of app-1 has no override: it is already the published model\'s.\n');
    const report = await cli(['report', t.path, '--json']);
    const layer = (JSON.parse(report.stdout) as { assets: { layers: { layerId: string; overridden: boolean }[] }[] }).assets[0]!.layers.find((l) => l.layerId === 'operating-system');
    expect(layer).toMatchObject({ overridden: false });
    const db = new Database(t.path, { readonly: true });
    expect(db.prepare('SELECT action, summary FROM change_log ORDER BY id DESC LIMIT 1').get()).toEqual({
      action: 'overrides.clear',
      summary: 'Cleared the override of "Operating system" on app-1 (back to the published provider)'
    });
    expect(overrides(db)).toEqual([]);
    db.close();
  });

  it('takes no --to or --why', async () => {
    const t = createTestWorkbook();
    seedAssets(t.wb.db, [{ name: 'app-1', serviceModel: 'paas' }]);
    t.close();
    const run = await cli(['override', t.path, '--asset', '1', '--layer', 'operating-system', '--clear', '--to', 'shared']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('demarc override: --clear takes no --to or --why\n');
  });
});
