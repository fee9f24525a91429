/**
 * AWS and Google Cloud inventories import beside an Azure one through the router (the one road),
 * classify, merge across shapes, re-import unchanged, and reach the report and the xlsx export.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAssets } from '@main/store/repos/assets';
import type { ExportResult } from '@shared/contract/export';
import type { ImportPreview, ImportResult } from '@shared/contract/import';
import type { Asset } from '@shared/domain';
import { workbookReport } from '@main/services/report';
import { wholeReport } from '@tests/helpers/whole-report';
import { referenceReport } from '@tests/helpers/reference-report';
import { workbookName } from '@main/services/workbook-service';
import { lastChangeAt } from '@main/store/repos/change-log';
import type { Result } from '@shared/errors';
import { fixedClock, tempDir } from '@tests/helpers/temp';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { fixturePath, importRouter } from '@tests/helpers/import-fixture';

const PROVIDERS = join(__dirname, '../../fixtures/providers');
const file = (name: string) => join(PROVIDERS, name);
const AZURE = fixturePath('inventory/drghassen_az-resource-list-default_utf8.json');
const FILES = [
  file('aws-tagging-get-resources.json'),
  file('aws-config-select-resource-config.json'),
  file('aws-config-list-aggregate-discovered-resources.json'),
  file('gcp-search-all-resources.json'),
  file('gcp-asset-list.json'),
  AZURE
];

function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

const pick = (a: Asset) => [a.provider, a.type, a.subscription, a.location, a.serviceModel, a.needsReview];

describe('AWS and Google Cloud inventories', () => {
  it('import with Azure’s, one asset per resource across shapes, classified with reasons; a re-import changes nothing', async () => {
    const { router, session } = await importRouter();
    const preview = data<ImportPreview>(await router.handle('import.preview', { paths: FILES }));
    expect(preview.canApply).toBe(true);
    expect(preview.files.map((f) => [f.format, f.counts.rows, f.counts.errors])).toEqual([
      ['aws-tagging-json', 14, 0],
      ['aws-config-select', 5, 0],
      ['aws-config-json', 4, 0],
      ['gcp-asset-json', 13, 0],
      ['gcp-asset-json', 2, 0],
      ['az-json', 2, 0]
    ]);
    data<ImportResult>(await router.handle('import.apply', { token: preview.token }));
    const assets = listAssets(session.require().db);
    // 14 + 5 + 4 + 13 + 2 + 2 rows; the select file repeats 4 ARNs of the tagging file, the asset list 2 of the search.
    expect(assets.length).toBe(14 + 1 + 4 + 13 + 2);
    const byName = (name: string, provider: string) => assets.filter((a) => a.name === name && a.provider === provider);

    // A new workbook reads AWS assets under AWS's model: its own columns, not IaaS/PaaS/SaaS.
    const [web] = byName('web-01', 'aws');
    expect(pick(web!)).toEqual(['aws', 'AWS::EC2::Instance', '111122223333', 'eu-west-1', 'infrastructure', false]);
    // The select file, read second, fills what the tagging API does not give.
    expect(web?.sku).toBe('t3.medium');
    expect(web?.classificationReason).toMatch(/^AWS names Amazon EC2 and Amazon VPC among its infrastructure services/);
    expect(web?.serviceModelSource).toBe('classifier');
    expect(pick(byName('acme-invoices-prod', 'aws')[0]!)).toEqual(['aws', 'AWS::S3::Bucket', '111122223333', 'eu-west-1', 'abstracted', false]);
    expect(pick(byName('resize-images', 'aws').find((a) => a.type === 'AWS::Lambda::Function' && a.externalId?.startsWith('arn:'))!)).toEqual([
      'aws', 'AWS::Lambda::Function', '111122223333', 'eu-west-1', 'container', true
    ]);
    expect(byName('orders', 'aws').map((a) => [a.subscription, a.location])).toEqual([
      ['111122223333', 'eu-west-1'],
      ['444455556666', 'eu-west-1'],
      ['444455556666', 'us-east-1']
    ]);
    const share = assets.find((a) => a.type === 'ram:resource-share');
    expect([share?.serviceModel, share?.needsReview, share?.classificationConfidence]).toEqual([null, true, 'none']);

    expect(pick(byName('web-1', 'gcp').find((a) => a.type === 'compute.googleapis.com/Instance')!)).toEqual([
      'gcp', 'compute.googleapis.com/Instance', '123456789012', 'europe-west1-b', 'iaas', false
    ]);
    expect(pick(byName('apps', 'gcp')[0]!)).toEqual(['gcp', 'container.googleapis.com/Cluster', '123456789012', 'europe-west1', 'paas', true]);
    expect(pick(byName('Acme Production', 'gcp')[0]!)).toEqual(['gcp', 'cloudresourcemanager.googleapis.com/Project', '123456789012', 'global', 'saas', false]);
    expect(assets.find((a) => a.type === 'gkebackup.googleapis.com/BackupPlan')?.serviceModel).toBeNull();
    expect(assets.filter((a) => a.provider === 'azure').length).toBe(2);

    const again = data<ImportResult>(await router.handle('import.apply', { paths: FILES }));
    expect([again.counts.new, again.counts.updated, again.counts.notSeen]).toEqual([0, 0, 0]);
    session.close();
  });

  it('reach the report and the xlsx export', async () => {
    const { router, session } = await importRouter();
    data(await router.handle('import.apply', { paths: [file('aws-tagging-get-resources.json'), file('gcp-search-all-resources.json')] }));
    const wb = session.require();
    const ctx = { clock: fixedClock(), osUser: 'tester' };
    const report = wholeReport(workbookReport(wb, ctx));
    // Read a few assets at a time, each under its provider's model, it is the whole report built at once.
    const whole = referenceReport({ ...wb.engine.state(ctx).input, workbookName: workbookName(wb.path), formatVersion: wb.formatVersion, lastChangeAt: lastChangeAt(wb.db) });
    expect(whole.models.map((m) => m.id)).toEqual(expect.arrayContaining(['aws-2026-12', 'google-cloud-2023-08']));
    expect(JSON.stringify(wholeReport(workbookReport(wb, ctx, 3)), null, 2)).toBe(JSON.stringify(whole, null, 2));
    const bucket = report.assets.find((a) => a.name === 'acme-invoices-prod');
    expect(bucket).toMatchObject({
      externalId: 'arn:aws:s3:::acme-invoices-prod',
      type: 'AWS::S3::Bucket',
      serviceModel: 'abstracted',
      modelId: 'aws-2026-12',
      tags: { DataClassification: 'Confidential' }
    });
    expect(bucket?.layers.find((l) => l.layerId === 'customer-data')?.responsibility).toBe('customer');
    expect(bucket?.layers.find((l) => l.layerId === 'operating-system')?.responsibility).toBe('provider');
    expect(bucket?.layers.find((l) => l.layerId === 'network-and-firewall-configuration')?.responsibility).toBe('shared');
    expect(report.assets.find((a) => a.name === 'web-1' && a.type === 'compute.googleapis.com/Instance')).toMatchObject({ serviceModel: 'iaas', modelId: 'google-cloud-2023-08' });

    const path = join(tempDir(), 'providers.xlsx');
    const exported = data<ExportResult>(await router.handle('export.run', { format: 'xlsx', path }));
    expect(exported.path).toBe(path);
    const workbook = await readWorkbook(path);
    const matrix = sheetRows(workbook.getWorksheet('Matrix')!);
    const names = matrix.map((row) => row.join('|'));
    expect(names).toContainEqual(expect.stringMatching(/^web-01\|\d+\|AWS::EC2::Instance\|111122223333\|\|Infrastructure services\|aws-2026-12\|/));
    expect(names).toContainEqual(expect.stringMatching(/^web-1\|\d+\|compute\.googleapis\.com\/Instance\|123456789012\|\|IaaS\|/));
    session.close();
  });
});
