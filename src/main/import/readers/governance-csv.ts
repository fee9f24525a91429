/**
 * Exports of PowerShell-based governance and inventory tools on European locales:
 * semicolon-delimited, objects rendered as `@{k=v; k2=v2}` (how PowerShell prints a
 * hashtable or PSCustomObject), dates as dd/MM/yyyy. Headers vary by tool, so the mapping is
 * suggested from them. Dates in unmapped columns are rewritten as ISO 8601 in `extra`,
 * because a day-first date cannot be read safely later without knowing its source.
 */
import { mappedColumns, suggestMapping } from '../mapping';
import { requireNameColumn, type TableShape } from '../table';

const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * `31/01/2024` → `2024-01-31`, `31/01/2024 14:05` → `2024-01-31T14:05:00`. Null for text that
 * is not a day-first date, or for an impossible one (31/02/2024).
 */
export function parseDayFirstDate(text: string): string | null {
  const m = DAY_FIRST.exec(text.trim());
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (m[4] === undefined) return date;
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  return `${date}T${pad(h)}:${pad(min)}:${pad(s)}`;
}

export const governanceCsvShape: TableShape = {
  format: 'governance-csv',
  suggest: suggestMapping,
  check(columns, mapping, headerLine) {
    const missingName = requireNameColumn(columns, mapping, headerLine);
    if (missingName) return missingName;
    if (mapping.type === undefined && mapping.externalId === undefined) {
      return {
        line: headerLine,
        field: 'type',
        message: 'No column holds the resource type or id: map one of them'
      };
    }
    return null;
  },
  spec(columns, mapping) {
    const used = mappedColumns(mapping);
    return {
      format: 'governance-csv',
      provider: 'azure',
      fallbackProvider: 'azure',
      requireType: false,
      requireIdOrType: true,
      extraColumns: columns.filter((c) => !used.has(c)),
      finish: (row, _read, warnings) => {
        if (!row.extra) return;
        for (const [column, value] of Object.entries(row.extra)) {
          if (!/^\d{1,2}[/.]\d{1,2}[/.]\d{4}/.test(value)) continue;
          const iso = parseDayFirstDate(value);
          if (iso !== null) row.extra[column] = iso;
          else
            warnings.add(
              `bad-date:${column}`,
              row.line,
              `Column "${column}" holds "${value}", not a valid dd/MM/yyyy date: kept as read`
            );
        }
      }
    };
  }
};
