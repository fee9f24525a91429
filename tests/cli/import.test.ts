import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File, tempDir } from '@tests/helpers/temp';
import { fixturePath, tempFile } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';

const NSC = fixturePath('inventory/nsc-infra_az-resource-list-full_utf16le.json');
const SHIWEI = fixturePath('inventory/shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv');

async function newWorkbook(): Promise<{ dir: string; wb: string }> {
  const dir = tempDir();
  const wb = join(dir, 'acme.demarc');
  expect((await cli(['new', wb, '--org', 'Acme'], dir)).code).toBe(0);
  return { dir, wb };
}

describe('demarc import', () => {
  it('imports, then a re-import changes nothing', async () => {
    const { dir, wb } = await newWorkbook();
    const first = await cli(['import', wb, SHIWEI], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported 173 assets from shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv: 173 new, 0 updated');
    const again = await cli(['import', wb, SHIWEI, '--json'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ counts: { new: 0, updated: 0, unchanged: 173 } });
    const info = await cli(['info', wb, '--json'], dir);
    expect(JSON.parse(info.stdout)).toMatchObject({ counts: { assets: 173 } });
  });

  it('--dry-run prints the preview and writes nothing', async () => {
    const { dir, wb } = await newWorkbook();
    const hash = sha256File(wb);
    const run = await cli(['import', wb, NSC, '--dry-run'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('az resource list (JSON) (az-json), utf-16le');
    expect(run.stdout).toContain('Would import 20 rows: 20 new, 0 updated, 0 unchanged, 0 not seen, 0 merged, 0 errors');
    expect(run.stdout).toMatch(/6 need review/);
    expect(sha256File(wb)).toBe(hash);
    const json = await cli(['import', wb, NSC, '--dry-run', '--json'], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({ canApply: true, files: [{ format: 'az-json', counts: { new: 20 } }] });
  });

  it.each([
    ['truncated.json', '[{"id": "/subscriptions/1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm", "name": "vm", "type": "Microsoft.Compute/virtualMachines"},\n{"id": "/subs', /truncated\.json:\d+: /],
    ['unclosed.csv', 'Name,Type\nweb01,Server\n"web02,Server\nweb03,Server\n', /unclosed\.csv:3: /],
    ['missing-name.csv', 'Name,Type\nweb01,Server\n,Server\n', /missing-name\.csv:3: name: /]
  ])('%s: exit 2 naming the line, workbook byte-identical', async (name, content, expected) => {
    const { dir, wb } = await newWorkbook();
    expect((await cli(['import', wb, NSC], dir)).code).toBe(0);
    const hash = sha256File(wb);
    const file = tempFile(name, content);
    const run = await cli(['import', wb, file], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(expected);
    expect(run.stderr).toContain('nothing was imported');
    expect(sha256File(wb)).toBe(hash);
  });

  it('maps columns with --map, checks --format and lists the formats in --help', async () => {
    const { dir, wb } = await newWorkbook();
    const csv = tempFile('hosts.csv', 'Host,Category\nweb01,Server\n');
    const mapped = await cli(['import', wb, csv, '--map', 'name=Host', '--map', 'type=Category', '--json'], dir);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toMatchObject({ counts: { new: 1 } });
    expect((await cli(['import', wb, csv, '--map', 'colour=Host'], dir)).code).toBe(2);
    expect((await cli(['import', wb, csv, '--format', 'dbase'], dir)).code).toBe(2);
    expect((await cli(['import', wb], dir)).code).toBe(2);
    const missing = await cli(['import', wb, join(dir, 'nope.json')], dir);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const help = await cli(['import', '--help'], dir);
    expect(help.stdout).toContain('get-azresource-csv');
    expect(help.stdout).toContain('Azure Migrate server import CSV');
  });
});

describe('demarc import: AWS and Google Cloud', () => {
  const providers = (name: string) => join(__dirname, '../fixtures/providers', name);

  it('imports the CLIs’ JSON, detected from the content, and classifies it', async () => {
    const { dir, wb } = await newWorkbook();
    const aws = await cli(['import', wb, providers('aws-tagging-get-resources.json'), providers('aws-config-select-resource-config.json'), '--dry-run'], dir);
    expect(aws.code).toBe(0);
    expect(aws.stdout).toContain('aws resourcegroupstaggingapi get-resources (JSON) (aws-tagging-json), utf-8');
    expect(aws.stdout).toContain('AWS Config select-resource-config (JSON) (aws-config-select), utf-8');
    expect(aws.stdout).toContain(`ARN service "ram" is not in Demarc's AWS table`);
    const applied = await cli(['import', wb, providers('aws-tagging-get-resources.json'), providers('gcp-search-all-resources.json'), '--json'], dir);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ counts: { new: 27, errors: 0 } });
    const report = JSON.parse((await cli(['report', wb, '--json'], dir)).stdout) as { assets: { name: string; type: string; serviceModel: string | null }[] };
    expect(report.assets.find((a) => a.name === 'orders-prod')).toMatchObject({ type: 'AWS::RDS::DBInstance', serviceModel: 'container', modelId: 'aws-2026-12' });
    expect(report.assets.find((a) => a.name === 'checkout')).toMatchObject({ type: 'run.googleapis.com/Service', serviceModel: 'paas' });
    const help = await cli(['import', '--help'], dir);
    for (const format of ['aws-tagging-json', 'aws-config-json', 'aws-config-select', 'gcp-asset-json']) expect(help.stdout).toContain(format);
  });

  it('a select without arn or resourceId exits 2 naming the file and what to select', async () => {
    const { dir, wb } = await newWorkbook();
    const hash = sha256File(wb);
    const bad = tempFile('count.json', JSON.stringify({ QueryInfo: { SelectFields: [{ Name: 'resourceType' }] }, Results: ['{"resourceType":"AWS::S3::Bucket"}'] }));
    const run = await cli(['import', wb, bad], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/count\.json:1: QueryInfo: The query selects resourceType but neither arn nor resourceId/);
    expect(sha256File(wb)).toBe(hash);
  });
});
