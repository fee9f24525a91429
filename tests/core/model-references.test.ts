/**
 * A damaged model reference (issue 23): an asset, or the workbook's default or provider setting,
 * names a model the workbook does not hold. The asset is read under the default model (or, when
 * the default itself is missing, the first model of the table: the built-in default in a
 * workbook), and the findings say MODEL_MISSING, naming both models.
 */
import { describe, expect, it } from 'vitest';
import { computeFindings } from '@core/findings';
import { fallbackModelId, missingModel, readModelId } from '@core/model-references';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID, modelTable } from '@core/models';
import { reportOfInput } from '@tests/helpers/whole-report';
import { tallyLayers } from '@core/frameworks/layer-tally';
import { asset, engineInput, settings } from '@tests/helpers/builders';

const MODELS = modelTable(Object.values(BUILTIN_MODELS));
const CLASSIC = 'microsoft-classic-2023';

describe('readModelId / missingModel / fallbackModelId', () => {
  it('a model the workbook holds is read as named, with nothing missing', () => {
    for (const a of [asset(1), asset(2, { modelId: CLASSIC }), asset(3, { modelId: null, provider: 'aws' })]) {
      const s = settings({ modelByProvider: { aws: 'aws-2026-12' } });
      expect(missingModel(a, s, MODELS)).toBeNull();
      expect(readModelId(a, s, MODELS)).toBe(a.modelId ?? (a.provider === 'aws' ? 'aws-2026-12' : DEFAULT_MODEL_ID));
    }
  });

  it('an asset naming a missing model is read under the default, and says where the id came from', () => {
    const s = settings({ defaultModelId: CLASSIC, modelByProvider: { aws: 'aws-2019-01' } });
    expect(readModelId(asset(1, { modelId: 'ghost' }), s, MODELS)).toBe(CLASSIC);
    expect(missingModel(asset(1, { modelId: 'ghost' }), s, MODELS)).toEqual({ id: 'ghost', source: 'asset', readUnder: CLASSIC });
    expect(missingModel(asset(2, { modelId: null, provider: 'aws' }), s, MODELS)).toEqual({ id: 'aws-2019-01', source: 'provider', readUnder: CLASSIC });
  });

  it('when the default itself is missing: the first model of the table (a workbook lists the built-in default first)', () => {
    const s = settings({ defaultModelId: 'lost-default' });
    expect(fallbackModelId(s, MODELS)).toBe(DEFAULT_MODEL_ID);
    expect(Object.keys(MODELS)[0]).toBe(DEFAULT_MODEL_ID);
    expect(missingModel(asset(1, { modelId: null }), s, MODELS)).toEqual({ id: 'lost-default', source: 'default', readUnder: DEFAULT_MODEL_ID });
    expect(fallbackModelId(s, modelTable([BUILTIN_MODELS[CLASSIC]!]))).toBe(CLASSIC);
    expect(() => fallbackModelId(s, modelTable([]))).toThrow(/No responsibility model/);
  });

  it('prototype names are no models and no provider settings', () => {
    const plain = { ...BUILTIN_MODELS };
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(missingModel(asset(1, { modelId: id }), settings(), plain)).toEqual({ id, source: 'asset', readUnder: DEFAULT_MODEL_ID });
      // A provider named like a prototype key has no model of its own: it follows the default.
      expect(readModelId(asset(2, { modelId: null, provider: id }), settings(), plain)).toBe(DEFAULT_MODEL_ID);
      expect(missingModel(asset(2, { modelId: null, provider: id }), settings(), plain)).toBeNull();
    }
  });
});

describe('MODEL_MISSING', () => {
  it('one error per affected asset, first among its findings, naming the missing model and the one used meanwhile', () => {
    const input = engineInput({
      settings: settings({ modelByProvider: { aws: 'aws-2019-01' } }),
      assets: [asset(1, { modelId: 'ghost' }), asset(2), asset(3, { modelId: null, provider: 'aws', ownerPartyId: null })]
    });
    const findings = computeFindings(input);
    const missing = findings.filter((f) => f.code === 'MODEL_MISSING');
    expect(missing.map((f) => [f.assetId, f.severity, f.layerId])).toEqual([
      [1, 'error', null],
      [3, 'error', null]
    ]);
    expect(missing[0]?.message).toBe(
      '"vm1" is to be read under the responsibility model "ghost" (the model chosen for it), which is not in this workbook; until a model is chosen it is read under Microsoft Azure shared responsibility (January 2026) ("microsoft-2026-01"), so its layers may be misplaced.'
    );
    expect(missing[0]?.fix).toMatch(/under Findings.*asset panel.*demarc assign FILE --where finding=MODEL_MISSING --model ID.*import the missing model again/);
    expect(missing[1]?.message).toContain('"aws-2019-01" (the model set for aws assets)');
    expect(missing[1]?.fix).toContain('demarc models FILE provider aws ID|default');
    expect(findings.filter((f) => f.assetId === 3).map((f) => f.code)).toEqual(['MODEL_MISSING', 'NO_OWNER']);
  });

  it('a missing default model: every asset following it, read under the built-in default', () => {
    const findings = computeFindings(engineInput({ settings: settings({ defaultModelId: 'lost-default' }), assets: [asset(1), asset(2, { modelId: CLASSIC })] }));
    expect(findings.map((f) => [f.assetId, f.code])).toEqual([[1, 'MODEL_MISSING']]);
    expect(findings[0]?.message).toContain('"lost-default" (the workbook\'s default model)');
    expect(findings[0]?.fix).toContain('demarc models FILE default ID');
  });

  it('the report and the framework tally read such an asset under the fallback model', () => {
    const input = engineInput({ settings: settings({ defaultModelId: 'lost-default' }), assets: [asset(1, { modelId: 'ghost' }), asset(2, { modelId: CLASSIC })] });
    const report = reportOfInput({ ...input, workbookName: 'w', formatVersion: 1, lastChangeAt: null });
    expect(report.models.map((m) => m.id)).toEqual([DEFAULT_MODEL_ID, CLASSIC]);
    expect(report.workbook.defaultModelId).toBe('lost-default');
    expect(report.assets.map((a) => a.modelId)).toEqual([DEFAULT_MODEL_ID, CLASSIC]);
    expect(report.findings.filter((f) => f.code === 'MODEL_MISSING').map((f) => f.assetId)).toEqual([1]);
    expect([...tallyLayers(input, () => true).models.keys()].sort()).toEqual([DEFAULT_MODEL_ID, CLASSIC]);
  });
});
