/**
 * Tags arrive as JSON objects (az, ARM), as PowerShell's rendering of a hashtable
 * (`@{k=v; k2=v2}` in governance exports), as `k=v;k2=v2` or `k:v, k2:v2` text, or not at all:
 * Export-Csv writes the .NET type name of the dictionary instead of its content.
 */

export type TagCell =
  | { kind: 'tags'; tags: Record<string, string> }
  | { kind: 'dotnet-type'; typeName: string }
  | { kind: 'unparsed'; text: string };

/**
 * `System.Collections.Generic.Dictionary`2[System.String,System.String]`, `System.Collections.Hashtable`,
 * `Microsoft.Azure.Management...Sku`: what PowerShell writes for an object it cannot flatten.
 */
export function isDotNetTypeName(value: string): boolean {
  return /^(System|Microsoft\.Azure|Microsoft\.WindowsAzure)\.[\w.]+(`\d+\[[\w.,\s[\]`]*\])?$/.test(
    value.trim()
  );
}

/** Tag values from JSON may be numbers or booleans; anything else non-null becomes its JSON text. */
export function tagsFromObject(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return tags;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined) tags[k] = '';
    else if (typeof v === 'string') tags[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') tags[k] = String(v);
    else tags[k] = JSON.stringify(v);
  }
  return tags;
}

/** Split `a; b; c` on a separator outside double quotes. */
function splitPairs(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch === '"') quoted = !quoted;
    else if (!quoted && separator.test(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function unquote(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

function pairsToTags(parts: string[], assign: RegExp): Record<string, string> | null {
  const tags: Record<string, string> = {};
  for (const part of parts) {
    const m = assign.exec(part);
    if (!m || m.index === 0) return null;
    tags[unquote(part.slice(0, m.index))] = unquote(part.slice(m.index + m[0].length));
  }
  return tags;
}

/**
 * Parse a tags cell. An empty cell, `{}` and `@{}` are no tags. A .NET type name is reported
 * as such so the reader can warn once. Text that fits no known form comes back unparsed.
 */
export function parseTagsCell(cell: string): TagCell {
  const text = cell.trim();
  if (text === '' || text === '{}' || text === '@{}' || text.toLowerCase() === 'null')
    return { kind: 'tags', tags: {} };
  if (isDotNetTypeName(text)) return { kind: 'dotnet-type', typeName: text };
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { kind: 'tags', tags: tagsFromObject(parsed) };
      }
    } catch {
      // not JSON: fall through to the text forms
    }
  }
  const hashtable = /^@\{([\s\S]*)\}$/.exec(text);
  if (hashtable) {
    const tags = pairsToTags(splitPairs(hashtable[1] ?? '', /;/), /=/);
    return tags ? { kind: 'tags', tags } : { kind: 'unparsed', text };
  }
  // `k=v; k2=v2` or `k=v, k2=v2`; a value containing `=` keeps it (only the first one splits).
  if (text.includes('=')) {
    const tags = pairsToTags(splitPairs(text, /[;,\n]/), /\s*=\s*/);
    if (tags) return { kind: 'tags', tags };
  }
  if (text.includes(':')) {
    const tags = pairsToTags(splitPairs(text, /[;,\n]/), /\s*:\s*/);
    if (tags) return { kind: 'tags', tags };
  }
  return { kind: 'unparsed', text };
}
