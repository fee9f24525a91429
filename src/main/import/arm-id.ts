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

const SCOPE = /^\/subscriptions\/([^/]+)(?:\/resourcegroups\/([^/]+))?/i;

/** The subscription of an ARM id without parsing the rest (the common missing field). */
export function subscriptionOfArmId(id: string): string | null {
  return SCOPE.exec(id)?.[1] ?? null;
}

/**
 * Split an ARM id into subscription, resource group, type and name. Called once per row of
 * 100k-row files, so it works on offsets rather than splitting the whole id.
 * Returns all-null parts for a string that is not an ARM id.
 */
export function parseArmId(id: string): ArmIdParts {
  if (!isArmId(id)) return { subscription: null, resourceGroup: null, type: null, name: null };
  const scope = SCOPE.exec(id);
  const subscription = scope?.[1] ?? null;
  const resourceGroup = scope?.[2] ?? null;
  // The last `providers` segment wins: extension resources nest one provider path in another.
  const lower = id.toLowerCase();
  const p = lower.lastIndexOf('/providers/');
  if (p < 0) {
    const rest = id.slice(scope?.[0].length ?? 0).replace(/\/+$/, '');
    if (rest !== '') return { subscription, resourceGroup, type: null, name: null };
    if (resourceGroup)
      return { subscription, resourceGroup, type: 'Microsoft.Resources/resourceGroups', name: resourceGroup };
    return {
      subscription,
      resourceGroup: null,
      type: 'Microsoft.Resources/subscriptions',
      name: subscription
    };
  }
  const seg = id
    .slice(p + '/providers/'.length)
    .split('/')
    .filter((s) => s !== '');
  const namespace = seg[0];
  if (namespace === undefined || seg.length < 3)
    return { subscription, resourceGroup, type: null, name: null };
  let type = namespace;
  let name = '';
  for (let k = 1; k + 1 < seg.length; k += 2) {
    type += `/${seg[k] ?? ''}`;
    name += name === '' ? (seg[k + 1] ?? '') : `/${seg[k + 1] ?? ''}`;
  }
  return { subscription, resourceGroup, type, name };
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
  const at = text.search(/[#/]resource\/(subscriptions|providers)\//i);
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
