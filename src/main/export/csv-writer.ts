/**
 * The RACI table as CSV for tools that do not read xlsx: UTF-8 with a BOM (so Excel reads accents),
 * CRLF line ends and RFC 4180 quoting. CSV has no cell types, so every text field that starts like
 * a formula gets OWASP's leading `'` (see core/spreadsheet-safe.ts), and every text field is quoted
 * so a separator inside it cannot start a new, live field.
 */
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import { RACI_HEADERS, raciSheet } from '@core/export-model';
import type { ExportCell, SignOffExport } from '@core/export-model';
import { safeCellText } from '@core/spreadsheet-safe';
import type { ReportSource } from '@core/report-source';
import { writeFileAtomically } from './atomic-file';

export interface WriteCsvOptions {
  /** Where the CSV goes; written atomically (temp file in the same directory, then rename). */
  path: string;
  /** Aborting stops the export; no file appears at `path` and the temp file is removed. */
  signal?: AbortSignal;
  /** Data rows written so far, of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Sign-offs, for the "signed off by / on" column. */
  signOffs?: SignOffExport;
}

export interface WriteCsvResult {
  path: string;
  /** Data rows (header excluded). */
  rows: number;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
}

/** Text handed to the file in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 16;

/** One CSV field: numbers bare, text made inert and quoted, empty as nothing. */
export function csvField(value: ExportCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return `"${safeCellText(value).replace(/"/g, '""')}"`;
}

/** One CSV record with its CRLF. */
export function csvRecord(values: readonly ExportCell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

async function write(sink: Writable, text: string): Promise<void> {
  if (!sink.write(text, 'utf8')) await once(sink, 'drain');
}

/**
 * Writes the RACI table of `source` (one row per asset × layer, the RACI sheet's columns; `rowCount`
 * of them, for progress) to `opts.path`, a page of the report at a time. Rejects with the abort
 * reason when `opts.signal` aborts, leaving no file behind.
 */
export async function writeRaciCsv(source: ReportSource, rowCount: number, opts: WriteCsvOptions): Promise<WriteCsvResult> {
  const sheet = raciSheet(source, rowCount, opts.signOffs);
  let rows = 0;
  const file = await writeFileAtomically(opts.path, opts.signal, async (sink) => {
    let buffer = `\uFEFF${csvRecord(RACI_HEADERS)}`;
    for (const values of sheet.rows()) {
      buffer += csvRecord(values);
      rows += 1;
      if (buffer.length >= CHUNK_CHARS) {
        await write(sink, buffer);
        buffer = '';
        opts.onProgress?.(rows, sheet.rowCount);
        // Let the file stream flush between chunks, and notice a cancel.
        await nextTurn();
        opts.signal?.throwIfAborted();
      }
    }
    await write(sink, buffer);
    opts.onProgress?.(rows, sheet.rowCount);
    sink.end();
  });
  return { path: opts.path, rows, sha256: file.sha256 };
}
