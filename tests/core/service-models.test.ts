/**
 * Service models as the columns a model declares: labels, the standard column each receives, the
 * classifier's answer put in a model's columns, moving a column between models, which model an
 * asset is read under, and the counts the dashboard and the import show.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS, parseModel, ModelError } from '@core/models';
import {
  assetModelId,
  classificationUnder,
  columnForStandard,
  countServiceModels,
  DEFAULT_MODEL_BY_PROVIDER,
  serviceModelColumns,
  serviceModelLabel,
  standardOfColumn,
  translateServiceModel
} from '@core/service-models';
import { classifyResourceType } from '@core/classify';
import type { ResponsibilityModel } from '@shared/domain';

const MICROSOFT = BUILTIN_MODELS['microsoft-2026-01']!;
const GOOGLE = BUILTIN_MODELS['google-cloud-2023-08']!;
const AWS = BUILTIN_MODELS['aws-2026-12']!;

/** A custom model with five columns of its own, one receiving nothing the classifier says. */
const CUSTOM: ResponsibilityModel = parseModel(
  {
    id: 'acme-hosting',
    name: 'Acme hosting',
    version: '1',
    source: { title: 'Acme contract', url: 'https://example.com/contract', date: '2026-01-01' },
    serviceModels: ['colo', 'managed-vm', 'managed-db', 'app', 'edge'],
    serviceModelDetails: {
      colo: { label: 'Colocation', standard: 'onprem' },
      'managed-vm': { label: 'Managed VM', standard: 'iaas' },
      'managed-db': { label: 'Managed database', standard: 'paas' },
      app: { label: 'Hosted application', standard: 'saas' },
      edge: { label: 'Edge box' }
    },
    parties: [{ id: 'provider', name: 'Acme', kind: 'provider' }],
    layers: [{ id: 'data', title: 'Data', description: 'Data.', permanentCustomer: true }],
    cells: { data: { colo: 'customer', 'managed-vm': 'customer', 'managed-db': 'customer', app: 'customer', edge: 'customer' } }
  },
  'acme.json'
);

describe('a model declares its columns', () => {
  it('AWS is built in with its three service categories, each receiving a standard one', () => {
    expect(AWS.serviceModels).toEqual(['infrastructure', 'container', 'abstracted']);
    expect(serviceModelColumns(AWS).map((c) => [c.id, c.label, c.standard])).toEqual([
      ['infrastructure', 'Infrastructure services', 'iaas'],
      ['container', 'Container services', 'paas'],
      ['abstracted', 'Abstracted services', 'saas']
    ]);
  });

  it('standard ids have their usual labels and receive themselves; a custom column its own', () => {
    expect(serviceModelColumns(MICROSOFT).map((c) => [c.id, c.label, c.standard])).toEqual([
      ['onprem', 'On-premises', 'onprem'],
      ['iaas', 'IaaS', 'iaas'],
      ['paas', 'PaaS', 'paas'],
      ['saas', 'SaaS', 'saas']
    ]);
    expect(serviceModelColumns(CUSTOM).map((c) => c.standard)).toEqual(['onprem', 'iaas', 'paas', 'saas', null]);
    expect(serviceModelLabel(CUSTOM, 'edge')).toBe('Edge box');
    expect(serviceModelLabel(undefined, 'iaas')).toBe('IaaS');
    expect(serviceModelLabel(MICROSOFT, 'infrastructure')).toBe('infrastructure');
    expect(standardOfColumn(MICROSOFT, 'infrastructure')).toBeNull();
  });

  it('a column detail for an undeclared column, or a bad standard, is refused with its path', () => {
    const bad = { ...CUSTOM, serviceModelDetails: { ...CUSTOM.serviceModelDetails, ghost: { label: 'Ghost' }, edge: { label: 'Edge', standard: 'xaas' } } };
    try {
      parseModel(bad, 'bad.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).problems.map((p) => p.path)).toEqual(['$.serviceModelDetails.edge.standard']);
    }
    const ghost = { ...CUSTOM, serviceModelDetails: { ...CUSTOM.serviceModelDetails, ghost: { label: 'Ghost' } } };
    expect(() => parseModel(ghost, 'ghost.json')).toThrow(/\$\.serviceModelDetails\.ghost: "ghost" is not one of the model's serviceModels/);
  });
});

describe('the classifier answer in a model’s columns', () => {
  // [type, provider, model, column]
  const cases: [string, string, ResponsibilityModel, string | null][] = [
    ['AWS::EC2::Instance', 'aws', AWS, 'infrastructure'],
    ['AWS::EC2::Instance', 'aws', MICROSOFT, 'iaas'],
    ['AWS::S3::Bucket', 'aws', AWS, 'abstracted'],
    ['AWS::S3::Bucket', 'aws', MICROSOFT, 'paas'],
    ['AWS::RDS::DBInstance', 'aws', AWS, 'container'],
    ['AWS::RDS::DBInstance', 'aws', CUSTOM, 'managed-db'],
    ['compute.googleapis.com/Instance', 'gcp', GOOGLE, 'iaas'],
    ['compute.googleapis.com/Instance', 'gcp', AWS, 'infrastructure'],
    ['Microsoft.Compute/virtualMachines', 'azure', AWS, 'infrastructure'],
    ['Microsoft.Web/sites', 'azure', AWS, 'container'],
    ['Microsoft.Web/sites', 'azure', MICROSOFT, 'paas']
  ];
  it.each(cases)('%s (%s) under %s', (type, provider, model, column) => {
    expect(classificationUnder(model, classifyResourceType({ type, provider, kind: null, name: 'x', sku: null })).serviceModel).toBe(column);
  });

  it('a standard answer the model has no column for stays unclassified, saying why', () => {
    const server = classifyResourceType({ type: 'Server', provider: 'onprem', kind: null, name: 'web01', sku: null });
    expect(server.serviceModel).toBe('onprem');
    const under = classificationUnder(AWS, server);
    expect(under).toMatchObject({ serviceModel: null, confidence: 'none', needsReview: true });
    expect(under.reason).toMatch(/AWS shared responsibility model .* has no column for On-premises: choose one of Infrastructure services, Container services, Abstracted services\.$/);
  });
});

describe('moving a column between models', () => {
  const cases: [ResponsibilityModel, ResponsibilityModel, string | null, string | null][] = [
    [AWS, MICROSOFT, 'infrastructure', 'iaas'],
    [AWS, MICROSOFT, 'container', 'paas'],
    [AWS, MICROSOFT, 'abstracted', 'saas'],
    [MICROSOFT, AWS, 'iaas', 'infrastructure'],
    [MICROSOFT, AWS, 'onprem', null],
    [MICROSOFT, GOOGLE, 'paas', 'paas'],
    [CUSTOM, AWS, 'edge', null],
    [CUSTOM, MICROSOFT, 'managed-vm', 'iaas'],
    [MICROSOFT, CUSTOM, 'saas', 'app'],
    [MICROSOFT, AWS, null, null]
  ];
  it.each(cases)('%#: %s → %s', (from, to, column, expected) => {
    expect(translateServiceModel(from, to, column)).toBe(expected);
  });

  it('columnForStandard prefers the column with the standard id itself', () => {
    expect(columnForStandard(MICROSOFT, 'paas')).toBe('paas');
    expect(columnForStandard(AWS, 'onprem')).toBeNull();
    expect(columnForStandard(CUSTOM, 'onprem')).toBe('colo');
  });
});

describe('the model an asset is read under', () => {
  const settings = { defaultModelId: 'microsoft-2026-01', modelByProvider: { aws: 'aws-2026-12', gcp: 'google-cloud-2023-08' } };
  it('its own, else its provider’s, else the default', () => {
    expect(assetModelId({ modelId: 'acme-hosting', provider: 'aws' }, settings)).toBe('acme-hosting');
    expect(assetModelId({ modelId: null, provider: 'aws' }, settings)).toBe('aws-2026-12');
    expect(assetModelId({ modelId: null, provider: 'gcp' }, settings)).toBe('google-cloud-2023-08');
    expect(assetModelId({ modelId: null, provider: 'azure' }, settings)).toBe('microsoft-2026-01');
    expect(assetModelId({ modelId: null, provider: null }, settings)).toBe('microsoft-2026-01');
    expect(assetModelId({ modelId: null, provider: 'aws' }, { ...settings, modelByProvider: {} })).toBe('microsoft-2026-01');
  });

  it('new workbooks read AWS and Google Cloud assets under their built-in models', () => {
    for (const id of Object.values(DEFAULT_MODEL_BY_PROVIDER)) expect(BUILTIN_MODELS[id]).toBeDefined();
    expect(DEFAULT_MODEL_BY_PROVIDER).toEqual({ aws: 'aws-2026-12', gcp: 'google-cloud-2023-08' });
  });
});

describe('counts per column', () => {
  it('every column of each model seen (zeros too, the given order first), the unclassified last', () => {
    const models = { ...BUILTIN_MODELS };
    const rows = countServiceModels(
      [
        ['aws-2026-12', 'container'],
        ['microsoft-2026-01', 'iaas'],
        ['aws-2026-12', 'container'],
        ['aws-2026-12', null],
        ['microsoft-2026-01', null]
      ],
      models,
      ['microsoft-2026-01']
    );
    expect(rows.map((r) => [r.modelId, r.serviceModel, r.label, r.count])).toEqual([
      ['microsoft-2026-01', 'onprem', 'On-premises', 0],
      ['microsoft-2026-01', 'iaas', 'IaaS', 1],
      ['microsoft-2026-01', 'paas', 'PaaS', 0],
      ['microsoft-2026-01', 'saas', 'SaaS', 0],
      ['aws-2026-12', 'infrastructure', 'Infrastructure services', 0],
      ['aws-2026-12', 'container', 'Container services', 2],
      ['aws-2026-12', 'abstracted', 'Abstracted services', 0],
      [null, null, 'Unclassified', 2]
    ]);
  });
});
