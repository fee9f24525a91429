/**
 * Files people pick that are not asset inventories, recognised from their header so the import
 * says what the file is instead of importing 20 street addresses as assets, and the one text
 * shape that cannot be read reliably: a fixed-width table (`az … -o table`).
 */
import { normaliseHeader } from './mapping';

/** What a list of columns looks like when it is not an inventory; null when it may be one. */
export interface NotInventory {
  /** "a list of locations", in words for the message. */
  what: string;
  /** The columns that gave it away, as written in the file. */
  evidence: string[];
}

interface Signature {
  what: string;
  /** Normalised headers that point to this kind of list. */
  markers: readonly string[];
  /** How many of the markers must be present. */
  atLeast: number;
}

const SIGNATURES: readonly Signature[] = [
  { what: 'a list of locations', markers: ['address', 'address2', 'city', 'state', 'country', 'zip', 'zipcode', 'postcode', 'postalcode'], atLeast: 3 },
  { what: 'a list of software licences', markers: ['seats', 'licensedtoname', 'licensedtoemail', 'productkey', 'licensekey', 'expirationdate', 'reassignable'], atLeast: 2 },
  { what: 'a list of people (users)', markers: ['firstname', 'lastname', 'email', 'username', 'jobtitle', 'jobtitleforuser', 'employeenumber', 'employeeid', 'phonenum', 'phone', 'department'], atLeast: 4 }
];

/** Headers that make a table an inventory whatever else it has: an id or a type of asset. */
const INVENTORY_MARKERS = new Set(['resourceid', 'resourcetype', 'assettag', 'assetid', 'ciid', 'sysid', 'citype', 'assettype', 'hostname', 'servername', 'computername', 'vmname']);

/**
 * Whether a table's header says it lists locations, licences or people rather than assets.
 * A header with an asset id or an asset type column is always taken for an inventory.
 */
export function recogniseNotInventory(columns: readonly string[]): NotInventory | null {
  const byNorm = new Map(columns.map((c) => [normaliseHeader(c), c.trim()]));
  if ([...byNorm.keys()].some((n) => INVENTORY_MARKERS.has(n))) return null;
  for (const signature of SIGNATURES) {
    const evidence = signature.markers.flatMap((m) => byNorm.get(m) ?? []);
    if (evidence.length >= signature.atLeast) return { what: signature.what, evidence };
  }
  return null;
}

/** The message naming what the file is, and how to import it anyway. */
export function notInventoryReason(found: NotInventory): string {
  return (
    `This file is not an asset inventory: it looks like ${found.what} (columns ${found.evidence.join(', ')}). ` +
    'Import an export of assets (servers, cloud resources, devices) instead; to read this file as assets anyway, map its columns (demarc import --map name=COLUMN, or read it again with a mapping).'
  );
}

/**
 * A fixed-width table such as `az resource list -o table`: a header line, then a line of dash
 * runs separated by spaces under each column. Its columns are cut by position and values may be
 * truncated, so it is refused with the way to get JSON instead.
 */
export function isFixedWidthTable(text: string): boolean {
  const lines = text.slice(0, 8192).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const rule = lines[1];
  return rule !== undefined && /^\s*-{2,}(\s+-{2,})+\s*$/.test(rule) && !/[,;\t|]/.test(lines[0] ?? '');
}

export const FIXED_WIDTH_REASON =
  'this is a fixed-width table (the Azure CLI writes one with -o table): its columns are cut by position and long values are shortened. ' +
  'Export JSON instead: az resource list -o json > resources.json (in PowerShell: az resource list -o json | Out-File -Encoding utf8 resources.json).';
