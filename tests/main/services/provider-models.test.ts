/**
 * Each provider's assets are read under a model (AWS's under AWS's model in a new workbook); the
 * default, a provider's or one asset's model changes through the router with a preview of what
 * moves (columns, layers, overrides, roles), in one write and one undo step; a service model the
 * asset's model does not declare is refused.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssetDetail, ModelChangeSummary, ModelSummary, UpdateResult } from '@shared/contract/engine';
import type { WorkbookInfo } from '@shared/contract/workbook';
import type { ChangeLogEntry } from '@shared/domain';
import type { Result } from '@shared/errors';
import { importRouter } from '@tests/helpers/import-fixture';

const AWS_FILE = join(__dirname, '../../fixtures/providers/aws-tagging-get-resources.json');

function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

async function awsWorkbook() {
  const { router, session } = await importRouter();
  data(await router.handle('import.apply', { paths: [AWS_FILE] }));
  const columns = async () => {
    const page = data<{ rows: { name: string; serviceModel: string | null; serviceModelLabel: string | null }[] }>(
      await router.handle('assets.list', { filter: {}, sort: { column: 'name', direction: 'asc' }, limit: 100 })
    );
    return Object.fromEntries(page.rows.map((r) => [r.name, r.serviceModel]));
  };
  const idOf = async (name: string) => data<{ rows: { id: number; name: string }[] }>(await router.handle('assets.list', { filter: { text: name }, limit: 100 })).rows.find((r) => r.name === name)!.id;
  return { router, session, columns, idOf };
}

describe('a model per provider', () => {
  it('reads AWS assets under AWS’s model in a new workbook, and says so in the model list and the asset', async () => {
    const { router, session, idOf } = await awsWorkbook();
    const info = data<WorkbookInfo>(await router.handle('workbook.current', {}));
    expect(info.modelByProvider).toEqual({ aws: 'aws-2026-12', gcp: 'google-cloud-2023-08' });
    const models = data<ModelSummary[]>(await router.handle('models.list', {}));
    expect(models.find((m) => m.id === 'aws-2026-12')).toMatchObject({ providers: ['aws'], assetCount: 14, isDefault: false });
    expect(models.find((m) => m.id === 'microsoft-2026-01')).toMatchObject({ providers: [], assetCount: 0, isDefault: true });
    const web = data<AssetDetail>(await router.handle('assets.get', { id: await idOf('web-01') }));
    expect(web.asset.serviceModel).toBe('infrastructure');
    expect(web.model).toMatchObject({ id: 'aws-2026-12', own: false });
    expect(web.model.serviceModels.map((c) => c.label)).toEqual(['Infrastructure services', 'Container services', 'Abstracted services']);
    expect(web.layers.map((l) => l.layerId)).toContain('global-infrastructure');
    session.close();
  });

  it('moves a provider to another model as previewed, in one undo step', async () => {
    const { router, session, columns, idOf } = await awsWorkbook();
    const before = await columns();
    const web = await idOf('web-01');
    // An override on a layer both models have survives the move; one on AWS's own layer has no match.
    data(await router.handle('overrides.set', { assetId: web, layerId: 'operating-system', responsibility: 'shared', justification: 'Patched by the MSP' }));
    data(await router.handle('overrides.set', { assetId: web, layerId: 'global-infrastructure', responsibility: 'shared', justification: 'Outposts rack on site' }));

    const preview = data<ModelChangeSummary>(await router.handle('models.previewProvider', { provider: 'aws', modelId: 'microsoft-2026-01' }));
    expect(preview).toMatchObject({ fromModelId: 'aws-2026-12', toModelId: 'microsoft-2026-01', assetCount: 14, orphanedOverrides: 1 });
    expect(preview.assets).toBe('the 14 aws asset(s) without a model of their own');
    const moves = Object.fromEntries(preview.serviceModelMoves.map((m) => [`${m.fromLabel} → ${m.toLabel ?? 'none'}`, m.count]));
    const count = (column: string) => Object.values(before).filter((c) => c === column).length;
    expect(moves).toEqual(
      Object.fromEntries(
        [
          ['Infrastructure services → IaaS', count('infrastructure')],
          ['Container services → PaaS', count('container')],
          ['Abstracted services → SaaS', count('abstracted')]
        ].filter(([, n]) => (n as number) > 0)
      )
    );
    expect(preview.examples).toContain('web-01: Infrastructure services becomes IaaS');

    const applied = data<ModelChangeSummary>(await router.handle('models.setProvider', { provider: 'aws', modelId: 'microsoft-2026-01' }));
    expect(applied).toEqual(preview);
    const after = await columns();
    expect(after['web-01']).toBe('iaas');
    for (const [name, column] of Object.entries(before)) {
      expect(after[name]).toBe(column === null ? null : { infrastructure: 'iaas', container: 'paas', abstracted: 'saas' }[column]);
    }
    const detail = data<AssetDetail>(await router.handle('assets.get', { id: web }));
    expect(detail.model).toMatchObject({ id: 'microsoft-2026-01', own: false });
    expect(detail.layers.find((l) => l.layerId === 'operating-system')).toMatchObject({ overridden: true, responsibility: 'shared' });
    expect(detail.layers.some((l) => l.layerId === 'global-infrastructure')).toBe(false);
    expect(data<WorkbookInfo>(await router.handle('workbook.current', {})).modelByProvider).toEqual({ aws: 'microsoft-2026-01', gcp: 'google-cloud-2023-08' });
    const [entry] = data<ChangeLogEntry[]>(await router.handle('changes.list', { newestFirst: true, limit: 1 }));
    expect(entry).toMatchObject({ action: 'models.setProvider', entityId: 'aws' });
    const classified = Object.values(before).filter((c) => c !== null).length;
    expect(classified).toBe(13);
    expect(entry!.summary).toMatch(new RegExp(`^aws assets read under microsoft-2026-01, before aws-2026-12; ${classified} service model\\(s\\) moved`));
    expect(entry!.summary).toMatch(/removed 1 override\(s\) and 0 role\(s\) with no matching layer/);

    data(await router.handle('history.undo', {}));
    expect(await columns()).toEqual(before);
    expect(data<WorkbookInfo>(await router.handle('workbook.current', {})).modelByProvider).toEqual({ aws: 'aws-2026-12', gcp: 'google-cloud-2023-08' });
    const restored = data<AssetDetail>(await router.handle('assets.get', { id: web }));
    expect(restored.layers.filter((l) => l.overridden).map((l) => l.layerId).sort()).toEqual(['global-infrastructure', 'operating-system']);
    data(await router.handle('history.redo', {}));
    expect((await columns())['web-01']).toBe('iaas');

    // Back to the default model: the provider leaves the setting.
    data(await router.handle('models.setProvider', { provider: 'aws', modelId: null }));
    expect(data<WorkbookInfo>(await router.handle('workbook.current', {})).modelByProvider).toEqual({ gcp: 'google-cloud-2023-08' });
    expect(await router.handle('models.setProvider', { provider: 'aws', modelId: null })).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await router.handle('models.previewProvider', { provider: 'aws', modelId: 'no-such-model' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    session.close();
  });

  it('moves one asset to its own model, and refuses a column its model does not declare', async () => {
    const { router, session, idOf } = await awsWorkbook();
    const web = await idOf('web-01');
    const refused = await router.handle('assets.update', { filter: { ids: [web] }, set: { serviceModel: 'iaas' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(!refused.ok && refused.error.message).toBe(
      '"iaas" is not a service model of AWS shared responsibility model (infrastructure, container and abstracted services), which web-01 is read under: choose one of infrastructure (Infrastructure services), container (Container services), abstracted (Abstracted services). Nothing was changed.'
    );

    const preview = data<ModelChangeSummary>(await router.handle('assets.previewModel', { filter: { ids: [web] }, modelId: 'microsoft-classic-2023' }));
    expect(preview).toMatchObject({ fromModelId: 'aws-2026-12', toModelId: 'microsoft-classic-2023', assetCount: 1, assetsAffected: 1 });
    expect(preview.serviceModelMoves).toEqual([{ from: 'infrastructure', fromLabel: 'Infrastructure services', to: 'iaas', toLabel: 'IaaS', count: 1 }]);
    const done = data<UpdateResult>(await router.handle('assets.update', { filter: { ids: [web] }, expectedCount: 1, set: { modelId: 'microsoft-classic-2023' } }));
    expect(done.summary).toBe('Set model microsoft-classic-2023 on 1 asset; 1 service model(s) moved to Microsoft Azure shared responsibility (classic diagram, 2023)\'s columns');
    const detail = data<AssetDetail>(await router.handle('assets.get', { id: web }));
    expect(detail.asset).toMatchObject({ modelId: 'microsoft-classic-2023', serviceModel: 'iaas' });
    expect(detail.model).toMatchObject({ id: 'microsoft-classic-2023', own: true });
    // Now IaaS is its column; back to its provider's model, it is Infrastructure services again.
    data(await router.handle('assets.update', { filter: { ids: [web] }, set: { serviceModel: 'paas' } }));
    data(await router.handle('assets.update', { filter: { ids: [web] }, set: { modelId: null } }));
    expect(data<AssetDetail>(await router.handle('assets.get', { id: web })).asset).toMatchObject({ modelId: null, serviceModel: 'container' });
    data(await router.handle('history.undo', {}));
    expect(data<AssetDetail>(await router.handle('assets.get', { id: web })).asset).toMatchObject({ modelId: 'microsoft-classic-2023', serviceModel: 'paas' });
    session.close();
  });

  it('moves the default model’s assets only, leaving provider-read assets alone', async () => {
    const { router, session, columns } = await awsWorkbook();
    const before = await columns();
    const preview = data<ModelChangeSummary>(await router.handle('models.previewDefault', { modelId: 'aws-2026-12' }));
    expect(preview).toMatchObject({ assetCount: 0, assetsAffected: 0, serviceModelMoves: [] });
    data(await router.handle('models.setDefault', { modelId: 'google-cloud-2023-08' }));
    expect(await columns()).toEqual(before);
    session.close();
  });
});
