import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(__dirname, '../..');
const SCRIPT = join(REPO, 'scripts/derive-provider-catalogue.mjs');
const RULES = join(REPO, 'scripts/provider-catalogue-rules.json');
const FILES = ['aws-resource-types.json', 'gcp-asset-types.json', 'NOTICE-providers.md'];
const temp = mkdtempSync(join(tmpdir(), 'demarc-provider-catalogue-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function derive(out: string, rules = RULES) {
  return spawnSync(process.execPath, [SCRIPT, '--rules', rules, '--out', out], { encoding: 'utf8' });
}

interface Rules {
  aws: { services: Record<string, { category: string }>; arn: Record<string, { types: Record<string, string> }> };
  gcp: { services: Record<string, { standard?: string }> };
}

describe('derive-provider-catalogue', () => {
  it('reproduces the committed catalogues byte for byte', () => {
    const out = join(temp, 'again');
    const run = derive(out);
    expect([run.status, run.stderr]).toEqual([0, '']);
    for (const file of FILES) {
      expect({ file, bytes: readFileSync(join(out, file), 'utf8') }).toEqual({
        file,
        bytes: readFileSync(join(REPO, 'resources/catalogue', file), 'utf8')
      });
    }
  });

  it.each([
    ['a category no model column has', (r: Rules) => (r.aws.services.EC2!.category = 'serverless'), /aws EC2: unknown category "serverless"/],
    ['an ARN token pointing at a service without rules', (r: Rules) => (r.aws.arn.ec2!.types.widget = 'AWS::Widget::Thing'), /aws arn ec2\/widget: AWS::Widget::Thing names no service/],
    ['a standard answer outside the four', (r: Rules) => (r.gcp.services.run!.standard = 'faas'), /gcp run: "faas" is not a standard service model/]
  ])('refuses %s, naming it', (_what, breakIt, message) => {
    const rules = JSON.parse(readFileSync(RULES, 'utf8')) as Rules;
    breakIt(rules);
    const path = join(temp, `rules-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(rules));
    const run = derive(join(temp, 'broken'), path);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(message);
  });
});
