/**
 * Tables (CSV records, xlsx rows) → rows. A shape says how headers map to fields and what each
 * row must have; this module handles what all tables share: header clean-up, the mapping
 * checks, blank and ragged records, progress and abort.
 */
import type { ColumnMapping, ImportFormat, RowError } from '@shared/import';
import { CsvSyntaxError } from './delimited';
import { missingColumns } from './mapping';
import { failedRead, yieldToLoop, type ReaderContext, type ReaderOutput } from './reader-types';
import { createRowBuilder, isRowError, type RowSpec } from './row-builder';
import type { ReadWarnings } from './warnings';

export interface TableRecord {
  /** 1-based line (CSV) or sheet row number (xlsx). */
  line: number;
  fields: string[];
}

/** How one source shape maps its columns to asset fields. */
export interface TableShape {
  format: ImportFormat;
  suggest(columns: readonly string[]): ColumnMapping;
  /** A problem with the final mapping that makes every row unreadable, or null. */
  check(columns: readonly string[], mapping: ColumnMapping, headerLine: number): RowError | null;
  spec(columns: readonly string[], mapping: ColumnMapping, ctx: ReaderContext): RowSpec;
}

/** The default check: without a name column nothing can be imported. */
export function requireNameColumn(
  columns: readonly string[],
  mapping: ColumnMapping,
  headerLine: number
): RowError | null {
  if (mapping.name !== undefined) return null;
  return {
    line: headerLine,
    field: 'name',
    message: `The header (line ${headerLine}) has no column that could be mapped to the asset name (columns: ${columns.join(', ') || 'none'}). Choose the name column in the mapping.`
  };
}

/** Blank headers become `Column N`; a repeated header gets ` (2)`, so every column can be mapped. */
export function uniqueColumns(header: readonly string[], warnings: ReadWarnings): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const base = raw.trim() === '' ? `Column ${i + 1}` : raw.trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (n === 1) return base;
    warnings.file(`The header "${base}" appears more than once; the repeat is called "${base} (${n})"`);
    return `${base} (${n})`;
  });
}

export interface TableInput {
  header: TableRecord;
  records: AsyncIterable<TableRecord> | Iterable<TableRecord>;
}

/**
 * Map a table's records to rows with a shape. Stops at a CSV syntax error, keeping the rows
 * read before it and reporting `complete: false`.
 * @throws the signal's reason when aborted
 */
export async function readTable(
  input: TableInput,
  shape: TableShape,
  ctx: ReaderContext
): Promise<ReaderOutput> {
  const columns = uniqueColumns(input.header.fields, ctx.warnings);
  const mapping = ctx.mapping ?? shape.suggest(columns);
  const base = { columns, mapping };
  const missing = missingColumns(mapping, columns);
  if (missing.length > 0) {
    return failedRead(
      {
        line: input.header.line,
        field: null,
        message: `The mapping names columns the file does not have: ${missing.join(', ')}`
      },
      base
    );
  }
  const problem = shape.check(columns, mapping, input.header.line);
  if (problem) return failedRead(problem, base);

  const index = new Map(columns.map((c, i) => [c, i]));
  const builder = createRowBuilder(mapping, shape.spec(columns, mapping, ctx), ctx.warnings);
  const out: ReaderOutput = { rows: [], errors: [], totalRecords: 0, complete: true, ...base };
  try {
    for await (const record of input.records) {
      let fields = record.fields;
      // Lines of delimiters only (",,,,") are what spreadsheets leave below the data.
      if (fields.every((f) => f.trim() === '')) continue;
      out.totalRecords++;
      if (fields.length > columns.length && fields.slice(columns.length).every((f) => f.trim() === '')) {
        fields = fields.slice(0, columns.length);
      }
      if (fields.length !== columns.length) {
        out.errors.push({
          line: record.line,
          field: null,
          message: `Line ${record.line} has ${fields.length} fields but the header has ${columns.length}: skipped`
        });
      } else {
        const row = builder.build(record.line, (column) => {
          const i = index.get(column);
          return i === undefined ? undefined : fields[i];
        });
        if (isRowError(row)) out.errors.push(row);
        else out.rows.push(row);
      }
      if (out.totalRecords % 2000 === 0) {
        ctx.onProgress?.(out.totalRecords);
        await yieldToLoop();
        ctx.signal?.throwIfAborted();
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    out.errors.push({ line: error.line, field: null, message: `${error.message}. Reading stopped there.` });
    out.complete = false;
  }
  return out;
}
