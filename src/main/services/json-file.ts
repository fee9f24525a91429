/** Reading a user's JSON file (a model, a mapping): readable errors naming the file, line and column. */
import { basename } from 'node:path';
import { DemarcError } from '@shared/errors';
import { readUserFileSync } from '../security/user-files';

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * The parsed JSON of a file (UTF-8, with or without a BOM).
 * @throws DemarcError BAD_FILE naming the file, and the line and column of a syntax error
 */
export function readJsonFile(path: string): { fileName: string; json: unknown } {
  const fileName = basename(path);
  const text = readUserFileSync(path, 'json').toString('utf8').replace(/^\uFEFF/, '');
  try {
    return { fileName, json: JSON.parse(text) };
  } catch (error) {
    // V8 quotes the text around the error: the message says where, not what the file holds.
    const message = (error instanceof Error ? error.message : String(error)).replace(/, ".*"(\.\.\.)? is not valid JSON$/s, ' is not valid JSON');
    const at = /at position (\d+)/.exec(message);
    const where = at !== null && !/line \d+/.test(message) ? ` at ${lineColumn(text, Number(at[1]))}` : '';
    throw new DemarcError('BAD_FILE', `${fileName}: not valid JSON${where} (${message}).`);
  }
}
