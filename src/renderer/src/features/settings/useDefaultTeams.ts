import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { workbookKeys } from '../../lib/query-keys';

/**
 * The saved default team per layer. WorkbookInfo does not carry it, so it is read from the
 * latest settings change in the change log (whose `after` holds the full settings).
 */
export function useSavedDefaultTeams() {
  return useQuery({
    queryKey: workbookKeys.changes('workbook', 'settings'),
    queryFn: async () => {
      // Oldest first: the latest settings change is the last one.
      const entries = await call('changes.list', { entity: 'workbook' });
      for (const entry of [...entries].reverse()) {
        const after = entry.after as { defaultTeamPerLayer?: Record<string, number> } | null;
        if (entry.action === 'settings.update' && after && typeof after === 'object' && after.defaultTeamPerLayer) return after.defaultTeamPerLayer;
      }
      return {};
    }
  });
}
