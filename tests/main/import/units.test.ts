import { describe, expect, it } from 'vitest';
import { armIdFromPortalLink, parseArmId } from '@main/import/arm-id';
import { detectFormat, isZip } from '@main/import/detect';
import { sniffDelimiter } from '@main/import/delimited';
import { importKey } from '@main/import/import-key';
import { suggestMapping } from '@main/import/mapping';
import { parseDayFirstDate } from '@main/import/readers/governance-csv';
import { isDotNetTypeName, parseTagsCell } from '@main/import/tags';
import type { ImportRow } from '@shared/import';

const SUB = '27db5ec6-d206-4028-b5e1-6004dca5eeef';

describe('parseArmId', () => {
  it.each([
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/flink`,
      SUB,
      'rg',
      'Microsoft.Compute/virtualMachines',
      'flink'
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/flink/extensions/HealthExtension`,
      SUB,
      'rg',
      'Microsoft.Compute/virtualMachines/extensions',
      'flink/HealthExtension'
    ],
    [
      `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.WEB/SITES/APP`,
      SUB,
      'RG',
      'MICROSOFT.WEB/SITES',
      'APP'
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm/providers/Microsoft.Insights/diagnosticSettings/ds`,
      SUB,
      'rg',
      'Microsoft.Insights/diagnosticSettings',
      'ds'
    ],
    [
      `/subscriptions/${SUB}/resourceGroups/MY_RG`,
      SUB,
      'MY_RG',
      'Microsoft.Resources/resourceGroups',
      'MY_RG'
    ],
    [`/subscriptions/${SUB}`, SUB, null, 'Microsoft.Resources/subscriptions', SUB],
    [
      `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/VirtualMachines`,
      SUB,
      null,
      'Microsoft.Security/pricings',
      'VirtualMachines'
    ],
    [
      '/providers/Microsoft.Management/managementGroups/mg-root',
      null,
      null,
      'Microsoft.Management/managementGroups',
      'mg-root'
    ],
    ['vm-01', null, null, null, null]
  ])('%s', (id, subscription, resourceGroup, type, name) => {
    expect(parseArmId(id)).toEqual({ subscription, resourceGroup, type, name });
  });
});

describe('armIdFromPortalLink', () => {
  const id = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-01`;
  it.each([
    [`https://portal.azure.com/#@contoso.onmicrosoft.com/resource${id}/overview`, id],
    [`https://portal.azure.com/#@contoso.onmicrosoft.com/resource${id}`, id],
    [`https://portal.azure.com/#resource${id}/secrets?x=1`, id],
    [
      `https://portal.azure.com/#@t/resource/subscriptions/${SUB}/resourceGroups/rg/overview`,
      `/subscriptions/${SUB}/resourceGroups/rg`
    ],
    [id, id],
    ['https://portal.azure.com/#home', null]
  ])('%s', (link, expected) => {
    expect(armIdFromPortalLink(link)).toBe(expected);
  });
});

describe('tags cells', () => {
  it.each([
    ['', {}],
    ['{}', {}],
    ['@{}', {}],
    ['{"env":"prod","n":3}', { env: 'prod', n: '3' }],
    ['@{env=prod; owner=team-a}', { env: 'prod', owner: 'team-a' }],
    ['@{url=https://x.example/?a=b; note="a; b"}', { url: 'https://x.example/?a=b', note: 'a; b' }],
    ['env=prod;app=crm', { env: 'prod', app: 'crm' }],
    ['env: prod, app: crm', { env: 'prod', app: 'crm' }]
  ])('%s', (cell, tags) => {
    expect(parseTagsCell(cell)).toEqual({ kind: 'tags', tags });
  });

  it('recognises .NET type names PowerShell writes instead of values', () => {
    expect(isDotNetTypeName('System.Collections.Generic.Dictionary`2[System.String,System.String]')).toBe(
      true
    );
    expect(isDotNetTypeName('System.Collections.Hashtable')).toBe(true);
    expect(isDotNetTypeName('Microsoft.Azure.Management.Compute.Models.Sku')).toBe(true);
    expect(isDotNetTypeName('Microsoft.Compute/virtualMachines')).toBe(false);
    expect(isDotNetTypeName('System center')).toBe(false);
    expect(parseTagsCell('just words')).toEqual({ kind: 'unparsed', text: 'just words' });
  });
});

describe('importKey', () => {
  const base: Pick<ImportRow, 'externalId' | 'source' | 'subscription' | 'resourceGroup' | 'type' | 'name'> =
    {
      externalId: null,
      source: 'get-azresource-csv',
      subscription: SUB,
      resourceGroup: 'vmjp',
      type: 'Microsoft.Compute/virtualMachines',
      name: 'vmjpa'
    };

  it('is the lower-cased ARM id when there is one', () => {
    const id = `/subscriptions/${SUB}/resourceGroups/2DT-FINAL-TEAM4/providers/Microsoft.Compute/disks/OsDisk`;
    expect(importKey({ ...base, externalId: id })).toBe(
      `/subscriptions/${SUB}/resourcegroups/2dt-final-team4/providers/microsoft.compute/disks/osdisk`
    );
    expect(importKey({ ...base, externalId: id.replace('2DT-FINAL-TEAM4', '2dt-final-team4') })).toBe(
      importKey({ ...base, externalId: id })
    );
  });

  it('is a lower-cased composite without one: resource-group and type case drift keep the key', () => {
    expect(importKey(base)).toBe(`get-azresource-csv|${SUB}|vmjp|microsoft.compute/virtualmachines|vmjpa`);
    expect(importKey({ ...base, resourceGroup: 'VMJP', type: 'microsoft.compute/virtualmachines' })).toBe(
      importKey(base)
    );
    expect(importKey({ ...base, subscription: null, resourceGroup: null, type: null })).toBe(
      'get-azresource-csv||||vmjpa'
    );
  });

  it('uses a non-ARM id (asset tag) with the source, and cannot be confused by a | in a value', () => {
    expect(importKey({ ...base, source: 'snipe-it-csv', externalId: 'WBH-2841795', name: 'Dragline' })).toBe(
      'snipe-it-csv|id|wbh-2841795'
    );
    expect(importKey({ ...base, name: 'a|b', type: null })).not.toBe(
      importKey({ ...base, name: 'b', type: 'a' })
    );
  });
});

describe('mapping suggestions', () => {
  it.each([
    [['*Server name', 'IP addresses', '*Cores'], { name: '*Server name' }],
    [
      ['NAME', 'TYPE', 'RESOURCE GROUP', 'LOCATION', 'SUBSCRIPTION', 'RESOURCE LINK'],
      {
        name: 'NAME',
        externalId: 'RESOURCE LINK',
        type: 'TYPE',
        resourceGroup: 'RESOURCE GROUP',
        subscription: 'SUBSCRIPTION',
        location: 'LOCATION'
      }
    ],
    [
      ['Computer Name', 'Asset Tag', 'Category', 'Assigned To', 'Model'],
      { name: 'Computer Name', externalId: 'Asset Tag', type: 'Category', owner: 'Assigned To' }
    ],
    [['ResourceName', 'Name', 'ResourceId', 'Id'], { name: 'ResourceName', externalId: 'ResourceId' }]
  ])('%j', (columns, mapping) => {
    expect(suggestMapping(columns)).toEqual(mapping);
  });
});

describe('detection from content', () => {
  it.each([
    [
      '[\n  {"id": "/subscriptions/s/resourceGroups/r/providers/A.B/c/d", "type": "A.B/c", "name": "d"}\n]',
      'az-json'
    ],
    ['[{"Name": "d", "RG": "r"}]', 'az-json-projection'],
    ['{"value": []}', 'arm-rest'],
    ['{"totalRecords": 0, "count": 0, "data": []}', 'resource-graph'],
    ['*Server name,*Cores\nsrv,2\n', 'azure-migrate-csv'],
    ['\uFEFFCompany,Name,Asset Tag,Category\n', 'snipe-it-csv'],
    ['"NAME","TYPE","RESOURCE GROUP","LOCATION","SUBSCRIPTION"\n', 'portal-csv'],
    ['Name;Type;Tags\nvm;A.B/c;"@{env=prod; a=b}"\n', 'governance-csv'],
    ['"ResourceName","ResourceType","ResourceGroupName"\n', 'get-azresource-csv'],
    ['hostname\towner\nsrv\tme\n', 'generic-csv']
  ])('%s → %s', (text, format) => {
    expect(detectFormat(text).format).toBe(format);
  });

  it('sniffs delimiters outside quotes and recognises the zip magic', () => {
    expect(sniffDelimiter('a;b;c\n"1,5";2;3\n')).toBe(';');
    expect(sniffDelimiter('"a|b",c\n1,2\n')).toBe(',');
    expect(sniffDelimiter('one\n1\n')).toBe(',');
    expect(isZip(Buffer.from('PK\u0003\u0004rest'))).toBe(true);
  });
});

describe('dd/MM/yyyy dates', () => {
  it.each([
    ['31/01/2024', '2024-01-31'],
    ['1.2.2024', '2024-02-01'],
    ['29/02/2024 23:59:59', '2024-02-29T23:59:59'],
    ['29/02/2023', null],
    ['13/13/2024', null],
    ['2024-01-31', null]
  ])('%s → %s', (text, iso) => {
    expect(parseDayFirstDate(text)).toBe(iso);
  });
});
