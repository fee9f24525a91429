import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(__dirname, '../..');
const SCRIPT = join(REPO, 'scripts/derive-catalogue.mjs');
const DATA = join(REPO, '../shared/data');
const COMMITTED = join(REPO, 'resources/catalogue');
const FILES = ['service-models.json', 'display-names.json', 'regions.json', 'NOTICE.md'];
const temp = mkdtempSync(join(tmpdir(), 'demarc-catalogue-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function derive(out: string, ...extra: string[]) {
  return spawnSync(process.execPath, [SCRIPT, DATA, '--out', out, ...extra], { encoding: 'utf8' });
}

interface TypeEntry {
  serviceModel: string;
  services: string[];
  category: string;
  source: 'finops' | 'demarc';
  needsReview?: boolean;
  reason?: string;
  finopsServiceModel?: string;
}
const committed = (file: string) => readFileSync(join(COMMITTED, file), 'utf8');
const serviceModels = JSON.parse(committed('service-models.json')) as { types: Record<string, TypeEntry> };
const displayNames = JSON.parse(committed('display-names.json')) as {
  names: Record<string, string>;
  collisions: Record<string, { chosen: string; candidates: string[] }>;
};

describe('derive-catalogue', () => {
  it('reproduces the committed catalogue byte for byte', () => {
    const out = join(temp, 'again');
    const run = derive(out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const file of FILES)
      expect({ file, bytes: readFileSync(join(out, file), 'utf8') }).toEqual({
        file,
        bytes: committed(file)
      });
  });

  it('keeps the shipped files compact and free of timestamps', () => {
    for (const file of FILES) {
      expect(statSync(join(COMMITTED, file)).size).toBeLessThan(300_000);
      expect(committed(file)).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    }
  });

  it('merges the toolkit rows of one type into several services', () => {
    expect(serviceModels.types['microsoft.web/sites']).toMatchObject({
      serviceModel: 'paas',
      services: ['Azure App Service', 'Functions'],
      category: 'Web',
      source: 'finops'
    });
    expect(serviceModels.types['microsoft.compute/virtualmachines']).toEqual({
      serviceModel: 'iaas',
      services: ['Virtual Machines'],
      category: 'Compute',
      source: 'finops'
    });
  });

  it('flags every rule-made entry and gives it a reason', () => {
    for (const [type, entry] of Object.entries(serviceModels.types)) {
      expect(type).toBe(type.toLowerCase());
      if (entry.source === 'demarc' || entry.needsReview) {
        expect({ type, needsReview: entry.needsReview }).toEqual({ type, needsReview: true });
        expect(entry.reason ?? '').toMatch(/^[A-Z].{40,}\.$/);
      }
    }
    expect(serviceModels.types['microsoft.storage/storageaccounts']).toMatchObject({
      serviceModel: 'paas',
      finopsServiceModel: 'iaas',
      needsReview: true
    });
    expect(serviceModels.types['microsoft.network/frontdoors']?.reason).toContain('sources disagree');
  });

  it('resolves display-name collisions deterministically and records them', () => {
    expect(displayNames.names['virtual machine']).toBe('microsoft.compute/virtualmachines');
    expect(displayNames.collisions['virtual machine']).toEqual({
      chosen: 'microsoft.compute/virtualmachines',
      candidates: [
        'microsoft.all/virtualmachines',
        'microsoft.compute/virtualmachinecomputehub',
        'microsoft.compute/virtualmachines'
      ]
    });
    for (const [name, c] of Object.entries(displayNames.collisions)) {
      expect(displayNames.names[name]).toBe(c.chosen);
      expect(c.candidates).toContain(c.chosen);
    }
  });

  it('refuses a rule that names a type Azure does not have', () => {
    const rules = JSON.parse(readFileSync(join(REPO, 'scripts/catalogue-rules.json'), 'utf8')) as {
      additions: Array<Record<string, unknown>>;
    };
    rules.additions.push({
      types: ['microsoft.compute/virtualmachinez'],
      serviceModel: 'iaas',
      services: ['X'],
      category: 'Compute',
      reason: 'typo.'
    });
    const rulesPath = join(temp, 'bad-rules.json');
    writeFileSync(rulesPath, JSON.stringify(rules));
    const run = derive(join(temp, 'bad'), '--rules', rulesPath);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('microsoft.compute/virtualmachinez is not a known Azure resource type');
  });
});
