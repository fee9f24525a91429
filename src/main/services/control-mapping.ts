/**
 * The layer → control mapping a workbook uses: the built-in one, or the user's own file imported
 * into the workbook (checked by the core's parseMapping and against the workbook's models, refused
 * with every problem located by file name and JSON path, the workbook then unchanged).
 */
import { BUILTIN_MAPPING, MappingError, bindModel, bindingProblems, parseMapping } from '@core/frameworks/mapping';
import { mappingChanges, mappingLinesBefore } from '@core/merge/mapping-slots';
import type { MappingInfo } from '@shared/contract/frameworks';
import type { ControlMapping } from '@shared/frameworks';
import { DemarcError } from '@shared/errors';
import { clearControlMapping, readControlMapping, writeControlMapping, type StoredMapping } from '../store/repos/control-mapping';
import { writeFileAtomically } from '../export/atomic-file';
import type { OpenWorkbook, ServiceContext } from './context';
import { exportTargetPath, failure } from './export-service';
import { readJsonFile } from './json-file';
import { write } from './write';

export interface MappingInUse {
  mapping: ControlMapping;
  /** The imported mapping's record; null for the built-in one. */
  stored: StoredMapping | null;
}

/** The mapping the workbook's exports use. */
export function mappingInUse(wb: OpenWorkbook): MappingInUse {
  const stored = readControlMapping(wb.db);
  if (stored === null) return { mapping: BUILTIN_MAPPING, stored: null };
  try {
    return { mapping: parseMapping(JSON.parse(stored.json), stored.fileName), stored };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DemarcError(
      'BAD_FILE',
      `The control mapping imported from ${stored.fileName} on ${stored.importedAt} is not valid for this version of Demarc: ${detail}\nImport a corrected file or go back to the built-in mapping.`
    );
  }
}

/** The mapping in use, with how each of the workbook's models joins it. */
export function mappingInfo(wb: OpenWorkbook, ctx: ServiceContext): MappingInfo {
  const { mapping, stored } = mappingInUse(wb);
  const models = Object.values(wb.engine.state(ctx).input.models).sort((a, b) => (a.id < b.id ? -1 : 1));
  const count = (lines: readonly { organisational?: true }[], organisational: boolean) => lines.filter((l) => (l.organisational === true) === organisational).length;
  return {
    id: mapping.id,
    name: mapping.name,
    version: mapping.version,
    builtin: stored === null,
    fileName: stored?.fileName ?? null,
    importedAt: stored?.importedAt ?? null,
    importedBy: stored?.importedBy ?? null,
    layers: mapping.layers.map(({ id, title, description }) => ({
      id,
      title,
      description,
      ccm: mapping.ccm.filter((l) => l.layers?.includes(id)).map((l) => l.id),
      nist: mapping.nist.filter((l) => l.layers?.includes(id)).map((l) => l.id)
    })),
    organisational: {
      ccm: mapping.ccm.filter((l) => l.organisational === true).map((l) => l.id),
      nist: mapping.nist.filter((l) => l.organisational === true).map((l) => l.id)
    },
    counts: {
      ccmMapped: count(mapping.ccm, false),
      ccmOrganisational: count(mapping.ccm, true),
      nistMapped: count(mapping.nist, false),
      nistOrganisational: count(mapping.nist, true)
    },
    models: models.map((model) => {
      const { explicit, unboundLayers, uncovered } = bindModel(mapping, model);
      return { modelId: model.id, modelName: model.name, explicit, unboundLayers, uncovered };
    })
  };
}

/** Reads, checks and stores the user's mapping file in place of the one in use. */
export function importMapping(wb: OpenWorkbook, ctx: ServiceContext, path: string): MappingInfo {
  const { fileName, json } = readJsonFile(path);
  let mapping: ControlMapping;
  try {
    mapping = parseMapping(json, fileName);
    const problems = bindingProblems(mapping, Object.values(wb.engine.state(ctx).input.models));
    if (problems.length > 0) throw new MappingError(fileName, problems);
  } catch (error) {
    if (error instanceof MappingError) throw new DemarcError('BAD_FILE', error.message, { problems: error.problems });
    throw error;
  }
  const before = mappingInUse(wb);
  const changed = mappingChanges(before.mapping, mapping);
  write(wb, ctx, (at, actor) => {
    writeControlMapping(wb.db, { mappingId: mapping.id, version: mapping.version, json: JSON.stringify(mapping), fileName, importedAt: at, importedBy: actor });
    return {
      result: undefined,
      change: {
        action: 'mapping.import',
        entity: 'mapping',
        entityId: mapping.id,
        summary: `Control mapping: ${mapping.name} (${mapping.id}, version ${mapping.version}) from ${fileName} replaces ${before.stored === null ? 'the built-in mapping' : before.stored.fileName}`,
        // Which controls it changed, and their lines before: what a merge counts as this copy's change and shows as the ancestor (core/merge/mapping-slots.ts).
        before: { id: before.mapping.id, version: before.mapping.version, builtin: before.stored === null, lines: mappingLinesBefore(before.mapping, changed) },
        after: { id: mapping.id, version: mapping.version, fileName, changed }
      },
      touched: { mapping: true }
    };
  });
  return mappingInfo(wb, ctx);
}

/** Writes the mapping in use as a JSON file the user can edit and import again. */
export async function saveMapping(wb: OpenWorkbook, path: string): Promise<string> {
  const target = exportTargetPath(path, 'json', wb.path);
  const { mapping } = mappingInUse(wb);
  try {
    await writeFileAtomically(target, undefined, (sink) => {
      sink.end(`${JSON.stringify(mapping, null, 2)}\n`);
      return Promise.resolve();
    });
  } catch (error) {
    throw failure(error, target, undefined);
  }
  return target;
}

/** Goes back to the built-in mapping. */
export function resetMapping(wb: OpenWorkbook, ctx: ServiceContext): MappingInfo {
  const stored = readControlMapping(wb.db);
  if (stored !== null) {
    let changed: ReturnType<typeof mappingChanges> | undefined;
    let lines: Record<string, string | null> | undefined;
    try {
      const current = parseMapping(JSON.parse(stored.json), stored.fileName);
      changed = mappingChanges(current, BUILTIN_MAPPING);
      lines = mappingLinesBefore(current, changed);
    } catch {
      // A stored mapping this version cannot read: the reset changes it all (no list logged).
    }
    write(wb, ctx, () => {
      clearControlMapping(wb.db);
      return {
        result: undefined,
        change: {
          action: 'mapping.reset',
          entity: 'mapping',
          entityId: BUILTIN_MAPPING.id,
          summary: `Control mapping: back to the built-in mapping (version ${BUILTIN_MAPPING.version}) instead of ${stored.fileName}`,
          before: { id: stored.mappingId, version: stored.version, fileName: stored.fileName, ...(lines === undefined ? {} : { lines }) },
          after: { id: BUILTIN_MAPPING.id, version: BUILTIN_MAPPING.version, builtin: true, ...(changed === undefined ? {} : { changed }) }
        },
        touched: { mapping: true }
      };
    });
  }
  return mappingInfo(wb, ctx);
}
