/**
 * Issue 13: an import classifies once per distinct provider × type × kind, per asset only when its
 * name or sku may decide the answer. The answers must be those of classifyResourceType for every
 * asset, whatever the path (ARM with and without kind, AWS, Google Cloud, on-premises, a service
 * model word, a portal display name, a SaaS product named by type, an unknown type, no type).
 */
import { describe, expect, it } from 'vitest';
import { classifyByType, classifyResourceType } from '@core/classify';
import { assetClassifier, type ImportedAsset } from '@main/import/import-merge';

type Input = Pick<ImportedAsset, 'provider' | 'type' | 'kind' | 'name' | 'sku'>;

const INPUTS: Input[] = [
  { provider: 'azure', type: 'Microsoft.Compute/virtualMachines', kind: null, name: 'vm-1', sku: null },
  { provider: 'azure', type: 'microsoft.compute/virtualmachines', kind: null, name: 'vm-2', sku: 'Standard_D2s_v3' },
  { provider: 'azure', type: 'Microsoft.Web/sites', kind: 'functionapp', name: 'fn-1', sku: null },
  { provider: 'azure', type: 'Microsoft.Web/sites', kind: 'app', name: 'web-1', sku: null },
  { provider: 'azure', type: 'Microsoft.Web/sites', kind: null, name: 'web-2', sku: null },
  { provider: 'azure', type: 'Microsoft.Sql/servers/databases/notCatalogued', kind: null, name: 'db', sku: null },
  { provider: 'aws', type: 'AWS::EC2::Instance', kind: null, name: 'i-1', sku: null },
  { provider: 'aws', type: 'ec2:thing', kind: null, name: 'i-2', sku: null },
  { provider: 'gcp', type: 'compute.googleapis.com/Instance', kind: null, name: 'g-1', sku: null },
  { provider: 'onprem', type: 'Server', kind: null, name: 'srv-1', sku: null },
  { provider: 'other', type: 'SaaS', kind: null, name: 'Payroll', sku: null },
  { provider: 'azure', type: 'Virtual machines', kind: null, name: 'vm-3', sku: null },
  { provider: 'azure', type: 'Function App', kind: null, name: 'fn-2', sku: null },
  { provider: 'other', type: 'Salesforce', kind: null, name: 'crm', sku: null },
  { provider: 'cmdb', type: 'Application', kind: null, name: 'Microsoft 365', sku: null },
  { provider: 'cmdb', type: 'Application', kind: null, name: 'Ledger', sku: 'Office 365 E3' },
  { provider: 'other', type: 'Mystery box', kind: null, name: 'x', sku: null },
  { provider: 'other', type: null, kind: null, name: 'nothing', sku: null }
];

const asset = (input: Input): ImportedAsset => input as ImportedAsset;

describe('classification once per distinct type', () => {
  it('gives every asset the answer classifyResourceType gives it, in any order and repeated', () => {
    const classify = assetClassifier();
    for (const input of [...INPUTS, ...[...INPUTS].reverse(), ...INPUTS]) {
      expect(classify(asset(input)), `${input.provider} ${input.type} ${input.name}`).toEqual(classifyResourceType(input));
    }
  });

  it('shares one frozen answer between assets of the same provider, type and kind', () => {
    const classify = assetClassifier();
    const a = classify(asset(INPUTS[0]!));
    const b = classify(asset({ ...INPUTS[0]!, name: 'another-vm', sku: 'Standard_B1s' }));
    expect(b).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(classify(asset(INPUTS[2]!))).not.toBe(classify(asset(INPUTS[3]!)));
  });

  it('asks per asset when the name or sku may decide (classifyByType says null)', () => {
    for (const input of INPUTS) {
      const byType = classifyByType(input);
      if (byType !== null) expect(byType).toEqual(classifyResourceType(input));
    }
    expect(classifyByType(INPUTS[14]!)).toBeNull();
    const classify = assetClassifier();
    const office = classify(asset(INPUTS[14]!));
    const ledger = classify(asset({ ...INPUTS[14]!, name: 'Ledger' }));
    expect(office).toEqual(classifyResourceType(INPUTS[14]!));
    expect(office.serviceModel).toBe('saas');
    expect(ledger).not.toEqual(office);
    expect(ledger).toEqual(classifyResourceType({ ...INPUTS[14]!, name: 'Ledger' }));
    expect(Object.isFrozen(office)).toBe(false);
  });
});
