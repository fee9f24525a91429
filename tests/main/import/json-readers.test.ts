import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { generateAzResourceList } from '../../../bench/import-gen';
import { describeJsonError, lineColumnAt } from '@main/import/json-text';
import { readInventory } from '@main/import/read-inventory';
import { visitPrettyArray } from '@main/import/readers/json-array';
import { fixture } from '@tests/helpers/fixture-paths';

const read = (json: string | Buffer, extra: Record<string, unknown> = {}) =>
  readInventory(typeof json === 'string' ? Buffer.from(json) : json, { fileName: 'x.json', ...extra });

const SUB = '11111111-2222-3333-4444-555555555555';
const vmId = `/subscriptions/${SUB}/resourceGroups/rg-App/providers/Microsoft.Compute/virtualMachines/vm-app-01`;

describe('malformed JSON', () => {
  it('a truncated file: one error at the end, with line and column (line 26, column 17)', async () => {
    const text = fixture('inventory', 'drghassen_az-resource-list-default_utf8.json')
      .toString('utf8')
      .slice(0, 1000);
    const r = await read(text);
    expect([r.format, r.rows.length, r.complete]).toEqual(['az-json', 0, false]);
    expect(r.errors).toEqual([
      {
        line: 26,
        field: null,
        message: expect.stringMatching(
          /^The JSON is malformed at line 26, column 17: .* \(the file looks truncated\)$/
        ) as unknown
      }
    ]);
  });

  it('a missing comma: line 9, column 5', async () => {
    const full = fixture('inventory', 'drghassen_az-resource-list-default_utf8.json').toString('utf8');
    const at = full.indexOf('"kind": null,') + '"kind": null'.length;
    const r = await read(full.slice(0, at) + full.slice(at + 1));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.line).toBe(9);
    expect(r.errors[0]?.message).toMatch(/^The JSON is malformed at line 9, column 5: /);
  });

  it('a truncated UTF-16LE (PowerShell) file: line 144, column 15 counted over CRLF', async () => {
    const text = iconv
      .decode(fixture('inventory', 'nsc-infra_az-resource-list-full_utf16le.json'), 'utf-16le')
      .slice(0, 5000);
    const r = await read(iconv.encode(text, 'utf-16le', { addBOM: true }));
    expect([r.encoding, r.rows.length]).toEqual(['utf-16le', 0]);
    expect(r.errors[0]?.message).toMatch(
      /^The JSON is malformed at line 144, column 15: .* \(the file looks truncated\)$/
    );
  });

  it('reads positions from both V8 message styles', () => {
    expect(lineColumnAt('ab\r\ncd\ref\ngh', 11)).toEqual({ line: 4, column: 2 });
    expect(
      describeJsonError(new SyntaxError('Unexpected token } in JSON at position 4'), '[\n{\n}')
    ).toMatchObject({ line: 3, column: 1 });
    expect(describeJsonError(new SyntaxError("Expected ',' (line 7 column 3)"), '')).toMatchObject({
      line: 7,
      column: 3
    });
  });
});

describe('az resource list', () => {
  it('minified and pretty-printed files give the same rows (fallback vs element-by-element path)', async () => {
    const pretty = iconv.decode(
      fixture('inventory', 'nsc-infra_az-resource-list-full_utf16le.json'),
      'utf-16le'
    );
    const minified = JSON.stringify(JSON.parse(pretty));
    const [a, b] = await Promise.all([read(pretty), read(minified)]);
    expect(a.rows.length).toBe(20);
    expect(b.rows).toEqual(a.rows);
  });

  it('a non-object element and an element without id or type are row errors; the rest is read', async () => {
    const json = JSON.stringify(
      [
        { id: vmId, name: 'vm-app-01', type: 'Microsoft.Compute/virtualMachines' },
        'oops',
        { name: 'orphan' },
        { id: vmId }
      ],
      null,
      2
    );
    const r = await read(json);
    expect(r.format).toBe('az-json');
    expect(r.rows.map((row) => [row.line, row.name, row.type, row.resourceGroup])).toEqual([
      [1, 'vm-app-01', 'Microsoft.Compute/virtualMachines', 'rg-App'],
      [4, 'vm-app-01', 'Microsoft.Compute/virtualMachines', 'rg-App']
    ]);
    expect(r.errors).toEqual([
      { line: 2, field: null, message: 'Record 2 is not an object' },
      { line: 3, field: 'id', message: 'Resource "orphan" has neither an id nor a type' }
    ]);
    expect(r.totalRecords).toBe(4);
  });

  it('an empty array is zero rows, no error', async () => {
    const r = await read('[]\n');
    expect([r.format, r.rows.length, r.errors.length, r.complete]).toEqual(['az-json', 0, 0, true]);
  });

  it('reports progress and can be aborted', async () => {
    const json = generateAzResourceList(5000, 7);
    const seen: number[] = [];
    const r = await read(json, { onProgress: (n: number) => seen.push(n) });
    expect(r.rows.length).toBe(5000);
    expect(seen).toEqual([2000, 4000, 5000]);

    const controller = new AbortController();
    const aborted = read(json, {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('cancelled by user'))
    });
    await expect(aborted).rejects.toThrow('cancelled by user');
  });
});

describe('az resource list --query projections', () => {
  it('custom keys Name/RG/Type/Location are mapped, the subscription comes from Id', async () => {
    const json = JSON.stringify([
      {
        Name: 'vm-app-01',
        RG: 'rg-App',
        Type: 'Microsoft.Compute/virtualMachines',
        Location: 'westeurope',
        Id: vmId
      },
      { Name: 'kv-app', RG: 'rg-app', Type: 'Microsoft.KeyVault/vaults', Location: 'westeurope', Id: null }
    ]);
    const r = await read(json);
    expect(r.format).toBe('az-json-projection');
    expect(r.mapping).toEqual({
      name: 'Name',
      externalId: 'Id',
      type: 'Type',
      resourceGroup: 'RG',
      location: 'Location'
    });
    expect(r.rows[0]).toMatchObject({
      subscription: SUB,
      resourceGroup: 'rg-App',
      source: 'az-json-projection'
    });
    expect(r.rows[1]).toMatchObject({
      externalId: null,
      subscription: null,
      type: 'Microsoft.KeyVault/vaults'
    });
  });

  it('a projection without type or id cannot be read: one error naming the keys', async () => {
    const r = await read(JSON.stringify([{ Name: 'a', RG: 'b' }]));
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([
      {
        line: 0,
        field: 'type',
        message: 'No key holds the resource id or type (keys: Name, RG); add type to the query'
      }
    ]);
    expect(r.complete).toBe(false);
  });

  it('an explicit mapping replaces the suggestion', async () => {
    const r = await read(JSON.stringify([{ n: 'a', t: 'Microsoft.Web/sites', who: 'web-team' }]), {
      mapping: { name: 'n', type: 't', owner: 'who' }
    });
    expect(r.rows[0]).toMatchObject({
      name: 'a',
      type: 'Microsoft.Web/sites',
      owner: 'web-team',
      provider: 'azure'
    });
  });
});

describe('ARM REST and Resource Graph envelopes', () => {
  it('ARM REST with a nextLink: a warning that the file is one page', async () => {
    const r = await read(
      JSON.stringify({
        value: [{ id: vmId, name: 'vm-app-01', type: 'Microsoft.Compute/virtualMachines' }],
        nextLink: 'https://management.azure.com/...&$skiptoken=x'
      })
    );
    expect([r.format, r.rows.length]).toEqual(['arm-rest', 1]);
    expect(r.warnings).toEqual([
      'The response has a nextLink: it is one page of a longer list, later pages are not in this file'
    ]);
  });

  it('Resource Graph REST {totalRecords, count, data}: no resourceGroup key, parsed from the id; paging warned', async () => {
    const r = await read(
      JSON.stringify({
        totalRecords: 3,
        count: 2,
        data: [
          {
            id: vmId,
            name: 'vm-app-01',
            type: 'microsoft.compute/virtualmachines',
            location: 'westeurope',
            subscriptionId: SUB,
            tags: { env: 'prod' }
          },
          {
            id: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-1/databases/db-1`,
            name: 'db-1',
            type: 'microsoft.sql/servers/databases'
          }
        ],
        facets: [],
        resultTruncated: 'false'
      })
    );
    expect([r.format, r.rows.length, r.errors.length]).toEqual(['resource-graph', 2, 0]);
    expect(r.rows.map((row) => [row.resourceGroup, row.subscription, row.tags])).toEqual([
      ['rg-App', SUB, { env: 'prod' }],
      ['rg-data', SUB, {}]
    ]);
    expect(r.warnings).toEqual([
      'The query matched 3 resources but this file holds 2: it is one page (use the skip token to fetch the rest)'
    ]);
  });

  it('az graph query output and the columns/rows table form', async () => {
    const cli = await read(
      JSON.stringify({
        count: 1,
        data: [{ id: vmId, name: 'vm-app-01', type: 'x/y' }],
        skip_token: null,
        total_records: 1
      })
    );
    expect([cli.format, cli.rows.length, cli.warnings]).toEqual(['resource-graph', 1, []]);
    const table = await read(
      JSON.stringify({
        totalRecords: 1,
        count: 1,
        data: {
          columns: [
            { name: 'id', type: 'string' },
            { name: 'name', type: 'string' }
          ],
          rows: [[vmId, 'vm-app-01']]
        }
      })
    );
    expect(table.rows[0]).toMatchObject({
      name: 'vm-app-01',
      type: 'Microsoft.Compute/virtualMachines',
      resourceGroup: 'rg-App'
    });
  });

  it('a JSON object of another kind is refused with its keys', async () => {
    const r = await read(JSON.stringify({ resources: [] }));
    expect(r.errors).toEqual([
      {
        line: 0,
        field: null,
        message:
          'Not an inventory file this app can read: a JSON object without "value", "data", "ResourceTagMappingList", "resourceIdentifiers" or "Results" (keys: resources)'
      }
    ]);
  });
});

describe('visitPrettyArray (the element-by-element path)', () => {
  const collect = async (bytes: Buffer, encoding: 'utf8' | 'utf16le' = 'utf8') => {
    const seen: unknown[] = [];
    const ok = await visitPrettyArray(bytes, (e) => seen.push(e), {}, encoding);
    return { ok, seen };
  };
  const list = [{ id: 'a', tags: { k: 'v' }, n: [1, { x: '}\n  }' }] }, { id: 'b' }];

  it('takes the pretty-printed CLI layout, LF or CRLF, UTF-8 or UTF-16LE', async () => {
    const pretty = JSON.stringify(list, null, 2);
    expect(await collect(Buffer.from(pretty))).toEqual({ ok: true, seen: list });
    expect(await collect(Buffer.from(pretty.replace(/\n/g, '\r\n'), 'utf16le'), 'utf16le')).toEqual({
      ok: true,
      seen: list
    });
    expect(await collect(Buffer.from(JSON.stringify(list, null, 4)))).toEqual({ ok: true, seen: list });
  });

  it('declines anything else so the caller parses the text whole', async () => {
    expect((await collect(Buffer.from(JSON.stringify(list)))).ok).toBe(false);
    expect((await collect(Buffer.from(`${JSON.stringify(list, null, 2)} trailing`))).ok).toBe(false);
    expect((await collect(Buffer.from('[\n  {\n    "a": 1\n  }\n  {\n    "b": 2\n  }\n]'))).ok).toBe(false);
    expect((await collect(Buffer.from('[\n  1,\n  2\n]'))).ok).toBe(false);
  });
});
