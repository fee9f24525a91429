/**
 * Azure Resource Manager ids: `/subscriptions/<sub>/resourceGroups/<rg>/providers/<ns>/<type>/<name>[/<childType>/<childName>]...`.
 * Several shapes lack a resource group (Resource Graph projections) or a type (resource-group
 * lists), so both are recovered from the id. Segment keywords are case-insensitive in practice.
 */

export interface ArmIdParts {
  subscription: string | null;
  resourceGroup: string | null;
  /** `Namespace/type[/childType...]`, or Microsoft.Resources/resourceGroups for a group id. */
  type: string | null;
  /** The resource's own name; child resources keep the parent path (`vm/extension`) as az does. */
  name: string | null;
}

/** True for strings that look like an ARM id (subscription-, tenant- or management-group-scoped). */
export function isArmId(value: string): boolean {
  return /^\/(subscriptions|providers)\//i.test(value);
}

/**
 * Split an ARM id into subscription, resource group, type and name.
 * Returns all-null parts for a string that is not an ARM id.
 */
export function parseArmId(id: string): ArmIdParts {
  const none: ArmIdParts = { subscription: null, resourceGroup: null, type: null, name: null };
  if (!isArmId(id)) return none;
  const seg = id.split('/').filter((s) => s.length > 0);
  let subscription: string | null = null;
  let resourceGroup: string | null = null;
  let i = 0;
  if (seg[i]?.toLowerCase() === 'subscriptions') {
    subscription = seg[i + 1] ?? null;
    i += 2;
  }
  if (seg[i]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = seg[i + 1] ?? null;
    i += 2;
  }
  // The last `providers` segment wins: extension resources nest one provider path in another.
  let p = -1;
  for (let j = i; j < seg.length; j++) if (seg[j]?.toLowerCase() === 'providers') p = j;
  if (p < 0) {
    if (resourceGroup && i === seg.length) {
      return { subscription, resourceGroup, type: 'Microsoft.Resources/resourceGroups', name: resourceGroup };
    }
    if (subscription && i === seg.length) {
      return { subscription, resourceGroup: null, type: 'Microsoft.Resources/subscriptions', name: subscription };
    }
    return { subscription, resourceGroup, type: null, name: null };
  }
  const namespace = seg[p + 1];
  const rest = seg.slice(p + 2);
  if (!namespace || rest.length < 2) return { subscription, resourceGroup, type: null, name: null };
  const types: string[] = [];
  const names: string[] = [];
  for (let k = 0; k + 1 < rest.length; k += 2) {
    types.push(rest[k] ?? '');
    names.push(rest[k + 1] ?? '');
  }
  return { subscription, resourceGroup, type: [namespace, ...types].join('/'), name: names.join('/') };
}

/**
 * The ARM id inside an Azure portal link (`https://portal.azure.com/#@tenant/resource/subscriptions/.../overview`).
 * A trailing blade name (`/overview`) is dropped: after `providers/<ns>` an id has type/name pairs,
 * so an odd segment left over is a blade. Returns the text unchanged if it already is an id,
 * null if no id can be found.
 */
export function armIdFromPortalLink(link: string): string | null {
  const text = link.trim();
  if (isArmId(text)) return text;
  const at = text.search(/\/resource\/(subscriptions|providers)\//i);
  if (at < 0) return null;
  let path = text.slice(at + '/resource'.length);
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  let seg = path.split('/').filter((s) => s.length > 0);
  seg = seg.map((s) => safeDecode(s));
  const p = seg.findIndex((s) => s.toLowerCase() === 'providers');
  if (p >= 0) {
    const afterNamespace = seg.length - (p + 2);
    if (afterNamespace > 0 && afterNamespace % 2 === 1) seg = seg.slice(0, -1);
  } else {
    // /subscriptions/<s>[/resourceGroups/<rg>][/<blade>]: keep the scope pairs only.
    const rg = seg.findIndex((s) => s.toLowerCase() === 'resourcegroups');
    seg = seg.slice(0, rg >= 0 ? rg + 2 : 2);
  }
  return `/${seg.join('/')}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
