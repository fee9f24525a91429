/**
 * The Matrix's Service model column comes back in the columns of the model each asset is read
 * under: an AWS asset's as AWS's infrastructure / container / abstracted, a Microsoft one's as
 * on-premises / IaaS / PaaS / SaaS; a column of another model is an error naming the cell.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetDetail } from '@main/engine/asset-detail';
import { exportWorkbook } from '@main/services/export-service';
import { undo } from '@main/services/history';
import { applyRoundTrip, previewRoundTrip } from '@main/services/roundtrip';
import { editExport } from '@tests/helpers/roundtrip-edit';
import { seedAssets } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

function mixedClouds() {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  const [ec2, lambda, vm] = seedAssets(t.wb.db, [
    { name: 'ec2-web', provider: 'aws', modelId: 'aws-2026-12', serviceModel: 'infrastructure' },
    { name: 'lambda-orders', provider: 'aws', modelId: 'aws-2026-12', serviceModel: 'abstracted' },
    { name: 'vm-1', serviceModel: 'iaas' }
  ]);
  return { ...t, ec2: ec2!, lambda: lambda!, vm: vm! };
}

describe('round trip: service models in the columns of the asset’s model', () => {
  it('reads an AWS asset’s service model back as AWS’s column, by label or id, and applies it', async () => {
    const t = mixedClouds();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const edited = join(dir, 'edited.xlsx');
    const cells = await editExport(exported, edited, [
      { sheet: 'Matrix', assetId: t.ec2, header: 'Service model', value: 'container services' },
      { sheet: 'Matrix', assetId: t.lambda, header: 'Service model', value: 'INFRASTRUCTURE' },
      { sheet: 'Matrix', assetId: t.vm, header: 'Service model', value: 'PaaS' }
    ]);

    const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(preview.errors).toEqual([]);
    expect(preview.groups.flatMap((g) => g.changes).map((c) => [c.cell, c.field, c.before, c.after])).toEqual([
      [cells[0], 'serviceModel', 'Infrastructure services', 'Container services'],
      [cells[1], 'serviceModel', 'Abstracted services', 'Infrastructure services'],
      [cells[2], 'serviceModel', 'IaaS', 'PaaS']
    ]);

    applyRoundTrip(t.wb, t.ctx, { token: preview.token, reject: [], resolve: {} });
    const column = (id: number) => assetDetail(t.wb, t.ctx, id).asset.serviceModel;
    expect([column(t.ec2), column(t.lambda), column(t.vm)]).toEqual(['container', 'infrastructure', 'paas']);
    expect(assetDetail(t.wb, t.ctx, t.ec2).asset.serviceModelSource).toBe('manual');
    undo(t.wb, t.ctx);
    expect([column(t.ec2), column(t.lambda), column(t.vm)]).toEqual(['infrastructure', 'abstracted', 'iaas']);
    t.close();
  });

  it('refuses a column the asset’s model does not declare, naming the cell and the model’s columns', async () => {
    const t = mixedClouds();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const edited = join(dir, 'wrong-model.xlsx');
    const cells = await editExport(exported, edited, [
      { sheet: 'Matrix', assetId: t.ec2, header: 'Service model', value: 'PaaS' },
      { sheet: 'Matrix', assetId: t.vm, header: 'Service model', value: 'Container services' },
      { sheet: 'Matrix', assetId: t.lambda, header: 'Service model', value: '' }
    ]);
    const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(preview.canApply).toBe(false);
    const aws = 'Infrastructure services, Container services, Abstracted services, Unclassified';
    expect(preview.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(new RegExp(`^${cells[0]!.replace('!', '\\!')}: "PaaS" is not a service model of .*AWS.* \\(one of ${aws}\\)\\.$`)),
      expect.stringMatching(new RegExp(`^${cells[1]!.replace('!', '\\!')}: "Container services" is not a service model of .*\\(one of On-premises, IaaS, PaaS, SaaS, Unclassified\\)\\.$`))
    ]);
    // An emptied cell is "no service model": a change, not an error.
    expect(preview.groups.flatMap((g) => g.changes).map((c) => [c.cell, c.after])).toEqual([[cells[2], 'Unclassified']]);
    t.close();
  });
});
