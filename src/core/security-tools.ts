/**
 * Which assets are security tools or dashboards (resources/security-tools.json). The seed's
 * warning: a security tool nobody configures, watches or acts on protects nobody, so these
 * assets need a named, active person or team on the customer side.
 */
import { z } from 'zod';
import toolsJson from '@resources/security-tools.json';
import type { Asset } from '@shared/domain';

const SecurityToolEntrySchema = z
  .object({
    match: z.enum(['type', 'typePrefix', 'namePattern']),
    /** A lower-case ARM type, a lower-case type prefix, or a regular expression on the name. */
    value: z.string().min(1),
    /** namePattern only: limit the pattern to this lower-case type. */
    type: z.string().min(1).optional(),
    /** Regular expression on the SKU name; the entry matches only when the asset's SKU matches. */
    skuPattern: z.string().min(1).optional(),
    label: z.string().min(1),
    reason: z.string().min(1)
  })
  .strict();
export type SecurityToolEntry = z.infer<typeof SecurityToolEntrySchema>;

export const SecurityToolListSchema = z
  .object({
    description: z.string(),
    tools: z.array(SecurityToolEntrySchema).min(1),
    /** Types considered and deliberately left out, with the reason. */
    notSecurityTools: z.array(z.object({ value: z.string().min(1), reason: z.string().min(1) }).strict())
  })
  .strict();

interface CompiledEntry {
  entry: SecurityToolEntry;
  name: RegExp | null;
  sku: RegExp | null;
}

type ToolAsset = Pick<Asset, 'type' | 'name'> & { sku?: string | null };

/** A compiled matcher; type lookups are cached because inventories repeat few types many times. */
export interface SecurityToolMatcher {
  match(asset: ToolAsset): SecurityToolEntry | null;
}

/** Compiles a list (validated) into a matcher. Lower-cased types keep mixed-case exports matching. */
export function compileSecurityTools(list: unknown): SecurityToolMatcher {
  const parsed = SecurityToolListSchema.parse(list);
  const compiled: CompiledEntry[] = parsed.tools.map((entry) => ({
    entry: { ...entry, value: entry.match === 'namePattern' ? entry.value : entry.value.toLowerCase() },
    name: entry.match === 'namePattern' ? new RegExp(entry.value, 'i') : null,
    sku: entry.skuPattern === undefined ? null : new RegExp(entry.skuPattern, 'i')
  }));
  // Per raw type string: the entries that could apply to it (usually none).
  const byType = new Map<string, CompiledEntry[]>();
  const candidatesFor = (rawType: string): CompiledEntry[] => {
    let found = byType.get(rawType);
    if (found === undefined) {
      const type = rawType.toLowerCase();
      found = compiled.filter(({ entry }) => {
        if (entry.match === 'type') return type === entry.value;
        if (entry.match === 'typePrefix') return type.startsWith(entry.value);
        return entry.type === undefined || entry.type.toLowerCase() === type;
      });
      byType.set(rawType, found);
    }
    return found;
  };
  const untyped = compiled.filter(({ entry }) => entry.match === 'namePattern' && entry.type === undefined);

  return {
    match(asset) {
      const candidates = asset.type === null ? untyped : candidatesFor(asset.type);
      for (const { entry, name, sku } of candidates) {
        if (name !== null && !name.test(asset.name)) continue;
        if (sku !== null && (asset.sku === undefined || asset.sku === null || !sku.test(asset.sku))) continue;
        return entry;
      }
      return null;
    }
  };
}

/** The security-tool list shipped with the app. */
export const SECURITY_TOOLS = compileSecurityTools(toolsJson);

/** The matching entry of the shipped list (for its label and reason), or null. */
export function matchSecurityTool(asset: ToolAsset): SecurityToolEntry | null {
  return SECURITY_TOOLS.match(asset);
}

/** Whether the asset is a security tool or dashboard per resources/security-tools.json. */
export function isSecurityTool(asset: ToolAsset): boolean {
  return SECURITY_TOOLS.match(asset) !== null;
}
