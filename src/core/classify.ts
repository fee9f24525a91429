/**
 * Suggests a service model (IaaS / PaaS / SaaS / on-premises) for an imported asset, with the reason in
 * words. Pure: the catalogue is the JSON in resources/catalogue, derived from the Microsoft FinOps toolkit by
 * scripts/derive-catalogue.mjs. Called once per imported row, so lookups are precomputed and memoised.
 */
import { z } from 'zod';
import serviceModelsJson from '@resources/catalogue/service-models.json';
import displayNamesJson from '@resources/catalogue/display-names.json';
import regionsJson from '@resources/catalogue/regions.json';
import { STANDARD_SERVICE_MODEL_LABELS, StandardServiceModelSchema, type StandardServiceModel } from '@shared/domain';
import type { ClassifierAnswer } from './service-models';
import { classifyProviderType } from './classify-providers';

/** What the classifier reads of an asset. */
export interface ClassifyInput {
  /** ARM type (any case), a portal display name, or a CMDB category. */
  type: string | null;
  kind?: string | null;
  /** azure | aws | gcp | onprem | cmdb | other */
  provider?: string | null;
  name?: string | null;
  sku?: string | null;
}

const CatalogueSchema = z.object({
  types: z.record(
    z.string(),
    z.object({
      serviceModel: StandardServiceModelSchema,
      services: z.array(z.string()).min(1),
      needsReview: z.boolean().optional(),
      reason: z.string().optional()
    })
  ),
  kinds: z.record(
    z.string(),
    z.array(
      z.object({
        token: z.string(),
        serviceModel: StandardServiceModelSchema,
        needsReview: z.boolean().optional(),
        reason: z.string()
      })
    )
  ),
  saasProducts: z.array(z.object({ name: z.string(), phrases: z.array(z.string()) })),
  saasExclusions: z.array(z.string())
});
type CatalogueEntry = z.infer<typeof CatalogueSchema>['types'][string];

// Validated once at load: a broken resource file fails at start-up, not on the 50,000th row.
const catalogue = CatalogueSchema.parse(serviceModelsJson);
const display = z
  .object({ names: z.record(z.string(), z.string()), kinds: z.record(z.string(), z.string()) })
  .parse(displayNamesJson);
const regionByName = z.object({ regions: z.record(z.string(), z.string()) }).parse(regionsJson).regions;

const ARM_TYPE = /^[a-z0-9][a-z0-9.-]*\/[a-z0-9]/;
const REGION_CODES = new Set(Object.values(regionByName));
const REGION_BY_NAME = new Map(
  Object.entries(regionByName).map(([name, code]) => [name.toLowerCase(), code])
);
const MODEL_WORDS = new Map<string, StandardServiceModel>([
  ['saas', 'saas'],
  ['software as a service', 'saas'],
  ['paas', 'paas'],
  ['platform as a service', 'paas'],
  ['iaas', 'iaas'],
  ['infrastructure as a service', 'iaas'],
  ['on premises', 'onprem'],
  ['on premise', 'onprem'],
  ['on prem', 'onprem'],
  ['onprem', 'onprem']
]);
const ONPREM_PROVIDERS = new Set(['onprem', 'on-prem', 'on-premises']);
const STEP_DOWN: Record<ClassifierAnswer['confidence'], ClassifierAnswer['confidence']> = {
  high: 'medium',
  medium: 'low',
  low: 'low',
  none: 'none'
};
const MEMO_LIMIT = 50_000;
const memo = new Map<string, ClassifierAnswer>();

/** Lower-case words separated by single spaces and padded, so " phrase " matches whole words only. */
function words(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}

const SAAS_PRODUCTS = catalogue.saasProducts.map((p) => ({ name: p.name, phrases: p.phrases.map(words) }));
const SAAS_EXCLUSIONS = catalogue.saasExclusions.map(words);

function listPhrase(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function displayKey(displayName: string): string {
  return displayName.trim().toLowerCase().replace(/\s+/g, ' ');
}

function normaliseType(type: string | null | undefined): string {
  return (type ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/');
}

function fromEntry(type: string, entry: CatalogueEntry, kind: string): ClassifierAnswer {
  const kindTokens = kind ? kind.split(',').map((t) => t.trim()) : [];
  const byKind = catalogue.kinds[type]?.find((rule) => kindTokens.includes(rule.token));
  if (byKind) {
    const needsReview = byKind.needsReview ?? false;
    return {
      serviceModel: byKind.serviceModel,
      confidence: needsReview ? 'medium' : 'high',
      reason: byKind.reason,
      needsReview
    };
  }
  const needsReview = entry.needsReview ?? false;
  const reason =
    entry.reason ??
    `Microsoft FinOps toolkit lists ${listPhrase(entry.services)} (${type}) as ${STANDARD_SERVICE_MODEL_LABELS[entry.serviceModel]}.`;
  return {
    serviceModel: entry.serviceModel,
    confidence: needsReview ? 'medium' : 'high',
    reason,
    needsReview
  };
}

function unknownType(type: string): ClassifierAnswer {
  return {
    serviceModel: null,
    confidence: 'none',
    reason: `Unknown type “${type}” — choose a service model (neither the Microsoft FinOps toolkit nor Demarc's rules list it).`,
    needsReview: true
  };
}

/** An ARM type: exact entry (refined by kind), else its nearest catalogued parent, else unknown. */
function classifyArmType(type: string, kind: string): ClassifierAnswer {
  const exact = catalogue.types[type];
  if (exact) return fromEntry(type, exact, kind);
  const segments = type.split('/');
  for (let end = segments.length - 1; end >= 2; end -= 1) {
    const parentType = segments.slice(0, end).join('/');
    const parent = catalogue.types[parentType];
    if (!parent) continue;
    const base = fromEntry(parentType, parent, '');
    return {
      serviceModel: base.serviceModel,
      confidence: STEP_DOWN[base.confidence],
      reason: `The type ${type} is not catalogued itself, so Demarc uses its parent type: ${base.reason}`,
      needsReview: true
    };
  }
  return unknownType(type);
}

function memoisedArm(type: string, kind: string): ClassifierAnswer {
  const key = `${type}\u0000${kind}`;
  let found = memo.get(key);
  if (!found) {
    // A file of endless distinct types must not grow memory without bound.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    found = classifyArmType(type, kind);
    memo.set(key, found);
  }
  // A copy, so a caller editing its result cannot change what the next row gets.
  return { ...found };
}

function saasProduct(text: string): { name: string; whole: boolean } | null {
  const padded = words(text);
  if (padded.trim() === '' || SAAS_EXCLUSIONS.some((w) => padded.includes(w))) return null;
  for (const product of SAAS_PRODUCTS) {
    const phrase = product.phrases.find((p) => padded.includes(p));
    if (phrase) return { name: product.name, whole: phrase === padded };
  }
  return null;
}

/** Assets outside Azure: a service-model word, a portal display name, or a known SaaS product. */
function classifyOther(input: ClassifyInput, provider: string): ClassifierAnswer {
  const rawType = (input.type ?? '').trim();
  const word = MODEL_WORDS.get(words(rawType).trim());
  if (word) {
    return {
      serviceModel: word,
      confidence: 'high',
      reason: `The source names the service model itself (“${rawType}”).`,
      needsReview: false
    };
  }
  if (rawType && (provider === '' || provider === 'azure')) {
    const armType = resolveDisplayType(rawType);
    if (armType) {
      // An empty kind column must not hide the kind the display name implies ("Function App").
      const kind = input.kind?.trim() || resolveDisplayKind(rawType) || '';
      const base = memoisedArm(armType, kind.toLowerCase());
      return { ...base, reason: `The portal type “${rawType}” is ${armType}. ${base.reason}` };
    }
  }
  const byType = rawType ? saasProduct(rawType) : null;
  if (byType) {
    return {
      serviceModel: 'saas',
      confidence: byType.whole ? 'high' : 'medium',
      reason: `“${rawType}” is ${byType.name}, a SaaS product in Demarc's list: the provider runs the application; the customer keeps its data, identities, configuration and devices.`,
      needsReview: false
    };
  }
  const byName = input.name ? saasProduct(input.name) : null;
  if (byName && input.name) {
    return {
      serviceModel: 'saas',
      confidence: 'low',
      reason: `The asset's name “${input.name.trim()}” mentions ${byName.name}, a SaaS product in Demarc's list; check that the asset is that service.`,
      needsReview: true
    };
  }
  if (!rawType) {
    return {
      serviceModel: null,
      confidence: 'none',
      reason: 'No resource type — choose a service model.',
      needsReview: true
    };
  }
  return unknownType(rawType);
}

/**
 * Suggests the service model of one asset and says why.
 * - provider `onprem` (server lists) → On-premises;
 * - AWS types (`AWS::EC2::Instance`, or `ec2:thing` for an ARN of unknown type) and Google Cloud asset types
 *   (`compute.googleapis.com/Instance`): Demarc's provider tables (classify-providers.ts);
 * - ARM types, matched case-insensitively: the FinOps toolkit entry or Demarc's rule, refined by `kind`
 *   (e.g. `functionapp` → Functions); child types fall back to their nearest catalogued parent;
 * - other types: a service-model word ("SaaS"), a portal display name, or a known SaaS product;
 * - anything else → `serviceModel: null`, confidence `none`, flagged: never a silent guess.
 */
export function classifyResourceType(input: ClassifyInput): ClassifierAnswer {
  return classifyByType(input) ?? classifyOther(input, (input.provider ?? '').trim().toLowerCase());
}

/**
 * The classifier's answer when the provider, type and kind decide it alone (on-premises, AWS, Google
 * Cloud and ARM types), else null: then the name or the sku may decide it (classifyResourceType).
 * Equal inputs give equal answers, so a caller classifying many assets may ask once per distinct
 * provider × type × kind.
 */
export function classifyByType(input: Pick<ClassifyInput, 'type' | 'kind' | 'provider'>): ClassifierAnswer | null {
  const provider = (input.provider ?? '').trim().toLowerCase();
  if (ONPREM_PROVIDERS.has(provider)) {
    return {
      serviceModel: 'onprem',
      confidence: 'high',
      reason:
        'Listed in an on-premises server inventory: the customer runs the whole stack, down to the datacenter.',
      needsReview: false
    };
  }
  // AWS and Google Cloud types first: `compute.googleapis.com/instance` would pass for an ARM type.
  const byProvider = classifyProviderType(input.type ?? null, provider);
  if (byProvider) {
    const { serviceModel, confidence, reason, needsReview, category } = byProvider;
    return { serviceModel, confidence, reason, needsReview, category };
  }
  const type = normaliseType(input.type);
  if (ARM_TYPE.test(type)) {
    return memoisedArm(type, (input.kind ?? '').trim().toLowerCase());
  }
  return null;
}

/**
 * The ARM type (lower-case) of an Azure portal display name such as "Key vault" or "Virtual machines",
 * as the portal's "Export to CSV" writes it; an ARM type given as is comes back lower-cased; else null.
 */
export function resolveDisplayType(displayName: string): string | null {
  const name = displayKey(displayName);
  if (!name) return null;
  return display.names[name] ?? (ARM_TYPE.test(normaliseType(name)) ? normaliseType(name) : null);
}

/** The ARM kind a portal display name implies ("Function App" → `functionapp`), or null. */
export function resolveDisplayKind(displayName: string): string | null {
  return display.kinds[displayKey(displayName)] ?? null;
}

/**
 * The region code of a portal location ("West Europe", "(Europe) West Europe") or of a code given as is
 * ("westeurope", any case); null when it is not an Azure public region.
 */
export function resolveRegion(displayNameOrCode: string): string | null {
  const text = displayNameOrCode
    .trim()
    .replace(/^\([^)]*\)\s*/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (!text) return null;
  if (REGION_CODES.has(text)) return text;
  const byName = REGION_BY_NAME.get(text);
  if (byName) return byName;
  const compact = text.replace(/ /g, '');
  return REGION_CODES.has(compact) ? compact : null;
}
