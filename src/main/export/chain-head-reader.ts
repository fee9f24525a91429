/**
 * Reads the change-log chain head an earlier export printed: the "Change-log chain head" line of
 * an xlsx (the RACI workbook's Cover, the CCM Introduction, the FedRAMP Instructions; read as a
 * stream, stopping at the line) or the `change-log-chain-head` property of an OSCAL SSP's metadata.
 */
import type { CellValue } from 'exceljs';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CHAIN_HEAD_ITEM, parseChainHead } from '@core/audit/chain';
import type { ChainHead } from '@shared/audit';
import { DemarcError } from '@shared/errors';
import { loadExcelJs } from './exceljs-load';

function cellText(value: CellValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return '';
}

async function headOfXlsx(path: string): Promise<ChainHead | null> {
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as CellValue[];
      const label = values.findIndex((v) => cellText(v).trim() === CHAIN_HEAD_ITEM);
      if (label < 0) continue;
      for (const value of values.slice(label + 1)) {
        const head = parseChainHead(cellText(value));
        if (head) return head;
      }
    }
  }
  return null;
}

function headOfOscal(path: string): ChainHead | null {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DemarcError('BAD_FILE', `${basename(path)} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const props = (doc as { 'system-security-plan'?: { metadata?: { props?: { name?: unknown; value?: unknown }[] } } })['system-security-plan']?.metadata?.props ?? [];
  const prop = props.find((p) => p.name === 'change-log-chain-head');
  return typeof prop?.value === 'string' ? parseChainHead(prop.value) : null;
}

/** The chain head printed in an export; a file without one is refused, naming it. */
export async function readExportChainHead(path: string): Promise<ChainHead> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.json') throw new DemarcError('BAD_FILE', `${basename(path)}: give an xlsx or OSCAL JSON export made by Demarc (a CSV export carries no chain head).`);
  let head: ChainHead | null;
  try {
    head = ext === '.json' ? headOfOscal(path) : await headOfXlsx(path);
  } catch (error) {
    if (error instanceof DemarcError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new DemarcError('NOT_FOUND', `${path}: no such file.`);
    throw new DemarcError('BAD_FILE', `${basename(path)} could not be read as an export: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (head === null) {
    throw new DemarcError('BAD_FILE', `${basename(path)} has no "${CHAIN_HEAD_ITEM}" line: it was exported before Demarc kept a hash chain, or not by Demarc.`);
  }
  return head;
}
