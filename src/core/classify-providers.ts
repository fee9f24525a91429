/**
 * AWS and Google Cloud resource types → service model, with the reason in words. Pure: the tables are
 * resources/catalogue/aws-resource-types.json and gcp-asset-types.json, derived from Demarc's rules by
 * scripts/derive-provider-catalogue.mjs. A type takes its own entry, else its service's (a category is a
 * property of the service: every EC2 type is infrastructure); an unknown service is never guessed.
 */
import { z } from 'zod';
import awsJson from '@resources/catalogue/aws-resource-types.json';
import gcpJson from '@resources/catalogue/gcp-asset-types.json';
import { STANDARD_SERVICE_MODEL_LABELS, StandardServiceModelSchema } from '@shared/domain';
import type { ClassifierAnswer } from './service-models';

const EntrySchema = z.object({
  category: z.string().min(1),
  standard: StandardServiceModelSchema,
  confidence: z.enum(['high', 'medium']),
  name: z.string().min(1),
  reason: z.string().min(1),
  needsReview: z.boolean().optional()
});
type Entry = z.infer<typeof EntrySchema>;

const CategoriesSchema = z.record(z.string(), z.object({ label: z.string(), standard: StandardServiceModelSchema }));

const AwsSchema = z.object({
  categories: CategoriesSchema,
  services: z.record(z.string(), EntrySchema.extend({ namespace: z.string() })),
  types: z.record(z.string(), EntrySchema.extend({ type: z.string() })),
  arn: z.record(
    z.string(),
    z.object({
      namespace: z.string(),
      separator: z.enum(['/', ':']),
      types: z.record(z.string(), z.string()),
      bare: z.string().optional(),
      name: z.literal('first').optional()
    })
  )
});
const GcpSchema = z.object({
  categories: CategoriesSchema,
  services: z.record(z.string(), EntrySchema),
  types: z.record(z.string(), EntrySchema.extend({ type: z.string() }))
});

let parsed: { aws: z.infer<typeof AwsSchema>; gcp: z.infer<typeof GcpSchema> } | null = null;
/**
 * Both tables, validated whole on first use, not at load (a command that classifies nothing, such as
 * `demarc check`, never pays for them): a broken resource file fails at the first row, not on the 50,000th.
 */
function tables(): { aws: z.infer<typeof AwsSchema>; gcp: z.infer<typeof GcpSchema> } {
  parsed ??= { aws: AwsSchema.parse(awsJson), gcp: GcpSchema.parse(gcpJson) };
  return parsed;
}

/** The providers with a catalogue of their own. */
export type CatalogueProvider = 'aws' | 'gcp';

/**
 * What the catalogue says of a provider's resource type: the column of the provider's own model
 * (`category`: AWS infrastructure/container/abstracted, Google iaas/paas/saas) and the answer for a
 * model with the standard columns, with the reason.
 */
export interface ProviderClassification extends ClassifierAnswer {
  provider: CatalogueProvider;
  /** The column of the provider's own model; null when the type is unknown. */
  category: string | null;
}

const AWS_TYPE = /^aws::([a-z0-9]+)::[a-z0-9]+$/;
/** The fallback type a reader gives an ARN whose resource type is not in the table: `<arn service>:<token>`. */
const ARN_FORM = /^([a-z0-9-]+):([a-z0-9-]*)$/;
const GCP_TYPE = /^([a-z0-9-]+)\.googleapis\.com\/[a-z0-9]+$/;

/** True when the type is an AWS CloudFormation/Config type (`AWS::EC2::Instance`, any case). */
export function isAwsType(type: string): boolean {
  return AWS_TYPE.test(type.trim().toLowerCase());
}

/** True when the type is a Cloud Asset Inventory asset type (`compute.googleapis.com/Instance`). */
export function isGcpAssetType(type: string): boolean {
  return GCP_TYPE.test(type.trim().toLowerCase());
}

function answer(provider: CatalogueProvider, entry: Entry, prefix = '', review = false): ProviderClassification {
  const standardNote =
    provider === 'aws' ? ` Under a model with IaaS/PaaS/SaaS columns: ${STANDARD_SERVICE_MODEL_LABELS[entry.standard]}.` : '';
  return {
    provider,
    category: entry.category,
    serviceModel: entry.standard,
    confidence: review ? 'low' : entry.confidence,
    reason: `${prefix}${entry.reason}${standardNote}`,
    needsReview: review || (entry.needsReview ?? false)
  };
}

function unknown(provider: CatalogueProvider, type: string, why: string): ProviderClassification {
  return {
    provider,
    category: null,
    serviceModel: null,
    confidence: 'none',
    reason: `Unknown type “${type}” — choose a service model (${why}).`,
    needsReview: true
  };
}

function classifyAws(type: string): ProviderClassification {
  const { aws } = tables();
  const lower = type.trim().toLowerCase();
  const own = aws.types[lower];
  if (own) return answer('aws', own);
  const ns = AWS_TYPE.exec(lower)?.[1];
  if (ns !== undefined) {
    const service = aws.services[ns];
    return service ? answer('aws', service) : unknown('aws', type, `Demarc's AWS table has no service “${ns}”`);
  }
  const arnForm = ARN_FORM.exec(lower);
  const map = arnForm ? aws.arn[arnForm[1] ?? ''] : undefined;
  const service = map ? aws.services[map.namespace.toLowerCase()] : undefined;
  if (arnForm && service) {
    return answer('aws', service, `The ARN's resource type “${arnForm[2] ?? ''}” is not in Demarc's AWS table, so Demarc uses its service: `, true);
  }
  return unknown('aws', type, "neither a CloudFormation type nor an ARN service in Demarc's AWS table");
}

function classifyGcp(type: string): ProviderClassification {
  const { gcp } = tables();
  const lower = type.trim().toLowerCase();
  const own = gcp.types[lower];
  if (own) return answer('gcp', own);
  const svc = GCP_TYPE.exec(lower)?.[1];
  const service = svc === undefined ? undefined : gcp.services[svc];
  if (service) return answer('gcp', service);
  return unknown('gcp', type, svc === undefined ? 'not a Cloud Asset Inventory asset type' : `Demarc's Google Cloud table has no service “${svc}.googleapis.com”`);
}

/**
 * Classifies an AWS type (`AWS::EC2::Instance`, or the `ec2:thing` form a reader gives an ARN it
 * could not type) or a Google Cloud asset type (`compute.googleapis.com/Instance`). Null when the
 * type belongs to neither provider's vocabulary.
 */
export function classifyProviderType(type: string | null, provider: string): ProviderClassification | null {
  const t = (type ?? '').trim();
  if (isAwsType(t) || (provider === 'aws' && ARN_FORM.test(t.toLowerCase()))) return classifyAws(t);
  if (isGcpAssetType(t)) return classifyGcp(t);
  return null;
}

/** An ARN's resource part resolved through the table: its CloudFormation type and a display name. */
export interface ArnResource {
  /** `AWS::EC2::Instance`, or `<service>:<token>` when the table does not know the token. */
  type: string;
  /** The resource's own name or id from the ARN (`i-0abc…`, the bucket, the role name). */
  name: string;
}

/** The name in what follows the token: `autoScalingGroupName/web`, a `:`-path whole, else the first or last segment. */
function nameIn(remainder: string, separator: '/' | ':', take: 'first' | 'last'): string {
  const labelled = /(?:^|[:/])[A-Za-z]*Name\/([^/:]+)$/.exec(remainder)?.[1];
  if (labelled !== undefined) return labelled;
  if (separator === ':') return remainder.replace(/:\*$/, '');
  const segments = remainder.split('/').filter((s) => s !== '');
  return (take === 'first' ? segments[0] : segments.at(-1)) ?? remainder;
}

/**
 * Resolves an ARN's service and resource part (`instance/i-0abc`, `db:prod`, `loadbalancer/app/web/50dc…`,
 * a bare bucket or topic name) to a type and a name. Null when the service is not in the table.
 */
export function resolveArnResource(service: string, resource: string): ArnResource | null {
  const svc = service.toLowerCase();
  const map = tables().aws.arn[svc];
  if (!map) return null;
  const path = resource.replace(/^\/+/, '');
  const segments = path.split(map.separator === ':' ? /[:/]/ : '/');
  const first = (segments[0] ?? '').toLowerCase();
  const two = segments.length > 2 ? `${first}/${(segments[1] ?? '').toLowerCase()}` : '';
  // The longest token first (loadbalancer/app before loadbalancer); a token needs an id after it.
  const token = two !== '' && map.types[two] !== undefined ? two : segments.length > 1 && map.types[first] !== undefined ? first : null;
  if (token === null) {
    // A bare resource (a bucket, a topic, a queue) has no type token before its name.
    if (map.bare !== undefined) return { type: map.bare, name: segments[0] || path };
    return { type: `${svc}:${first}`, name: nameIn(path.slice(first.length + 1), map.separator, 'last') || path };
  }
  const remainder = path.slice(token.length + 1);
  return { type: map.types[token] ?? `${svc}:${token}`, name: nameIn(remainder, map.separator, map.name ?? 'last') || path };
}
