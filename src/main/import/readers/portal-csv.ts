/**
 * Azure portal "All resources → Export to CSV": upper-case headers NAME, TYPE, RESOURCE GROUP,
 * LOCATION, SUBSCRIPTION, sometimes RESOURCE ID, TAGS and RESOURCE LINK. TYPE and LOCATION are
 * display names ("Virtual machine", "West Europe") and SUBSCRIPTION is the subscription's
 * display name. The id inside RESOURCE LINK is authoritative: its type and subscription win
 * over the display names; otherwise the injected resolvers translate them.
 */
import { mappedColumns, suggestMapping } from '../mapping';
import { isArmId, parseArmId } from '../arm-id';
import type { ReaderContext } from '../reader-types';
import { requireNameColumn, type TableShape } from '../table';

export const portalCsvShape: TableShape = {
  format: 'portal-csv',
  suggest: suggestMapping,
  check: requireNameColumn,
  spec(columns, mapping, ctx: ReaderContext) {
    const used = mappedColumns(mapping);
    return {
      format: 'portal-csv',
      provider: 'azure',
      fallbackProvider: 'azure',
      requireType: true,
      requireIdOrType: false,
      extraColumns: columns.filter((c) => !used.has(c)),
      finish: (row, _read, warnings) => {
        const fromId = row.externalId !== null && isArmId(row.externalId) ? parseArmId(row.externalId) : null;
        if (fromId?.type) row.type = fromId.type;
        else if (row.type !== null) {
          const resolved = ctx.resolveDisplayType(row.type);
          if (resolved !== null) {
            row.kind ??= ctx.resolveDisplayKind(row.type);
            row.type = resolved;
          } else if (!row.type.includes('/')) {
            warnings.add(
              'display-type',
              row.line,
              `Types given as display names (e.g. "${row.type}") could not be resolved to ARM types: kept as read`
            );
          }
        }
        if (fromId?.subscription && row.subscription !== fromId.subscription) {
          // Keep the display name the user knows; the id's GUID is the stable key.
          if (row.subscription !== null && mapping.subscription !== undefined) {
            row.extra = { ...row.extra, [mapping.subscription]: row.subscription };
          }
          row.subscription = fromId.subscription;
        }
        if (row.location !== null) row.location = ctx.resolveRegion(row.location) ?? row.location;
      }
    };
  }
};
