#!/usr/bin/env node
/**
 * Derives the AWS and Google Cloud service-model catalogues the app ships from Demarc's own rules
 * (scripts/provider-catalogue-rules.json): every service and listed type gets its category (a column
 * of the provider's model), its IaaS/PaaS/SaaS answer for models with the standard columns, a
 * confidence and a reason in words; AWS ARN resource types are mapped to CloudFormation types.
 *
 *   node scripts/derive-provider-catalogue.mjs [--rules file] [--out dir]
 *
 * Output is deterministic (sorted keys, no timestamps) so a re-run reproduces the committed files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fail, stableJson } from './catalogue-tables.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');
const STANDARD = ['onprem', 'iaas', 'paas', 'saas'];
const AWS_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

function parseArgs(argv) {
  let rulesPath = join(here, 'provider-catalogue-rules.json');
  let outDir = join(repoRoot, 'resources', 'catalogue');
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--rules') rulesPath = resolve(argv[(i += 1)] ?? fail('--rules needs a file'));
    else if (argv[i] === '--out') outDir = resolve(argv[(i += 1)] ?? fail('--out needs a directory'));
    else fail(`unknown argument ${argv[i]}`);
  }
  return { rulesPath, outDir };
}

function sentence(text) {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** One catalogue entry: the service's rule, refined by a type's own fields. */
function entry(provider, rules, service, own, where) {
  const category = own.category ?? service.category;
  const cat = rules.categories[category] ?? fail(`${where}: unknown category "${category}"`);
  const standard = own.standard ?? (own.category ? undefined : service.standard) ?? cat.standard ?? category;
  if (!STANDARD.includes(standard)) fail(`${where}: "${standard}" is not a standard service model`);
  const name = own.name ?? service.name ?? fail(`${where}: no name`);
  const needsReview = own.needsReview ?? (own.category ? false : (service.needsReview ?? false));
  const named = (own.named ?? service.named ?? false) && own.category === undefined;
  const custom = own.reason ?? (own.category ? undefined : service.reason);
  const who = provider === 'aws' ? 'AWS' : 'Google';
  let reason;
  if (custom) reason = `${sentence(custom)} Demarc uses ${cat.label}.`;
  else if (named) reason = `${who} names ${name} among its ${cat.label}: ${sentence(cat.rule)}`;
  else reason = `Demarc classes ${name} with ${provider === 'aws' ? "AWS's " : ''}${cat.label}: ${sentence(cat.rule)}`;
  const out = { category, standard, confidence: named && !needsReview ? 'high' : 'medium', name, reason };
  if (needsReview) out.needsReview = true;
  return out;
}

function deriveAws(rules) {
  const services = {};
  const types = {};
  for (const [ns, service] of Object.entries(rules.services)) {
    if (!/^[A-Za-z0-9]+$/.test(ns)) fail(`aws: bad namespace ${ns}`);
    services[ns.toLowerCase()] = { namespace: ns, ...entry('aws', rules, service, {}, `aws ${ns}`) };
    for (const [type, own] of Object.entries(service.types ?? {})) {
      types[`aws::${ns}::${type}`.toLowerCase()] = { type: `AWS::${ns}::${type}`, ...entry('aws', rules, service, own, `aws ${ns}::${type}`) };
    }
  }
  const arn = {};
  for (const [svc, map] of Object.entries(rules.arn)) {
    if (!services[map.namespace.toLowerCase()]) fail(`aws arn ${svc}: no service ${map.namespace}`);
    const mapped = {};
    for (const [token, type] of Object.entries(map.types)) {
      if (!AWS_TYPE.test(type)) fail(`aws arn ${svc}/${token}: bad type ${type}`);
      const ns = type.split('::')[1].toLowerCase();
      if (!services[ns]) fail(`aws arn ${svc}/${token}: ${type} names no service in the rules`);
      mapped[token.toLowerCase()] = type;
    }
    if (map.bare !== undefined && !AWS_TYPE.test(map.bare)) fail(`aws arn ${svc}: bad bare type ${map.bare}`);
    if (!['/', ':'].includes(map.separator)) fail(`aws arn ${svc}: separator must be / or :`);
    if (map.name !== undefined && map.name !== 'first') fail(`aws arn ${svc}: name may only be "first"`);
    arn[svc] = {
      namespace: map.namespace,
      separator: map.separator,
      types: mapped,
      ...(map.bare ? { bare: map.bare } : {}),
      ...(map.name ? { name: map.name } : {})
    };
  }
  return { services, types, arn };
}

function deriveGcp(rules) {
  const services = {};
  const types = {};
  for (const [svc, service] of Object.entries(rules.services)) {
    if (!/^[a-z0-9]+$/.test(svc)) fail(`gcp: bad service ${svc}`);
    services[svc] = entry('gcp', rules, service, {}, `gcp ${svc}`);
    for (const [kind, own] of Object.entries(service.types ?? {})) {
      types[`${svc}.googleapis.com/${kind}`.toLowerCase()] = { type: `${svc}.googleapis.com/${kind}`, ...entry('gcp', rules, service, own, `gcp ${svc}/${kind}`) };
    }
  }
  return { services, types };
}

function categories(rules) {
  return Object.fromEntries(
    Object.entries(rules.categories).map(([id, c]) => [id, { label: c.label, standard: c.standard ?? id }])
  );
}

function notice(rules, aws, gcp) {
  const count = (services, key, value) => Object.values(services).filter((s) => s[key] === value).length;
  const flagged = (services) => Object.values(services).filter((s) => s.needsReview).length;
  return `# AWS and Google Cloud service-model catalogues: sources and notice

Generated by \`node scripts/derive-provider-catalogue.mjs\` from \`scripts/provider-catalogue-rules.json\`; do not
edit \`aws-resource-types.json\` or \`gcp-asset-types.json\` by hand. Neither provider publishes a per-type table like
the Microsoft FinOps toolkit's, so these are Demarc's own rules, each with its reason.

## AWS (\`aws-resource-types.json\`)

- Categories are AWS's own: infrastructure, container and abstracted services. ${rules.aws.source.named}
  Source: ${rules.aws.source.name}, ${rules.aws.source.url}.
- ${Object.keys(aws.services).length} CloudFormation namespaces (${count(aws.services, 'category', 'infrastructure')} infrastructure, ${count(aws.services, 'category', 'container')} container, ${count(aws.services, 'category', 'abstracted')} abstracted), ${flagged(aws.services)} flagged for review;
  ${Object.keys(aws.types).length} types that differ from their namespace; ${Object.keys(aws.arn).length} ARN service prefixes mapped to
  CloudFormation types (the Resource Groups Tagging API lists ARNs only).
- The namespaces cover every resource type in awslabs/aws-config-resource-schema (Apache-2.0), whose list of type
  names the tests read from \`tests/fixtures/providers/aws-config-resource-types.txt\`.

## Google Cloud (\`gcp-asset-types.json\`)

- Columns are the standard IaaS / PaaS / SaaS. ${rules.gcp.source.named}
  Source: ${rules.gcp.source.name}, ${rules.gcp.source.url}.
- ${Object.keys(gcp.services).length} API services (${count(gcp.services, 'category', 'iaas')} IaaS, ${count(gcp.services, 'category', 'paas')} PaaS, ${count(gcp.services, 'category', 'saas')} SaaS), ${flagged(gcp.services)} flagged for review; an asset type
  (\`compute.googleapis.com/Instance\`) takes its service's entry unless listed itself.
`;
}

function main() {
  const { rulesPath, outDir } = parseArgs(process.argv.slice(2));
  const rules = JSON.parse(readFileSync(rulesPath, 'utf8'));
  const aws = deriveAws(rules.aws);
  const gcp = deriveGcp(rules.gcp);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'aws-resource-types.json'),
    stableJson({ source: rules.aws.source, categories: categories(rules.aws), ...aws })
  );
  writeFileSync(
    join(outDir, 'gcp-asset-types.json'),
    stableJson({ source: rules.gcp.source, categories: categories(rules.gcp), ...gcp })
  );
  writeFileSync(join(outDir, 'NOTICE-providers.md'), notice(rules, aws, gcp));
}

main();
