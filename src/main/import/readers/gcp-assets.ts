/**
 * Google Cloud Asset Inventory as gcloud prints it with `--format=json`:
 * - `gcloud asset search-all-resources`: `[{"name": "//compute.googleapis.com/projects/p/zones/z/instances/i",
 *   "assetType": "compute.googleapis.com/Instance", "project": "projects/123", "displayName", "location",
 *   "labels": {}, "networkTags": [], "state", "createTime", "updateTime", "parentFullResourceName", "folders",
 *   "organization", ...}]`;
 * - `gcloud asset list` (and export items): `[{"name", "assetType", "resource": {"parent", "location",
 *   "data": {"labels"...}}, "ancestors": ["projects/123", "folders/4", "organizations/5"], "updateTime"}]`.
 * - `gcloud asset export --output-path=gs://…` (content type resource): the same items, one JSON object
 *   per line, with snake_case keys (`asset_type`, `update_time`).
 * gcloud pretty-prints, so large lists are read element by element (json-array.ts).
 */
import { projectNumber, parseGcpResourceName } from '../gcp-name';
import { parseJsonDocument, type JsonBytes } from '../json-text';
import { failedRead, yieldToLoop, type ReaderContext, type ReaderOutput } from '../reader-types';
import { textOf } from '../row-builder';
import { visitPrettyArray } from './json-array';
import { collect, isObject, mapRecords, objects, providerRow, tagsOf, textAt, type RecordResult } from './provider-rows';

const EXTRA_TEXT = ['state', 'createTime', 'updateTime', 'parentFullResourceName', 'parentAssetType', 'organization', 'description'];

/** The project number: `project`, else the first `projects/…` ancestor, else the resource's parent. */
function projectOf(record: Record<string, unknown>, resource: Record<string, unknown>): string | null {
  const project = textAt(record, 'project');
  if (project !== null) return projectNumber(project);
  const ancestors = Array.isArray(record.ancestors) ? record.ancestors : [];
  const ancestor = ancestors.map(textOf).find((a) => a?.startsWith('projects/'));
  if (ancestor) return projectNumber(ancestor);
  const parent = textAt(resource, 'parent');
  const parsed = parent === null ? null : parseGcpResourceName(parent);
  return parsed?.project ?? null;
}

function listText(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const items = value.map(textOf).filter((v): v is string => v !== null);
  return items.length > 0 ? items.join(', ') : null;
}

function asset(record: Record<string, unknown>, line: number): RecordResult {
  const fullName = textAt(record, 'name');
  if (fullName === null) return { line, field: 'name', message: `Record ${line} has no name (the full resource name)` };
  const parsed = parseGcpResourceName(fullName);
  if (parsed === null) return { line, field: 'name', message: `"${fullName.slice(0, 80)}" is not a full resource name (//service.googleapis.com/...)` };
  const type = textAt(record, 'assetType', 'asset_type');
  if (type === null) return { line, field: 'assetType', message: `Resource "${fullName}" has no assetType` };
  const resource = isObject(record.resource) ? record.resource : {};
  const data = isObject(resource.data) ? resource.data : {};
  const extra: Record<string, string> = {};
  for (const key of EXTRA_TEXT) {
    const value = textAt(record, key);
    if (value !== null) extra[key] = value;
  }
  const networkTags = listText(record.networkTags);
  if (networkTags !== null) extra.networkTags = networkTags;
  const folders = listText(record.folders);
  if (folders !== null) extra.folders = folders;
  if (parsed.project !== null && !/^\d+$/.test(parsed.project)) extra.projectId = parsed.project;
  return providerRow(line, 'gcp-asset-json', {
    externalId: fullName,
    // A resource's own data names it by its short name or by its path (Pub/Sub: projects/p/topics/t).
    name: textAt(record, 'displayName') ?? textAt(data, 'name')?.split('/').at(-1) ?? parsed.id,
    type,
    provider: 'gcp',
    subscription: projectOf(record, resource),
    location: textAt(record, 'location') ?? textAt(resource, 'location'),
    tags: tagsOf(record.labels ?? data.labels),
    extra
  });
}

function startsWithObject(json: JsonBytes): boolean {
  const head = json.bytes.toString(json.encoding, 0, Math.min(json.bytes.length, 4096)).trimStart();
  return head.startsWith('{');
}

/** Newline-delimited JSON: one asset per line; a line that is not JSON is an error for that line. */
async function readLines(
  json: JsonBytes,
  ctx: ReaderContext,
  map: (record: unknown, line: number) => RecordResult
): Promise<ReaderOutput> {
  ctx.warnings.countIn('line');
  const out: ReaderOutput = { rows: [], errors: [], totalRecords: 0, complete: true };
  const lines = json.bytes.toString(json.encoding).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trim();
    if (text === '') continue;
    out.totalRecords++;
    let record: unknown;
    try {
      record = JSON.parse(text) as unknown;
    } catch (error) {
      out.errors.push({ line: i + 1, field: null, message: `Line ${i + 1} is not a JSON object: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    collect(out, map(record, i + 1));
    if (out.totalRecords % 2000 === 0) {
      ctx.onProgress?.(out.totalRecords);
      await yieldToLoop();
      ctx.signal?.throwIfAborted();
    }
  }
  return out;
}

/**
 * Read a gcloud asset list held as bytes.
 * @throws the signal's reason when aborted
 */
export async function readGcpAssets(json: JsonBytes, ctx: ReaderContext): Promise<ReaderOutput> {
  const map = objects(asset);
  if (startsWithObject(json)) return readLines(json, ctx, map);
  // The fast path maps each element as it is cut out, so parsed objects are dropped at once; when the
  // layout surprises it, what it collected is dropped and the text is parsed whole.
  const fast: ReaderOutput = { rows: [], errors: [], totalRecords: 0, complete: true };
  const ok = await visitPrettyArray(
    json.bytes,
    (element, index) => {
      fast.totalRecords++;
      collect(fast, map(element, index + 1));
    },
    ctx,
    json.encoding
  );
  if (ok) return fast;
  const doc = parseJsonDocument(json);
  if (!doc.ok) return failedRead({ line: doc.problem.line, field: null, message: doc.problem.message });
  if (!Array.isArray(doc.value)) {
    return failedRead({ line: 1, field: null, message: 'Expected a JSON array of assets (gcloud asset search-all-resources --format=json)' });
  }
  return mapRecords(doc.value, ctx, map);
}
