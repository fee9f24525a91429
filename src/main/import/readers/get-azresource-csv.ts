/**
 * `Get-AzResource | Export-Csv` (and `Get-AzResourceGroup | Export-Csv`). PowerShell headers:
 * ResourceName/Name, ResourceType, ResourceGroupName, Location, SubscriptionId, ResourceId, Tags.
 * Export-Csv cannot flatten dictionaries, so Tags usually holds the .NET type name
 * (`System.Collections.Generic.Dictionary`2[...]`, `System.Collections.Hashtable`): those rows
 * get no tags and one warning for the file. A select without ResourceId has no id; the import
 * key is then composite (subscription, group, type, name).
 */
import type { ColumnMapping } from '@shared/import';
import { mappedColumns, suggestMapping } from '../mapping';
import { requireNameColumn, type TableShape } from '../table';

export const RESOURCE_GROUP_TYPE = 'Microsoft.Resources/resourceGroups';

/** A Get-AzResourceGroup export: the group column names the row, and there is no type column. */
function isGroupList(mapping: ColumnMapping): boolean {
  return (
    mapping.type === undefined &&
    mapping.resourceGroup !== undefined &&
    mapping.name === mapping.resourceGroup
  );
}

export const getAzResourceCsvShape: TableShape = {
  format: 'get-azresource-csv',
  suggest(columns) {
    const mapping = suggestMapping(columns);
    if (mapping.name === undefined && mapping.type === undefined && mapping.resourceGroup !== undefined) {
      return { ...mapping, name: mapping.resourceGroup };
    }
    return mapping;
  },
  check(columns, mapping, headerLine) {
    const missingName = requireNameColumn(columns, mapping, headerLine);
    if (missingName) return missingName;
    if (mapping.type === undefined && mapping.externalId === undefined && !isGroupList(mapping)) {
      return {
        line: headerLine,
        field: 'type',
        message: 'No ResourceType column: add ResourceType to the Select before Export-Csv'
      };
    }
    return null;
  },
  spec(columns, mapping) {
    const used = mappedColumns(mapping);
    const groups = isGroupList(mapping);
    return {
      format: 'get-azresource-csv',
      provider: 'azure',
      fallbackProvider: 'azure',
      requireType: true,
      requireIdOrType: false,
      extraColumns: columns.filter((c) => !used.has(c)),
      finish: (row) => {
        if (groups && row.type === null) row.type = RESOURCE_GROUP_TYPE;
      }
    };
  }
};
