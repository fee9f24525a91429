/**
 * JSON objects → rows, for every JSON shape (az list, projections, ARM REST, Resource Graph).
 * Full objects and projections differ only in their keys, so both go through a mapping
 * suggested from the keys of the first objects (`id`, `resourceGroup`, or `Name`, `RG`...).
 */
import type { ColumnMapping, ImportFormat, ImportRow, RowError } from '@shared/import';
import { mappedColumns, missingColumns, suggestMapping } from '../mapping';
import type { ReaderContext, ReaderOutput } from '../reader-types';
import { createRowBuilder, isRowError, textOf, type RowBuilder } from '../row-builder';

/** Objects looked at before the mapping is fixed: keys of machine output do not vary. */
const MAPPING_SAMPLE = 20;

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Collects rows from objects as they are parsed, so parsed objects can be dropped at once. */
export class ObjectRowCollector {
  readonly rows: ImportRow[] = [];
  readonly errors: RowError[] = [];
  total = 0;
  columns: string[] = [];
  mapping: ColumnMapping | undefined;
  /** Set when the mapping cannot work; nothing is read after it. */
  fatal: RowError | null = null;
  private builder: RowBuilder | null = null;
  private pending: Array<{ element: unknown; index: number }> = [];

  constructor(
    private readonly format: ImportFormat,
    private readonly ctx: ReaderContext
  ) {}

  add(element: unknown, index: number): void {
    if (this.fatal) return;
    if (this.builder) this.map(this.builder, element, index);
    else {
      this.pending.push({ element, index });
      if (this.pending.length >= MAPPING_SAMPLE) this.flush();
    }
  }

  /** Map whatever is still waiting for the mapping; call once at the end. */
  flush(): void {
    if (this.builder || this.pending.length === 0) return;
    const keys = new Set<string>();
    for (const { element } of this.pending)
      if (isObject(element)) for (const k of Object.keys(element)) keys.add(k);
    this.columns = [...keys];
    this.builder = this.createBuilder();
    const waiting = this.pending;
    this.pending = [];
    if (!this.builder) return;
    for (const { element, index } of waiting) this.map(this.builder, element, index);
  }

  output(complete: boolean): ReaderOutput {
    this.flush();
    const errors = this.fatal ? [this.fatal, ...this.errors] : this.errors;
    return {
      rows: this.rows,
      errors,
      totalRecords: this.total,
      complete: complete && !this.fatal,
      columns: this.columns,
      ...(this.mapping ? { mapping: this.mapping } : {})
    };
  }

  private createBuilder(): RowBuilder | null {
    const mapping = this.ctx.mapping ?? suggestMapping(this.columns);
    this.mapping = mapping;
    const missing = missingColumns(mapping, this.columns);
    if (missing.length > 0) {
      this.fatal = {
        line: 0,
        field: null,
        message: `The mapping names keys the objects do not have: ${missing.join(', ')}`
      };
      return null;
    }
    if (mapping.name === undefined && mapping.externalId === undefined) {
      this.fatal = {
        line: 0,
        field: 'name',
        message: `No key holds the resource name or id (keys: ${this.columns.join(', ')})`
      };
      return null;
    }
    if (mapping.type === undefined && mapping.externalId === undefined) {
      this.fatal = {
        line: 0,
        field: 'type',
        message: `No key holds the resource id or type (keys: ${this.columns.join(', ')}); add type to the query`
      };
      return null;
    }
    const used = mappedColumns(mapping);
    return createRowBuilder(
      mapping,
      {
        format: this.format,
        provider: 'azure',
        fallbackProvider: 'azure',
        requireType: false,
        requireIdOrType: true,
        extraColumns: this.columns.filter((c) => !used.has(c) && c !== 'identity'),
        finish: (row, read) => {
          // The identity object matters for access reviews; its type is enough to keep.
          const identity = read('identity');
          const kind = isObject(identity) ? textOf(identity.type) : null;
          if (kind !== null && kind !== 'None') row.extra = { ...row.extra, identity: kind };
        }
      },
      this.ctx.warnings
    );
  }

  private map(builder: RowBuilder, element: unknown, index: number): void {
    this.total++;
    const line = index + 1;
    if (!isObject(element)) {
      this.errors.push({ line, field: null, message: `Record ${line} is not an object` });
      return;
    }
    const result = builder.build(line, (key) => element[key]);
    if (isRowError(result)) this.errors.push(result);
    else this.rows.push(result);
  }
}
