/**
 * The user's copy of CSA's CAIQ v4 workbook (CSA's own file, or a provider's filled-in one), read
 * for the texts Demarc does not ship: question texts, CCM control titles and specifications, and
 * where a provider filled them, its CAIQ answers and implementation descriptions. Found by CSA's
 * layout (the sheet whose row 2 starts "Question ID"), so a renamed sheet still reads.
 */
import { readUserFile } from '../../security/user-files';
import { basename } from 'node:path';
import type { Row, Worksheet } from 'exceljs';
import { loadExcelJs } from '../../export/exceljs-load';
import { CAIQ_LAYOUT, CAIQ_QUESTION_IDS } from '@core/frameworks/catalogues';
import type { CaiqTexts } from '@core/frameworks/caiq-model';
import { DemarcError } from '@shared/errors';
import { cellText } from './xlsx';

const QUESTION_ID = /^[A-Z&]{3}-\d{2}\.\d+$/;
const CONTROL_ID = /^[A-Z&]{3}-\d{2}$/;

function isCaiqSheet(sheet: Worksheet): boolean {
  return cellText(sheet.getCell(CAIQ_LAYOUT.headerRow, 1).value).trim() === CAIQ_LAYOUT.header[0];
}

/** The header's columns by their CSA name (1-based), so a copy with moved columns still reads. */
function columnsOf(sheet: Worksheet): Map<string, number> {
  const columns = new Map<string, number>();
  const row = sheet.getRow(CAIQ_LAYOUT.headerRow);
  for (let c = 1; c <= row.cellCount; c++) {
    const text = cellText(row.getCell(c).value).replace(/\s+/g, ' ').trim();
    if (text !== '' && !columns.has(text)) columns.set(text, c);
  }
  return columns;
}

/**
 * Reads the texts of a CAIQ v4 workbook.
 * @throws DemarcError BAD_FILE naming the file and what is missing
 */
export async function readCaiqTexts(path: string): Promise<CaiqTexts> {
  const fileName = basename(path);
  const workbook = new (await loadExcelJs()).Workbook();
  const bytes = await readUserFile(path, 'caiq');
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new DemarcError('BAD_FILE', `${fileName}: cannot be read as an xlsx workbook (${error instanceof Error ? error.message : String(error)}).`);
  }
  const sheet = workbook.getWorksheet(CAIQ_LAYOUT.sheetName) ?? workbook.worksheets.find(isCaiqSheet);
  if (sheet === undefined || !isCaiqSheet(sheet)) {
    throw new DemarcError(
      'BAD_FILE',
      `${fileName}: no CAIQ v4 sheet: expected a sheet "${CAIQ_LAYOUT.sheetName}" whose cell A${CAIQ_LAYOUT.headerRow} reads "${CAIQ_LAYOUT.header[0]}" (sheets: ${workbook.worksheets.map((s) => s.name).join(', ')}).`
    );
  }
  const columns = columnsOf(sheet);
  const column = (index: number): number | undefined => columns.get((CAIQ_LAYOUT.header[index] ?? '').replace(/\s+/g, ' ').trim());
  const [question, answer, description, controlId, specification, title] = [1, 2, 4, 8, 9, 10].map(column);
  if (question === undefined) {
    throw new DemarcError('BAD_FILE', `${fileName}: sheet "${sheet.name}" row ${CAIQ_LAYOUT.headerRow} has no "${CAIQ_LAYOUT.header[1]}" column.`);
  }
  const text = (row: Row, c: number | undefined): string | null => {
    if (c === undefined) return null;
    const value = cellText(row.getCell(c).value).trim();
    return value === '' ? null : value;
  };
  const texts: CaiqTexts = { fileName, questions: new Map(), controls: new Map() };
  for (let r = CAIQ_LAYOUT.firstQuestionRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const id = text(row, 1);
    if (id === null || !QUESTION_ID.test(id)) continue;
    const ownAnswer = text(row, answer);
    texts.questions.set(id, {
      question: text(row, question) ?? '',
      answer: ownAnswer !== null && CAIQ_LAYOUT.answerValues.includes(ownAnswer) ? ownAnswer : null,
      cspDescription: text(row, description)
    });
    const control = text(row, controlId);
    if (control !== null && CONTROL_ID.test(control) && !texts.controls.has(control)) {
      texts.controls.set(control, { specification: text(row, specification), title: text(row, title) });
    }
  }
  const known = Object.values(CAIQ_QUESTION_IDS).flat();
  if (!known.some((id) => texts.questions.has(id))) {
    throw new DemarcError('BAD_FILE', `${fileName}: sheet "${sheet.name}" holds no CAIQ v4 question ids (A&A-01.1 …) in column A from row ${CAIQ_LAYOUT.firstQuestionRow}.`);
  }
  return texts;
}
