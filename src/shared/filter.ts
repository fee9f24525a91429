/**
 * The asset filter shared by the grid, bulk assign and the CLI's `--where`.
 * Matching lives in src/core/bulk-filter.ts; this is only the contract.
 */
import { z } from 'zod';
import { CriticalitySchema, DataClassificationSchema, EnvironmentSchema } from './asset-attributes';
import { LIMITS, idSchema, line } from './contract/bounds';
import { FINDING_CODES, ServiceModelSchema } from './domain';

const filterText = line(LIMITS.filterText).min(1);

export const AssetFilterSchema = z
  .object({
    /** Case-insensitive substring of name, id, type, resource group, subscription, location or a tag. */
    text: filterText.optional(),
    /** ARM type, case-insensitive; a trailing `*` matches a prefix (`microsoft.network/*`). */
    type: filterText.optional(),
    /** Subscription id or name, case-insensitive. */
    subscription: filterText.optional(),
    /** Resource group, case-insensitive. */
    resourceGroup: filterText.optional(),
    /** `key` (has the tag) or `key=value`; both compared case-insensitively. */
    tag: filterText.optional(),
    /** A service model, or `none` for unclassified assets. */
    serviceModel: z.union([ServiceModelSchema, z.literal('none')]).optional(),
    /** An owner's party id, or `none` for assets without an owner. */
    owner: z.union([idSchema, z.literal('none')]).optional(),
    /** false: only assets the last import of their scope did not list ("not seen"); true: only the others. */
    seen: z.boolean().optional(),
    /** A criticality, data classification or environment, or `none` for assets that state none. */
    criticality: z.union([CriticalitySchema, z.literal('none')]).optional(),
    dataClassification: z.union([DataClassificationSchema, z.literal('none')]).optional(),
    environment: z.union([EnvironmentSchema, z.literal('none')]).optional(),
    /** Assets with at least one finding of this code. */
    findingCode: z.enum(FINDING_CODES).optional(),
    /** Only these asset ids. */
    ids: z.array(idSchema).max(LIMITS.ids).optional(),
    /**
     * The assets of a saved set (shared/saved-set.ts): a kept filter as the inventory stands now,
     * or the asset ids it keeps. Main resolves it (services/saved-sets.ts) before anything matches.
     */
    set: idSchema.optional()
  })
  .strict();
export type AssetFilter = z.infer<typeof AssetFilterSchema>;
