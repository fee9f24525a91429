/**
 * Snipe-IT asset CSV (Company, Name, Asset Tag, Category, Model, Location, Checked Out To: ...).
 * The asset tag is the CMDB id, the category the type. The owner is whoever the asset is
 * checked out to (name, else username, else e-mail), else the company. US dates (1/23/23) are
 * kept as read in `extra`.
 */
import { mappedColumns, normaliseHeader, suggestMapping } from '../mapping';
import { textOf, type CellReader } from '../row-builder';
import { requireNameColumn, type TableShape } from '../table';

function findColumn(columns: readonly string[], ...names: string[]): string | undefined {
  return columns.find((c) => names.includes(normaliseHeader(c)));
}

function ownerOf(read: CellReader, columns: readonly string[]): string | null {
  const cell = (...names: string[]): string | null => {
    const column = findColumn(columns, ...names);
    return column === undefined ? null : textOf(read(column));
  };
  const person = [cell('checkedouttofirstname'), cell('checkedouttolastname')]
    .filter((p) => p !== null)
    .join(' ');
  return (
    (person === '' ? null : person) ??
    cell('checkedouttousername', 'checkedoutto') ??
    cell('checkedouttoemail') ??
    cell('company')
  );
}

export const snipeItCsvShape: TableShape = {
  format: 'snipe-it-csv',
  suggest(columns) {
    const mapping = suggestMapping(columns);
    const tag = findColumn(columns, 'assettag');
    return tag === undefined ? mapping : { ...mapping, externalId: tag };
  },
  check: requireNameColumn,
  spec(columns, mapping) {
    const used = mappedColumns(mapping);
    return {
      format: 'snipe-it-csv',
      provider: 'cmdb',
      fallbackProvider: 'cmdb',
      requireType: false,
      requireIdOrType: false,
      extraColumns: columns.filter((c) => !used.has(c)),
      finish: (row, read) => {
        if (mapping.owner === undefined) row.owner = ownerOf(read, columns);
      }
    };
  }
};
