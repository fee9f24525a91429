/**
 * The Azure Migrate server import template (`*Server name`, `*Cores`, `*Memory (In MB)`,
 * `*OS name`, `Server type`, `Hypervisor`, ...; `*` marks required columns). Every row is an
 * on-premises server: provider onprem, service-model hint onprem, type "Server", kind the
 * Server type (Virtual / Physical). Sizing and OS columns are kept in `extra`.
 */
import type { ColumnMapping } from '@shared/import';
import { mappedColumns, normaliseHeader, suggestMapping } from '../mapping';
import { requireNameColumn, type TableShape } from '../table';

export const ON_PREM_SERVER_TYPE = 'Server';

export const azureMigrateCsvShape: TableShape = {
  format: 'azure-migrate-csv',
  suggest(columns) {
    const mapping: ColumnMapping = { ...suggestMapping(columns) };
    const serverType = columns.find((c) => normaliseHeader(c) === 'servertype');
    if (serverType !== undefined && mapping.kind === undefined) mapping.kind = serverType;
    return mapping;
  },
  check: requireNameColumn,
  spec(columns, mapping) {
    const used = mappedColumns(mapping);
    return {
      format: 'azure-migrate-csv',
      provider: 'onprem',
      fallbackProvider: 'onprem',
      requireType: false,
      requireIdOrType: false,
      serviceModel: 'onprem',
      extraColumns: columns.filter((c) => !used.has(c)),
      finish: (row) => {
        if (row.type === null) row.type = ON_PREM_SERVER_TYPE;
      }
    };
  }
};
