/**
 * The AWS and Google Cloud readers on the fixtures in tests/fixtures/providers (shapes from the CLIs'
 * documentation, see SOURCES.md): detection from content, the fields each fills, keys, errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveArnResource } from '@core/classify-providers';
import { importKey } from '@main/import/import-key';
import { readInventory, type ReadInventoryOptions } from '@main/import/read-inventory';
import type { ImportRow } from '@shared/import';

const DIR = join(__dirname, '../../fixtures/providers');
const bytes = (name: string) => readFileSync(join(DIR, name));
const read = (content: Buffer | string, extra: Partial<ReadInventoryOptions> = {}) =>
  readInventory(typeof content === 'string' ? Buffer.from(content) : content, { fileName: 'x.json', resolveArnResource, ...extra });
const byName = (rows: ImportRow[], name: string) => rows.find((r) => r.name === name);

describe('aws resourcegroupstaggingapi get-resources', () => {
  it('is detected from its content and reads every ARN: account, region, type and name from the ARN, tags from Tags', async () => {
    const r = await read(bytes('aws-tagging-get-resources.json'));
    expect([r.format, r.errors, r.complete, r.totalRecords, r.rows.length]).toEqual(['aws-tagging-json', [], true, 14, 14]);
    expect(byName(r.rows, 'web-01')).toEqual({
      line: 1,
      externalId: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0a1b2c3d4e5f67890',
      name: 'web-01',
      type: 'AWS::EC2::Instance',
      kind: null,
      sku: null,
      provider: 'aws',
      subscription: '111122223333',
      resourceGroup: null,
      location: 'eu-west-1',
      tags: { Name: 'web-01', Environment: 'Production', Owner: 'platform-team' },
      managedBy: null,
      source: 'aws-tagging-json',
      owner: null,
      serviceModel: null
    });
    expect(r.rows.map((row) => [row.name, row.type])).toEqual([
      ['web-01', 'AWS::EC2::Instance'],
      ['vol-049df61146c4d7901', 'AWS::EC2::Volume'],
      ['web-sg', 'AWS::EC2::SecurityGroup'],
      ['prod-vpc', 'AWS::EC2::VPC'],
      ['acme-invoices-prod', 'AWS::S3::Bucket'],
      ['orders-prod', 'AWS::RDS::DBInstance'],
      ['resize-images', 'AWS::Lambda::Function'],
      ['web-alb', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
      ['Sessions', 'AWS::DynamoDB::Table'],
      ['resize-images-role', 'AWS::IAM::Role'],
      ['1234abcd-12ab-34cd-56ef-1234567890ab', 'AWS::KMS::Key'],
      ['ops-alerts', 'AWS::SNS::Topic'],
      ['apps', 'AWS::EKS::Cluster'],
      ['7ab63972-b505-7e2a-420d-6f5d3EXAMPLE', 'ram:resource-share']
    ]);
    const bucket = byName(r.rows, 'acme-invoices-prod');
    expect([bucket?.subscription, bucket?.location]).toEqual([null, null]);
    expect(byName(r.rows, 'resize-images-role')?.location).toBeNull();
    expect(byName(r.rows, 'Sessions')?.extra).toEqual({ tagPolicyCompliant: 'false' });
    expect(r.warnings).toEqual([
      "An S3 bucket's ARN names no account or region: both are left empty (record 5)",
      `ARN service "ram" is not in Demarc's AWS table: its type is kept as "ram:resource-share" and it needs a service model (record 14)`
    ]);
  });

  it('keys an asset by its ARN, so the same resource from AWS Config is the same asset', async () => {
    const tagging = await read(bytes('aws-tagging-get-resources.json'));
    const select = await read(bytes('aws-config-select-resource-config.json'));
    const web = (rows: ImportRow[]) => rows.find((row) => row.externalId?.endsWith('i-0a1b2c3d4e5f67890'));
    expect(importKey(web(tagging.rows)!)).toBe('arn:aws:ec2:eu-west-1:111122223333:instance/i-0a1b2c3d4e5f67890');
    expect(importKey(web(select.rows)!)).toBe(importKey(web(tagging.rows)!));
  });

  it('says when the file is one page, and names a record without an ARN', async () => {
    const r = await read(
      JSON.stringify({ ResourceTagMappingList: [{ Tags: [] }, { ResourceARN: 'i-0abc' }, 'x'], PaginationToken: 'AAEAA...' })
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      { line: 1, field: 'ResourceARN', message: 'Record 1 has no ResourceARN' },
      { line: 2, field: 'ResourceARN', message: '"i-0abc" is not an ARN' },
      { line: 3, field: null, message: 'Record 3 is not an object' }
    ]);
    expect(r.warnings[0]).toMatch(/PaginationToken token: it is one page of a longer list/);
  });
});

describe('AWS Config list-discovered-resources', () => {
  it('reads resource ids and types, skips deleted resources and says the file names no account or region', async () => {
    const r = await read(bytes('aws-config-list-discovered-resources.json'));
    expect([r.format, r.errors, r.totalRecords]).toEqual(['aws-config-json', [], 3]);
    expect(r.rows.map((row) => [row.externalId, row.name, row.type, row.subscription, row.location])).toEqual([
      ['i-0a1b2c3d4e5f67890', 'web-01', 'AWS::EC2::Instance', null, null],
      ['i-0b2c3d4e5f6789012', 'i-0b2c3d4e5f6789012', 'AWS::EC2::Instance', null, null]
    ]);
    expect(r.warnings).toEqual([
      expect.stringMatching(/^list-discovered-resources names no account or region/),
      'A resource AWS Config records as deleted was skipped (record 3)'
    ]);
  });

  it('an aggregator’s list keeps account and region, and the same name in two accounts or regions is two assets', async () => {
    const r = await read(bytes('aws-config-list-aggregate-discovered-resources.json'));
    expect([r.format, r.errors, r.warnings]).toEqual(['aws-config-json', [], []]);
    expect(r.rows.map((row) => [row.name, row.subscription, row.location])).toEqual([
      ['orders', '111122223333', 'eu-west-1'],
      ['orders', '444455556666', 'eu-west-1'],
      ['orders', '444455556666', 'us-east-1'],
      ['resize-images', '111122223333', 'eu-west-1']
    ]);
    const keys = r.rows.map((row) => importKey(row));
    expect(new Set(keys).size).toBe(4);
    expect(keys[0]).toBe('aws-config-json|aws|111122223333|eu-west-1|aws::lambda::function|orders');
  });

  it('names the missing field of a bad record', async () => {
    const r = await read(JSON.stringify({ resourceIdentifiers: [{ resourceType: 'AWS::S3::Bucket' }, { resourceId: 'b' }] }));
    expect(r.errors).toEqual([
      { line: 1, field: 'resourceId', message: 'Record 1 has no resourceId' },
      { line: 2, field: 'resourceType', message: 'Resource "b" has no resourceType' }
    ]);
  });
});

describe('AWS Config select-resource-config', () => {
  it('parses each result, takes ARN, account, region, tags and the instance class', async () => {
    const r = await read(bytes('aws-config-select-resource-config.json'));
    expect([r.format, r.errors, r.warnings, r.rows.length]).toEqual(['aws-config-select', [], [], 5]);
    expect(r.rows[0]).toMatchObject({
      externalId: 'arn:aws:ec2:eu-west-1:111122223333:instance/i-0a1b2c3d4e5f67890',
      name: 'web-01',
      type: 'AWS::EC2::Instance',
      provider: 'aws',
      subscription: '111122223333',
      location: 'eu-west-1',
      sku: 't3.medium',
      tags: { Name: 'web-01', Environment: 'Production', Owner: 'platform-team' },
      extra: { availabilityZone: 'eu-west-1a', resourceId: 'i-0a1b2c3d4e5f67890', 'configuration.instanceType': 't3.medium' }
    });
    // No resourceName: the Name tag names it.
    expect(r.rows[1]?.name).toBe('batch-worker');
    expect(r.rows[2]).toMatchObject({ name: 'orders-prod', type: 'AWS::RDS::DBInstance', sku: 'db.r6g.large' });
    expect(r.rows[4]).toMatchObject({ name: 'resize-images-role', location: 'global' });
  });

  it('refuses a query that selects neither arn nor resourceId, saying what to add', async () => {
    const r = await read(JSON.stringify({ QueryInfo: { SelectFields: [{ Name: 'COUNT(*)' }] }, Results: ['{"COUNT(*)":12}'] }));
    expect(r.complete).toBe(false);
    expect(r.errors[0]?.message).toMatch(/selects COUNT\(\*\) but neither arn nor resourceId.*SELECT arn, resourceId/);
  });

  it('names a result that is not JSON, and one without a type', async () => {
    const r = await read(JSON.stringify({ Results: ['{"resourceId": "a", "resourceType": "AWS::S3::Bucket"}', '{"resourceId": ', '{"resourceId": "c"}'] }));
    expect(r.rows.map((row) => row.name)).toEqual(['a']);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'Results'],
      [3, 'resourceType']
    ]);
    expect(r.errors[0]?.message).toMatch(/^Result 2 is not valid JSON: /);
  });
});

describe('gcloud asset search-all-resources / list', () => {
  it('reads full resource names, asset types, project numbers, locations and labels', async () => {
    const r = await read(bytes('gcp-search-all-resources.json'));
    expect([r.format, r.errors, r.warnings, r.rows.length]).toEqual(['gcp-asset-json', [], [], 13]);
    expect(byName(r.rows, 'web-1')).toEqual({
      line: 1,
      externalId: '//compute.googleapis.com/projects/acme-prod/zones/europe-west1-b/instances/web-1',
      name: 'web-1',
      type: 'compute.googleapis.com/Instance',
      kind: null,
      sku: null,
      provider: 'gcp',
      subscription: '123456789012',
      resourceGroup: null,
      location: 'europe-west1-b',
      tags: { env: 'prod', team: 'platform' },
      managedBy: null,
      source: 'gcp-asset-json',
      owner: null,
      serviceModel: null,
      extra: {
        state: 'RUNNING',
        createTime: '2026-03-02T10:11:12Z',
        updateTime: '2026-11-20T08:00:00Z',
        parentFullResourceName: '//cloudresourcemanager.googleapis.com/projects/acme-prod',
        parentAssetType: 'cloudresourcemanager.googleapis.com/Project',
        organization: 'organizations/555555555555',
        networkTags: 'http-server, https-server',
        folders: 'folders/987654321098',
        projectId: 'acme-prod'
      }
    });
    expect(byName(r.rows, 'acme-prod-exports')).toMatchObject({ subscription: '123456789012', location: 'europe-west1', type: 'storage.googleapis.com/Bucket' });
  });

  it('reads gcloud asset list items (resource.data, ancestors) as the same assets', async () => {
    const list = await read(bytes('gcp-asset-list.json'));
    const search = await read(bytes('gcp-search-all-resources.json'));
    expect([list.format, list.errors]).toEqual(['gcp-asset-json', []]);
    expect(list.rows.map((row) => [row.name, row.subscription, row.location, row.tags])).toEqual([
      ['web-1', '123456789012', 'europe-west1-b', { env: 'prod', team: 'platform' }],
      ['acme-prod-exports', '123456789012', 'europe-west1', { env: 'prod', data: 'confidential' }]
    ]);
    expect(importKey(list.rows[0]!)).toBe(importKey(byName(search.rows, 'web-1')!));
  });

  it('reads a minified list the same way as a pretty one', async () => {
    const pretty = await read(bytes('gcp-search-all-resources.json'));
    const minified = await read(JSON.stringify(JSON.parse(bytes('gcp-search-all-resources.json').toString('utf8'))));
    expect(minified.rows).toEqual(pretty.rows);
  });

  it('names a record without a full resource name or asset type', async () => {
    const r = await read(
      JSON.stringify([
        { name: '//compute.googleapis.com/projects/p/global/networks/n', assetType: 'compute.googleapis.com/Network' },
        { name: 'projects/p/topics/t', assetType: 'pubsub.googleapis.com/Topic' },
        { name: '//pubsub.googleapis.com/projects/p/topics/t' }
      ])
    );
    expect(r.rows.map((row) => row.name)).toEqual(['n']);
    expect(r.errors).toEqual([
      { line: 2, field: 'name', message: '"projects/p/topics/t" is not a full resource name (//service.googleapis.com/...)' },
      { line: 3, field: 'assetType', message: 'Resource "//pubsub.googleapis.com/projects/p/topics/t" has no assetType' }
    ]);
  });
});

describe('gcloud asset export (newline-delimited JSON)', () => {
  it('reads one asset per line, with file line numbers, to the same keys as search and list', async () => {
    const r = await read(bytes('gcp-asset-export.json'));
    expect([r.format, r.errors, r.totalRecords]).toEqual(['gcp-asset-json', [], 3]);
    expect(r.rows.map((row) => [row.line, row.name, row.type, row.subscription, row.location, row.tags])).toEqual([
      [1, 'web-1', 'compute.googleapis.com/Instance', '123456789012', 'europe-west1-b', { env: 'prod', team: 'platform' }],
      [2, 'orders-db', 'sqladmin.googleapis.com/Instance', '123456789012', 'europe-west1', {}],
      [3, 'orders', 'pubsub.googleapis.com/Topic', '123456789012', null, {}]
    ]);
    const search = await read(bytes('gcp-search-all-resources.json'));
    expect(importKey(r.rows[0]!)).toBe(importKey(byName(search.rows, 'web-1')!));
  });

  it('names a line that is not JSON and goes on', async () => {
    const text = bytes('gcp-asset-export.json').toString('utf8').replace('\n{"name":"//sqladmin', '\n{"name":"//sqladmin" oops\n{"name":"//sqladmin');
    const r = await read(text);
    expect(r.rows).toHaveLength(3);
    expect(r.errors).toEqual([{ line: 2, field: null, message: expect.stringMatching(/^Line 2 is not a JSON object: /) as unknown }]);
  });
});
