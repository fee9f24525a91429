/**
 * The findings engine has its own allocation-free RACI loop; this holds it in step with
 * raci.ts (effectiveRaci + validateRaci) over a seeded random workbook.
 */
import { describe, it, expect } from 'vitest';
import { deriveResponsibility } from '@core/derive';
import { checkInto, computeFindings } from '@core/findings';
import type { Words } from '@core/finding-messages';
import { BUILTIN_MODELS } from '@core/models';
import { validateRaci } from '@core/raci';
import {
  STANDARD_SERVICE_MODELS,
  type Asset,
  type Finding,
  type LayerOverride,
  type RaciAssignment,
  type ResponsibilityModel
} from '@shared/domain';
import { asset, assign, engineInput, override, parties, settings } from '@tests/helpers/builders';

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** 400 random assets under Microsoft's model, with overrides, roles and a default team. */
function randomWorkbook() {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const model = BUILTIN_MODELS['microsoft-2026-01'] as ResponsibilityModel;
  const layerIds = model.layers.map((l) => l.id);
  const assets: Asset[] = [];
  const overrides: LayerOverride[] = [];
  const assignments: RaciAssignment[] = [];
  for (let id = 1; id <= 400; id++) {
    // owners always present and existing: the owner-missing suppression is tested on its own
    assets.push(
      asset(id, {
        serviceModel: next() < 0.1 ? null : pick(STANDARD_SERVICE_MODELS),
        ownerPartyId: pick([1, 2, 4, 5])
      })
    );
    if (next() < 0.2)
      overrides.push(override(id, pick(layerIds), pick(['customer', 'shared', 'provider'] as const)));
    const n = Math.floor(next() * 8);
    for (let k = 0; k < n; k++)
      assignments.push(
        assign(id, pick(layerIds), pick([1, 2, 3, 4, 5]), pick(['R', 'A', 'C', 'I'] as const))
      );
  }
  const input = engineInput({
    assets,
    overrides,
    assignments,
    settings: settings({ defaultTeamPerLayer: { 'network-controls': 2 } })
  });
  return { input, model, assets, overrides, assignments };
}

describe('findings agree with validateRaci', () => {
  it('on 400 random assets', () => {
    const { input, model, assets, overrides, assignments } = randomWorkbook();
    const findings = computeFindings(input);
    const has = (assetId: number, layerId: string, code: string, text = ''): boolean =>
      findings.some(
        (f) => f.assetId === assetId && f.layerId === layerId && f.code === code && f.message.includes(text)
      );

    let checked = 0;
    for (const a of assets) {
      const own = overrides.filter((o) => o.assetId === a.id);
      for (const layer of deriveResponsibility(a, model, own)) {
        const explicit = assignments.filter((x) => x.assetId === a.id && x.layerId === layer.layerId);
        const errors = validateRaci(
          { model, parties: parties(), settings: input.settings, asset: a, overridesForAsset: own },
          layer.layerId,
          explicit
        ).map((e) => e.rule);
        const customerSide = layer.responsibility === 'customer' || layer.responsibility === 'shared';
        // Writes refuse two As on any layer; the finding is about customer-side layers only.
        const oneA = errors.includes('ONE_ACCOUNTABLE') && customerSide;
        expect([a.id, layer.layerId, oneA]).toEqual([
          a.id,
          layer.layerId,
          has(a.id, layer.layerId, 'NO_ACCOUNTABLE')
        ]);
        // On a permanent customer-side layer, "only the provider is R" is reported as HANDED_TO_PROVIDER.
        const noR =
          has(a.id, layer.layerId, 'NO_RESPONSIBLE') ||
          (customerSide &&
            has(a.id, layer.layerId, 'HANDED_TO_PROVIDER', 'only the provider is Responsible'));
        expect([a.id, layer.layerId, errors.includes('NEEDS_RESPONSIBLE')]).toEqual([
          a.id,
          layer.layerId,
          noR
        ]);
        const providerA = has(a.id, layer.layerId, 'HANDED_TO_PROVIDER', 'the provider, is Accountable');
        expect([a.id, layer.layerId, errors.includes('PROVIDER_ACCOUNTABLE_ON_PERMANENT_LAYER')]).toEqual([
          a.id,
          layer.layerId,
          providerA
        ]);
        checked++;
      }
    }
    expect(checked).toBe(4000);
    // the random workbook exercises every rule at least once
    for (const code of [
      'NO_ACCOUNTABLE',
      'NO_RESPONSIBLE',
      'HANDED_TO_PROVIDER',
      'INACTIVE_PARTY',
      'UNCLASSIFIED'
    ]) {
      expect([code, findings.some((f) => f.code === code)]).toEqual([code, true]);
    }
  });

  it('hands a sink the same findings in the same order, with the same words when it asks for them', () => {
    const { input } = randomWorkbook();
    const findings = computeFindings(input);
    const handed: Pick<Finding, 'code' | 'severity' | 'assetId' | 'assetName' | 'layerId'>[] = [];
    const asked: [number, Words][] = [];
    checkInto(input, {
      add(asset, code, severity, layerId, text) {
        // Words for every third finding only, as `demarc check` asks for a few.
        if (handed.length % 3 === 0) asked.push([handed.length, text()]);
        handed.push({ code, severity, assetId: asset.id, assetName: asset.name, layerId });
      }
    });
    expect(handed).toEqual(findings.map(({ message: _m, fix: _f, ...rest }) => rest));
    expect(asked.length).toBeGreaterThan(100);
    for (const [i, words] of asked)
      expect(words).toEqual({ message: findings[i]!.message, fix: findings[i]!.fix });
  });
});
