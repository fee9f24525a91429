/**
 * Until the Import dialog lands, the workshop test seeds a workbook from real inventory exports
 * in /work/shared/fixtures/inventory with this small reader: `az resource list` JSON (UTF-8 and
 * UTF-16LE with BOM, as Windows PowerShell writes it) and ARM REST `{ value: [...] }`, each
 * resource classified by the real classifier.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyResourceType } from '../../src/core/classify';
import { closeWorkbook, createWorkbook } from '../../src/main/services/workbook-service';
import { seedAssets, seedParties, type SeedAsset } from '../helpers/seed';

export const FIXTURE_DIR = process.env.DEMARC_FIXTURES ?? '/work/shared/fixtures/inventory';
const FILES = ['nsc-infra_az-resource-list-full_utf16le.json', 'drghassen_az-resource-list-default_utf8.json', 'mce-lib-azure_arm-rest-resource_list.json'];

interface ArmResource {
  id?: string;
  name?: string;
  type?: string;
  kind?: string | null;
  location?: string;
  resourceGroup?: string;
  tags?: Record<string, string> | null;
  sku?: { name?: string } | null;
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function toAsset(resource: ArmResource, source: string): SeedAsset | null {
  if (!resource.name) return null;
  const parts = (resource.id ?? '').split('/');
  const at = (key: string) => {
    const index = parts.findIndex((part) => part.toLowerCase() === key);
    return index >= 0 ? (parts[index + 1] ?? null) : null;
  };
  const classification = classifyResourceType({ type: resource.type ?? null, kind: resource.kind ?? null, provider: 'azure', name: resource.name, sku: resource.sku?.name ?? null });
  return {
    name: resource.name,
    key: (resource.id ?? `${source}|${resource.name}`).toLowerCase(),
    externalId: resource.id ?? null,
    type: resource.type ?? null,
    kind: resource.kind ?? null,
    sku: resource.sku?.name ?? null,
    subscription: at('subscriptions'),
    resourceGroup: resource.resourceGroup ?? at('resourcegroups'),
    location: resource.location ?? null,
    tags: resource.tags ?? {},
    serviceModel: classification.serviceModel,
    serviceModelSource: classification.serviceModel ? 'classifier' : null,
    classificationReason: classification.reason,
    classificationConfidence: classification.confidence,
    needsReview: classification.needsReview,
    source
  };
}

export function fixturesAvailable(): boolean {
  return FILES.every((file) => existsSync(join(FIXTURE_DIR, file)));
}

/** Reads the fixtures into a new workbook with a small team roster; returns its path and count. */
export function seedFromFixtures(dir: string): { path: string; count: number } {
  const assets = new Map<string, SeedAsset>();
  for (const file of FILES) {
    const parsed = JSON.parse(decode(readFileSync(join(FIXTURE_DIR, file)))) as ArmResource[] | { value: ArmResource[] };
    const list = Array.isArray(parsed) ? parsed : parsed.value;
    for (const resource of list) {
      const asset = toAsset(resource, file);
      if (asset?.key && !assets.has(asset.key)) assets.set(asset.key, asset);
    }
  }
  const path = join(dir, 'Workshop.demarc');
  const wb = createWorkbook({ clock: () => '2026-11-28T09:00:00.000Z', osUser: 'e2e-user' }, { path, organisation: 'Workshop Ltd' });
  try {
    seedParties(wb.db, [
      { name: 'Cloud Platform Team', kind: 'team' },
      { name: 'Data Team', kind: 'team' },
      { name: 'Dana Lee', kind: 'person' }
    ]);
    seedAssets(wb.db, [...assets.values()]);
  } finally {
    closeWorkbook(wb);
  }
  return { path, count: assets.size };
}
