import { describe, it, expect } from 'vitest';
import { computeFindings } from '@core/findings';
import type { EngineInput } from '@core/engine-input';
import type { Finding, FindingCode } from '@shared/domain';
import { NOW, asset, assign, engineInput, override, parties, party, settings } from '@tests/helpers/builders';

const run = (patch: Partial<EngineInput>): Finding[] => computeFindings(engineInput(patch));
const codes = (findings: Finding[]): FindingCode[] => findings.map((f) => f.code);

const IAAS_CUSTOMER_LAYERS = ['Customer data', 'Configurations and settings', 'Identities and users', 'Client devices', 'Applications', 'Network controls', 'Operating system'];

describe('computeFindings', () => {
  it('a well-kept asset has no findings', () => {
    expect(run({ assets: [asset(1)] })).toEqual([]);
  });

  it('UNCLASSIFIED: no service model', () => {
    const findings = run({ assets: [asset(1, { serviceModel: null, serviceModelSource: null, needsReview: true })] });
    expect(codes(findings)).toEqual(['UNCLASSIFIED']);
    expect(findings[0]).toMatchObject({ severity: 'warning', assetId: 1, assetName: 'vm1', layerId: null });
    expect(findings[0]?.fix).toMatch(/Microsoft.Compute\/virtualMachines/);
    expect(run({ assets: [asset(1, { serviceModel: 'iaas' })] })).toEqual([]);
  });

  it('CLASSIFICATION_NEEDS_REVIEW: flagged and not set by hand', () => {
    const flagged = run({ assets: [asset(1, { serviceModel: 'paas', needsReview: true, classificationReason: 'AKS runs customer node pools' })] });
    expect(codes(flagged)).toEqual(['CLASSIFICATION_NEEDS_REVIEW']);
    expect(flagged[0]?.message).toMatch(/PaaS .*AKS runs customer node pools/);
    expect(run({ assets: [asset(1, { needsReview: true, serviceModelSource: 'manual' })] })).toEqual([]);
  });

  it('NO_OWNER: one per asset, naming the layers left without A/R, and no duplicate A/R findings', () => {
    const findings = run({ assets: [asset(1, { ownerPartyId: null })] });
    expect(codes(findings)).toEqual(['NO_OWNER']);
    expect(findings[0]?.severity).toBe('error');
    for (const title of IAAS_CUSTOMER_LAYERS) expect(findings[0]?.message).toContain(`"${title}"`);
    expect(findings[0]?.message).not.toContain('Physical hosts');
    expect(run({ assets: [asset(1, { ownerPartyId: 2 })] })).toEqual([]);
  });

  it('NO_OWNER: a layer with a default team is not listed; a dangling owner id is named', () => {
    const findings = run({ settings: settings({ defaultTeamPerLayer: { 'customer-data': 2 } }), assets: [asset(1, { ownerPartyId: 99 })] });
    expect(codes(findings)).toEqual(['NO_OWNER']);
    expect(findings[0]?.message).toMatch(/names owner #99, who is not in the parties list/);
    expect(findings[0]?.message).not.toContain('"Customer data"');
  });

  it('NO_ACCOUNTABLE: more than one A, or none once the owner is not the reason', () => {
    const two = run({ assets: [asset(1)], assignments: [assign(1, 'operating-system', 1, 'A'), assign(1, 'operating-system', 2, 'A')] });
    expect(codes(two)).toEqual(['NO_ACCOUNTABLE']);
    expect(two[0]).toMatchObject({ layerId: 'operating-system', severity: 'error' });
    expect(two[0]?.message).toMatch(/2 parties are Accountable .*\(Alice, Platform team\)/);
    // A row naming a party not in the list holds nobody: the A is missing, and the row is named.
    const dangling = run({ assets: [asset(1)], assignments: [assign(1, 'customer-data', 99, 'A')] });
    expect(codes(dangling)).toEqual(['PARTY_MISSING', 'NO_ACCOUNTABLE']);
    expect(run({ assets: [asset(1)], assignments: [assign(1, 'operating-system', 2, 'A')] })).toEqual([]);
  });

  it('NO_RESPONSIBLE: a customer-side layer whose only R is the provider', () => {
    const findings = run({ assets: [asset(1, { serviceModel: 'paas' })], assignments: [assign(1, 'applications', 3, 'R')] });
    expect(codes(findings)).toEqual(['NO_RESPONSIBLE']);
    expect(findings[0]?.layerId).toBe('applications');
    expect(run({ assets: [asset(1, { serviceModel: 'paas' })], assignments: [assign(1, 'applications', 2, 'R')] })).toEqual([]);
  });

  it('INACTIVE_PARTY: the owner who left, once, with the layers they hold by default', () => {
    const findings = run({ assets: [asset(1, { ownerPartyId: 5 })] });
    expect(codes(findings)).toEqual(['INACTIVE_PARTY']);
    expect(findings[0]?.layerId).toBeNull();
    expect(findings[0]?.message).toMatch(/^Bob left on 2025-12-31 but is still the owner of "vm1" and by default Accountable or Responsible for "Customer data"/);
  });

  it('INACTIVE_PARTY: one per assignment held, naming party, role and layer', () => {
    const findings = run({ assets: [asset(1)], assignments: [assign(1, 'operating-system', 5, 'R'), assign(1, 'customer-data', 5, 'C')] });
    expect(findings.map((f) => [f.code, f.layerId])).toEqual([
      ['INACTIVE_PARTY', 'customer-data'],
      ['INACTIVE_PARTY', 'operating-system']
    ]);
    expect(findings[1]?.message).toBe('Bob left on 2025-12-31 but is still Responsible for "Operating system" on "vm1".');
    expect(run({ assets: [asset(1)], assignments: [assign(1, 'operating-system', 2, 'R')] })).toEqual([]);
  });

  it('INACTIVE_PARTY: a default team that left is reported once per asset', () => {
    const list = [...parties(), party(6, 'Old team', 'team', { active: false, leftAt: null })];
    const findings = run({ parties: list, settings: settings({ defaultTeamPerLayer: { 'customer-data': 6, 'operating-system': 6 } }), assets: [asset(1)] });
    expect(codes(findings)).toEqual(['INACTIVE_PARTY']);
    expect(findings[0]?.message).toMatch(/Old team has left but is the workbook's default team.*"Customer data", "Operating system"/);
  });

  it('HANDED_TO_PROVIDER: a permanent layer given to the provider by override, A or only R', () => {
    const findings = run({
      assets: [asset(1)],
      overrides: [override(1, 'customer-data', 'provider')],
      assignments: [assign(1, 'identities-and-users', 3, 'A'), assign(1, 'configurations-and-settings', 3, 'R')]
    });
    expect(findings.map((f) => [f.code, f.layerId])).toEqual([
      ['HANDED_TO_PROVIDER', 'customer-data'],
      ['HANDED_TO_PROVIDER', 'configurations-and-settings'],
      ['HANDED_TO_PROVIDER', 'identities-and-users']
    ]);
    expect(findings[0]?.message).toMatch(/an override gives the layer to the provider/);
    expect(findings[1]?.message).toMatch(/only the provider is Responsible/);
    expect(findings[2]?.message).toMatch(/Microsoft, the provider, is Accountable/);
    // the same on a layer that is not permanent is not this finding
    expect(codes(run({ assets: [asset(1)], assignments: [assign(1, 'operating-system', 3, 'A')] }))).toEqual([]);
  });

  it('UNWATCHED_SECURITY_TOOL: a security tool with no active person or team', () => {
    const vault = (patch = {}) => asset(1, { name: 'kv-prod', type: 'Microsoft.KeyVault/vaults', serviceModel: 'paas', ...patch });
    const unowned = run({ assets: [vault({ ownerPartyId: null })] });
    expect(codes(unowned)).toEqual(['NO_OWNER', 'UNWATCHED_SECURITY_TOOL']);
    expect(unowned[1]?.message).toMatch(/"kv-prod" is a security tool \(Key Vault\)/);
    expect(codes(run({ assets: [vault({ ownerPartyId: 4 })] }))).toEqual(['UNWATCHED_SECURITY_TOOL']);
    expect(run({ assets: [vault()] })).toEqual([]);
    const watchedByTeam = run({ assets: [vault({ ownerPartyId: null })], assignments: [assign(1, 'configurations-and-settings', 2, 'R')] });
    expect(codes(watchedByTeam)).toEqual(['NO_OWNER']);
    expect(codes(run({ assets: [asset(2, { ownerPartyId: null })] }))).toEqual(['NO_OWNER']);
  });

  it('STALE_REVIEW: older than the review period; a fresh import is not stale', () => {
    const stale = run({ assets: [asset(1, { lastReviewedAt: '2024-12-01T00:00:00Z' })] });
    expect(codes(stale)).toEqual(['STALE_REVIEW']);
    expect(stale[0]?.message).toBe('"vm1" was last reviewed 2024-12-01, 455 days ago (review every 365 days).');
    expect(run({ assets: [asset(1, { lastReviewedAt: null, createdAt: '2026-02-28T00:00:00Z' })] })).toEqual([]);
    const never = run({ assets: [asset(1, { lastReviewedAt: null, createdAt: '2024-01-01T00:00:00Z' })] });
    expect(never[0]?.message).toMatch(/has never been reviewed; it was added 2024-01-01/);
    expect(run({ settings: settings({ reviewPeriodDays: 0 }), assets: [asset(1, { lastReviewedAt: '2000-01-01' })] })).toEqual([]);
  });

  it('STALE_REVIEW: exact at the boundary, zone-less times read as UTC, offsets honoured', () => {
    const stale = (lastReviewedAt: string) => codes(run({ assets: [asset(1, { lastReviewedAt })] })).includes('STALE_REVIEW');
    // now is 2026-03-01T12:00:00Z; 365 days earlier is 2025-03-01T12:00:00Z
    expect(stale('2025-03-01T12:00:00.000Z')).toBe(false);
    expect(stale('2025-03-01T12:00:00Z')).toBe(false);
    expect(stale('2025-03-01T11:59:59.999Z')).toBe(true);
    expect(stale('2025-03-01 12:00:00')).toBe(false);
    expect(stale('2025-03-01 11:59:59')).toBe(true);
    expect(stale('2025-03-01T12:30:00+01:00')).toBe(true);
    expect(stale('2025-03-02')).toBe(false);
    expect(stale('not a date')).toBe(true);
    expect(run({ assets: [asset(1, { lastReviewedAt: 'not a date' })] })[0]?.message).toMatch(/at an unreadable date/);
  });

  it('an owner of provider kind hands the permanent layers to the provider', () => {
    const findings = run({ assets: [asset(1, { ownerPartyId: 3 })] });
    expect(findings.map((f) => [f.code, f.layerId])).toEqual([
      ['HANDED_TO_PROVIDER', 'customer-data'],
      ['HANDED_TO_PROVIDER', 'configurations-and-settings'],
      ['HANDED_TO_PROVIDER', 'identities-and-users'],
      // on the other customer layers nobody on the customer side does the work
      ['NO_RESPONSIBLE', 'client-devices'],
      ['NO_RESPONSIBLE', 'applications'],
      ['NO_RESPONSIBLE', 'network-controls'],
      ['NO_RESPONSIBLE', 'operating-system']
    ]);
    expect(findings[0]?.message).toMatch(/Microsoft, the provider, is Accountable; only the provider is Responsible/);
  });

  it('assets sharing a layer outcome still get their own names in messages', () => {
    const list = [...parties(), party(7, 'Carol', 'person', { active: false, leftAt: '2026-01-31' })];
    const findings = run({
      parties: list,
      assets: [asset(1, { ownerPartyId: null }), asset(2, { ownerPartyId: null, name: 'db2' }), asset(3, { ownerPartyId: 5 }), asset(4, { ownerPartyId: 7 })]
    });
    expect(findings.map((f) => f.message.slice(0, 24))).toEqual(['"vm1" has no owner. The ', '"db2" has no owner. The ', 'Bob left on 2025-12-31 b', 'Carol left on 2026-01-31']);
  });

  it('PARTY_MISSING: one per RACI row naming a party not in the list, with asset, layer, role and id', () => {
    const findings = run({ assets: [asset(1)], assignments: [assign(1, 'operating-system', 99, 'R'), assign(1, 'operating-system', 2, 'R'), assign(1, 'no-layer', 98, 'C')] });
    expect(findings.filter((f) => f.code === 'PARTY_MISSING').map((f) => [f.layerId, f.severity, f.message])).toEqual([
      ['operating-system', 'error', 'The Responsible for "Operating system" on "vm1" is party #99, who is not in the parties list (a RACI row of this asset), so that role is held by nobody.'],
      ['no-layer', 'error', 'The Consulted for "no-layer" on "vm1" is party #98, who is not in the parties list (a RACI row of this asset), so that role is held by nobody.']
    ]);
    // The other R (Platform team) still holds the layer: no NO_RESPONSIBLE; the unknown layer is LAYER_MISSING.
    expect(codes(findings)).toEqual(['PARTY_MISSING', 'PARTY_MISSING', 'LAYER_MISSING']);
  });

  it('LAYER_MISSING: one per layer the model lacks, naming the override, note and rows on it; none under a missing model', () => {
    const note = { assetId: 1, layerId: 'identity-and-directory-infrastructure', note: 'Kept from the classic model', by: 'alice', at: NOW };
    const findings = run({
      assets: [asset(1)],
      overrides: [override(1, 'identity-and-directory-infrastructure', 'shared')],
      notes: [note],
      assignments: [assign(1, 'legacy', 2, 'R'), assign(1, 'legacy', 1, 'A')]
    });
    expect(findings.map((f) => [f.code, f.severity, f.layerId])).toEqual([
      ['LAYER_MISSING', 'warning', 'identity-and-directory-infrastructure'],
      ['LAYER_MISSING', 'warning', 'legacy']
    ]);
    expect(findings[0]?.message).toBe(
      '"vm1" holds an override (shared) and a note on the layer "identity-and-directory-infrastructure", which Microsoft Azure shared responsibility (January 2026) (the model it is read under) does not have, so they are not read.'
    );
    expect(findings[1]?.message).toContain('holds 2 RACI rows (R, A) on the layer "legacy"');
    // Under the classic model the layer exists: no finding.
    expect(run({ assets: [asset(1, { modelId: 'microsoft-classic-2023' })], notes: [note] })).toEqual([]);
    // Under a model the workbook lacks, its layers cannot be judged: MODEL_MISSING only.
    expect(codes(run({ assets: [asset(1, { modelId: 'nope' })], notes: [note] }))).toEqual(['MODEL_MISSING']);
  });

  it('uses the asset model, else the workbook default; a model not loaded is MODEL_MISSING, read under the default', () => {
    const classic = run({ assets: [asset(1, { modelId: 'microsoft-classic-2023', ownerPartyId: null })] });
    expect(classic[0]?.message).toContain('"Identity and directory infrastructure"');
    const missing = run({ assets: [asset(1, { modelId: 'nope', ownerPartyId: null })] });
    expect(codes(missing)).toEqual(['MODEL_MISSING', 'NO_OWNER']);
    // Read under the default (Microsoft 2026), whose layer titles the NO_OWNER finding names.
    expect(missing[1]?.message).toContain('"Identities and users"');
  });
});
