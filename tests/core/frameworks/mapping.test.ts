/**
 * The shipped mapping: valid, every CCM v4 control exactly once (mapped or organisational), every
 * FedRAMP baseline control placed, every built-in model bound layer by layer; and a broken mapping
 * is refused with the JSON path of each problem.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { ResponsibilityModel } from '@shared/domain';
import { describe, expect, it } from 'vitest';
import builtinJson from '@resources/frameworks/layer-controls.json';
import { BUILTIN_MODELS } from '@core/models';
import { CCM_CONTROL_IDS, CCM_DOMAINS, FEDRAMP_BASELINES, FEDRAMP_BASELINE_NAMES, baselineControls } from '@core/frameworks/catalogues';
import { BUILTIN_MAPPING, MappingError, bindModel, bindingProblems, nistLineFor, parseMapping } from '@core/frameworks/mapping';
import { sharedData } from '@tests/helpers/fixture-paths';

const shared = (name: string): unknown => JSON.parse(sharedData('frameworks', name).toString('utf8'));
const clone = (): Record<string, unknown> & typeof builtinJson => JSON.parse(JSON.stringify(builtinJson)) as Record<string, unknown> & typeof builtinJson;

function problemsOf(json: unknown): { path: string; message: string }[] {
  try {
    parseMapping(json, 'my-mapping.json');
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    expect((error as Error).message.startsWith('my-mapping.json: not a valid control mapping')).toBe(true);
    return [...(error as MappingError).problems];
  }
  throw new Error('expected the mapping to be refused');
}

describe('the shipped catalogues', () => {
  it('are the shared official ids and layouts, byte for byte in content', () => {
    for (const name of ['ccm-v4-control-ids.json', 'caiq-v4-layout.json', 'fedramp-rev5-cis-crm.json']) {
      const shipped: unknown = JSON.parse(readFileSync(new URL(`../../../resources/frameworks/${name}`, import.meta.url), 'utf8'));
      expect(shipped).toEqual(shared(name));
    }
  });

  it('CCM v4 has 197 controls in 17 domains', () => {
    expect(CCM_CONTROL_IDS).toHaveLength(197);
    expect(CCM_DOMAINS.map((d) => `${d.id} ${d.controls.length}`).join(', ')).toBe(
      'A&A 6, AIS 7, BCR 11, CCC 9, CEK 21, DCS 15, DSP 19, GRC 8, HRS 13, IAM 16, IPY 4, IVS 9, LOG 13, SEF 8, STA 14, TVM 10, UEM 14'
    );
  });
});

describe('the shipped mapping', () => {
  it('lists every CCM v4 control exactly once, as mapped or organisational, with a reason', () => {
    const ids = BUILTIN_MAPPING.ccm.map((l) => l.id);
    expect(ids).toHaveLength(197);
    expect(new Set(ids).size).toBe(197);
    expect([...ids].sort()).toEqual([...CCM_CONTROL_IDS].sort());
    for (const line of BUILTIN_MAPPING.ccm) {
      expect(line.organisational === true || (line.layers?.length ?? 0) > 0, line.id).toBe(true);
      expect(line.reason.trim().split(/[.!?]\s/).length, `${line.id}: one sentence`).toBe(1);
    }
  });

  it('keeps governance, HR and supply chain organisational', () => {
    for (const domain of ['GRC', 'HRS', 'STA']) {
      expect(BUILTIN_MAPPING.ccm.filter((l) => l.id.startsWith(domain)).every((l) => l.organisational)).toBe(true);
    }
    const aa = BUILTIN_MAPPING.ccm.filter((l) => l.id.startsWith('A&A'));
    expect(aa.filter((l) => l.organisational).length).toBeGreaterThanOrEqual(aa.length / 2);
  });

  it('places every control and enhancement of every FedRAMP baseline', () => {
    for (const name of FEDRAMP_BASELINE_NAMES) {
      for (const control of baselineControls(FEDRAMP_BASELINES[name])) {
        expect(nistLineFor(BUILTIN_MAPPING, control), `${name} ${control}`).toBeDefined();
      }
    }
    expect(nistLineFor(BUILTIN_MAPPING, 'PE-3')?.layers).toEqual(['physical-datacenter']);
    expect(nistLineFor(BUILTIN_MAPPING, 'AC-2(3)')?.id).toBe('AC-2');
    expect(nistLineFor(BUILTIN_MAPPING, 'SC-28(1)')?.layers).toEqual(['customer-data']);
  });

  it('binds every layer of every built-in model, and every control layer is carried by each', () => {
    for (const model of Object.values(BUILTIN_MODELS)) {
      const binding = bindModel(BUILTIN_MAPPING, model);
      expect(binding.explicit, model.id).toBe(true);
      expect(binding.unboundLayers, model.id).toEqual([]);
      expect(binding.uncovered, model.id).toEqual([]);
    }
    expect(bindingProblems(BUILTIN_MAPPING, Object.values(BUILTIN_MODELS))).toEqual([]);
  });

  it('binds every model file shipped in resources/models, registered or not yet (AWS)', () => {
    const dir = new URL('../../../resources/models/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const model = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as ResponsibilityModel;
      const binding = bindModel(BUILTIN_MAPPING, model);
      expect([file, binding.explicit, binding.unboundLayers, binding.uncovered]).toEqual([file, true, [], []]);
      expect(bindingProblems(BUILTIN_MAPPING, [model])).toEqual([]);
    }
  });

  it('lets a model the mapping does not name join by layer ids and aliases', () => {
    const classic = BUILTIN_MODELS['microsoft-classic-2023']!;
    const binding = bindModel(BUILTIN_MAPPING, { ...classic, id: 'my-msp-model' });
    expect(binding.explicit).toBe(false);
    expect(binding.carriers.get('customer-data')).toEqual(['information-and-data']);
    expect(binding.carriers.get('client-devices')).toEqual(['devices-mobile-and-pcs']);
    expect(binding.uncovered).toEqual(['configurations-and-settings']);
  });
});

describe('a broken mapping', () => {
  it('is refused with the path of every problem', () => {
    const json = clone();
    json.ccm = json.ccm.filter((l) => l.id !== 'DSP-17');
    json.ccm.push({ ...json.ccm[0]!, id: 'A&A-01' });
    (json.ccm[3] as Record<string, unknown>).layers = ['customer-dat'];
    (json.ccm[7] as Record<string, unknown>).organisational = true;
    (json.nist as unknown[]).splice(json.nist.findIndex((l) => l.id === 'PE-3'), 1);
    (json.models as Record<string, Record<string, string[]>>)['microsoft-2026-01']!['customer-data'] = ['data'];
    const problems = problemsOf(json);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '$.ccm[196].id', message: '"A&A-01" appears more than once: list each control exactly once' },
        { path: '$.ccm[3].layers[0]', message: '"customer-dat" is not a control layer declared in $.layers' },
        { path: '$.ccm[7]', message: expect.stringContaining('not both') },
        { path: '$.ccm', message: expect.stringContaining('missing: DSP-17') },
        { path: '$.nist', message: expect.stringContaining('PE-3') },
        { path: '$.models["microsoft-2026-01"]["customer-data"][0]', message: '"data" is not a control layer declared in $.layers' }
      ])
    );
  });

  it('names shape errors by path too', () => {
    const json = clone();
    (json.nist[2] as Record<string, unknown>).id = 'ac-2';
    (json.ccm[0] as Record<string, unknown>).reason = '';
    delete (json as Record<string, unknown>).version;
    const paths = problemsOf(json).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.nist[2].id', '$.ccm[0].reason', '$.version']));
  });

  it('refuses an unknown CCM id and a binding to a layer the model lacks', () => {
    const json = clone();
    json.ccm[0]!.id = 'AAC-01';
    expect(problemsOf(json)).toEqual(expect.arrayContaining([{ path: '$.ccm[0].id', message: expect.stringContaining('not a CCM v4 control id') }]));
    const mapping = parseMapping(builtinJson);
    const typo = { ...mapping, models: { 'microsoft-2026-01': { ...mapping.models['microsoft-2026-01'], 'custmer-data': ['customer-data'] } } };
    expect(bindingProblems(typo, [BUILTIN_MODELS['microsoft-2026-01']!])).toEqual([
      { path: '$.models["microsoft-2026-01"]["custmer-data"]', message: expect.stringContaining('has no layer "custmer-data"') }
    ]);
  });
});
