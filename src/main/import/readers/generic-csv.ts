/**
 * Any CSV/TSV/semicolon/pipe table (and xlsx sheets): the mapping comes from the caller or is
 * suggested from the headers. Only a name is required. The provider is read from a mapped
 * column, or inferred: azure when a row carries an ARM id or subscription, else the caller's
 * default (other).
 */
import { mappedColumns, suggestMapping } from '../mapping';
import type { ReaderContext } from '../reader-types';
import type { RowSpec } from '../row-builder';
import { requireNameColumn, type TableShape } from '../table';
import type { ColumnMapping, ImportFormat } from '@shared/import';

/** The generic row spec, shared with the xlsx reader. */
export function genericSpec(
  format: ImportFormat,
  columns: readonly string[],
  mapping: ColumnMapping,
  ctx: ReaderContext
): RowSpec {
  const used = mappedColumns(mapping);
  return {
    format,
    provider: 'infer',
    fallbackProvider: ctx.provider ?? 'other',
    requireType: false,
    requireIdOrType: false,
    extraColumns: columns.filter((c) => !used.has(c))
  };
}

export const genericCsvShape: TableShape = {
  format: 'generic-csv',
  suggest: suggestMapping,
  check: requireNameColumn,
  spec: (columns, mapping, ctx) => genericSpec('generic-csv', columns, mapping, ctx)
};
