/**
 * The OSCAL SSP export: valid against NIST's published SSP JSON schema (v1.0.6, with ajv), the
 * cross-references the schema cannot check (roles, parties, components, provided and
 * responsibility uuids, leveraged authorizations) all resolve, and two exports of an unchanged
 * workbook are byte-identical while another workbook gets other uuids.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidV5 } from '@main/export/stable-uuid';
import { exportFramework } from '@main/services/framework-export';
import { closeWorkbook } from '@main/services/workbook-service';
import type { Baseline } from '@shared/contract/frameworks';
import { sha256File } from '@tests/helpers/temp';
import { sharedData } from '@tests/helpers/fixture-paths';
import { handMadeWorkbook, type HandMade } from '@tests/helpers/framework-seed';
import { seedAssets } from '@tests/helpers/seed';

type Json = Record<string, unknown>;
const schema = JSON.parse(sharedData('oscal', 'oscal_ssp_schema_v1.0.6.json').toString('utf8')) as Json;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const opened: HandMade[] = [];
afterEach(() => {
  while (opened.length) closeWorkbook(opened.pop()!.wb);
});

async function exportSsp(made: HandMade, name: string, baseline: Baseline = 'moderate', scope = {}): Promise<{ path: string; doc: Json }> {
  const path = join(made.dir, name);
  await exportFramework(made.wb, made.ctx, { framework: 'oscal-ssp', scope, baseline, path, exportedAt: 'last-change' });
  return { path, doc: JSON.parse(readFileSync(path, 'utf8')) as Json };
}

/** Every value under `key` anywhere in the document. */
function collect(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const item of node) collect(item, key, out);
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) out.push(v);
      collect(v, key, out);
    }
  }
  return out;
}

const ssp = (doc: Json) => doc['system-security-plan'] as Json;
const uuidsOf = (list: unknown): Set<string> => new Set(((list as Json[] | undefined) ?? []).map((x) => x.uuid as string));

describe('OSCAL SSP export', () => {
  it('names uuids by RFC 4122 version 5 (the DNS example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('has a validator that refuses a broken plan', async () => {
    const made = handMadeWorkbook();
    opened.push(made);
    const { doc } = await exportSsp(made, 'broken.json');
    const plan = ssp(doc);
    const broken = { 'system-security-plan': { ...plan, uuid: 'not-a-uuid', metadata: { ...(plan.metadata as Json), 'last-modified': '2026-13-01' } } };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/system-security-plan/uuid', '/system-security-plan/metadata/last-modified']));
  });

  it.each(['moderate', 'high', 'low', 'li-saas'] as Baseline[])("%s: validates against NIST's SSP schema", async (baseline) => {
    const made = handMadeWorkbook();
    opened.push(made);
    const { doc } = await exportSsp(made, `ssp-${baseline}.json`, baseline);
    const valid = validate(doc);
    expect(valid ? [] : validate.errors?.slice(0, 5)).toEqual([]);
    const requirements = (ssp(doc)['control-implementation'] as Json)['implemented-requirements'] as Json[];
    expect(requirements.length).toBe({ moderate: 323, high: 410, low: 156, 'li-saas': 156 }[baseline]);
  });

  it('resolves every cross-reference the schema cannot check', async () => {
    const made = handMadeWorkbook();
    opened.push(made);
    const { doc } = await exportSsp(made, 'ssp.json');
    const plan = ssp(doc);
    const metadata = plan.metadata as Json;
    const implementation = plan['system-implementation'] as Json;
    const roles = new Set((metadata.roles as Json[]).map((r) => r.id as string));
    const parties = uuidsOf(metadata.parties);
    const components = uuidsOf(implementation.components);
    const authorizations = uuidsOf(implementation['leveraged-authorizations']);
    const exports = collect(plan, 'export') as Json[];
    const provided = new Set(exports.flatMap((e) => [...uuidsOf(e.provided)]));
    const responsibilities = new Set(exports.flatMap((e) => [...uuidsOf(e.responsibilities)]));

    const roleIds = [...collect(plan, 'role-id'), ...(collect(plan, 'role-ids').flat() as unknown[])];
    expect(roleIds.length).toBeGreaterThan(0);
    for (const id of roleIds) expect(roles, String(id)).toContain(id);
    const partyRefs = [...(collect(plan, 'party-uuids').flat() as unknown[]), ...collect(plan, 'party-uuid')];
    expect(partyRefs.length).toBeGreaterThan(0);
    for (const uuid of partyRefs) expect(parties, String(uuid)).toContain(uuid);
    for (const uuid of collect(plan, 'component-uuid')) expect(components).toContain(uuid);
    const providedRefs = collect(plan, 'provided-uuid');
    expect(providedRefs.length).toBeGreaterThan(0);
    for (const uuid of providedRefs) expect(provided).toContain(uuid);
    const responsibilityRefs = collect(plan, 'responsibility-uuid');
    expect(responsibilityRefs.length).toBeGreaterThan(0);
    for (const uuid of responsibilityRefs) expect(responsibilities).toContain(uuid);
    const props = collect(plan, 'props').flat() as Json[];
    const leveraged = props.filter((p) => p.name === 'leveraged-authorization-uuid');
    expect(leveraged.length).toBeGreaterThan(0);
    for (const p of leveraged) expect(authorizations).toContain(p.value);
    const uuids = collect(plan, 'uuid') as string[];
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const p of props.filter((x) => x.name === 'control-origination')) {
      expect(['organization', 'system-specific', 'customer-configured', 'customer-provided', 'inherited']).toContain(p.value);
    }
  });

  it('cloud-service-model: each column under the standard service model its model declares (AWS infrastructure → iaas, abstracted → saas)', async () => {
    const made = handMadeWorkbook();
    opened.push(made);
    const [ec2, s3, rds] = seedAssets(made.wb.db, [
      { name: 'ec2-web', provider: 'aws', serviceModel: 'infrastructure', ownerPartyId: made.parties.alice },
      { name: 's3-logs', provider: 'aws', serviceModel: 'abstracted', ownerPartyId: made.parties.alice },
      { name: 'rds-orders', provider: 'aws', serviceModel: 'container', ownerPartyId: made.parties.alice }
    ]) as [number, number, number];
    made.wb.engine.drop();
    const props = async (name: string, ids: number[]) => ((ssp((await exportSsp(made, name, 'moderate', { ids })).doc)['system-characteristics'] as Json).props as Json[]);
    expect(await props('aws.json', [ec2, s3])).toEqual([
      { name: 'cloud-service-model', value: 'iaas' },
      { name: 'cloud-service-model', value: 'saas' }
    ]);
    // Both models at once, each standard once; on-premises and unclassified assets name none.
    expect(await props('mixed.json', [ec2, rds, made.ids.paas, made.ids.onprem, made.ids.unclassified])).toEqual([
      { name: 'cloud-service-model', value: 'iaas' },
      { name: 'cloud-service-model', value: 'paas' }
    ]);
  });

  it('says who provides, who inherits and who satisfies, control by control', async () => {
    const made = handMadeWorkbook();
    opened.push(made);
    const { doc } = await exportSsp(made, 'scoped.json', 'moderate', { ids: [made.ids.paas] });
    const plan = ssp(doc);
    const requirements = (plan['control-implementation'] as Json)['implemented-requirements'] as Json[];
    const byId = new Map(requirements.map((r) => [r['control-id'] as string, r]));
    const origination = (id: string) => ((byId.get(id)!.props as Json[] | undefined) ?? []).filter((p) => p.name === 'control-origination').map((p) => p.value);
    expect(origination('pe-3')).toEqual(['inherited']);
    expect(origination('sc-7')).toEqual(['inherited', 'system-specific']);
    expect(origination('ac-2')).toEqual(['system-specific']);
    expect(origination('ac-1')).toEqual(['organization']);
    expect(byId.has('ac-2.3')).toBe(true);
    const thisSystem = ((plan['system-implementation'] as Json).components as Json[]).find((c) => c.type === 'this-system')!;
    const own = (id: string) => (byId.get(id)!['by-components'] as Json[]).find((b) => b['component-uuid'] === thisSystem.uuid)!;
    expect((own('pe-3').inherited as Json[]).length).toBe(1);
    expect(own('pe-3').satisfied).toBeUndefined();
    const sc7 = own('sc-7');
    expect((sc7.satisfied as Json[])[0]!.description).toContain('Network controls: the customer\'s on 1 of 1 asset');
    expect(((sc7.satisfied as Json[])[0]!['responsible-roles'] as Json[]).map((r) => r['role-id'])).toEqual(['raci-accountable', 'raci-responsible']);
    expect((own('ac-2')['responsible-roles'] as Json[]).map((r) => r['role-id'])).toEqual(['raci-accountable', 'raci-responsible']);
    const characteristics = plan['system-characteristics'] as Json;
    expect(characteristics.props).toEqual([{ name: 'cloud-service-model', value: 'paas' }]);
    const parties = ((plan.metadata as Json).parties as Json[]).map((p) => p.name);
    expect(parties).toEqual(expect.arrayContaining(['Northwind Traders', 'Alice Martin', 'Microsoft']));
  });

  it('is byte-identical for an unchanged workbook; another workbook gets other uuids', async () => {
    const made = handMadeWorkbook();
    opened.push(made);
    const first = await exportSsp(made, 'one.json');
    const second = await exportSsp(made, 'two.json');
    expect(sha256File(second.path)).toBe(sha256File(first.path));
    const other = handMadeWorkbook({ dir: made.dir, name: 'Other.demarc' });
    opened.push(other);
    const third = await exportSsp(other, 'three.json');
    expect(ssp(third.doc).uuid).not.toBe(ssp(first.doc).uuid);
    const partyUuids = (doc: Json) => ((ssp(doc).metadata as Json).parties as Json[]).map((p) => p.uuid);
    expect(partyUuids(third.doc).some((u) => partyUuids(first.doc).includes(u))).toBe(false);
  });
});
