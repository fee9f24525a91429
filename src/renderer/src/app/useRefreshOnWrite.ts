import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refreshAsOf } from '../features/as-of/queries';
import { refreshAsset } from '../features/asset/queries';
import { refreshAudit } from '../features/audit/queries';
import { refreshDashboard } from '../features/dashboard/queries';
import { refreshFrameworks } from '../features/export/queries';
import { refreshFindings } from '../features/findings/queries';
import { refreshHistory } from '../features/history/queries';
import { refreshInventory } from '../features/inventory/queries';
import { refreshParties } from '../features/parties/queries';
import { refreshPicture } from '../features/picture/queries';
import { refreshModels } from '../features/responsibility/queries';
import { refreshWorkshops } from '../features/workshop/queries';
import { refreshSignOffs } from '../features/sign-offs/queries';
import { refreshSavedSets } from '../features/saved-sets/queries';
import { onEvent } from '../lib/api';
import type { RefreshRule } from '../lib/refresh';
import { refreshWorkbook } from './queries';

/** Each feature's rule: which of its queries a write makes stale. */
const RULES: readonly RefreshRule[] = [
  refreshWorkbook,
  refreshHistory,
  refreshInventory,
  refreshAsset,
  refreshFindings,
  refreshDashboard,
  refreshParties,
  refreshModels,
  refreshFrameworks,
  refreshPicture,
  refreshWorkshops,
  refreshSignOffs,
  refreshSavedSets,
  refreshAudit,
  refreshAsOf
];

/**
 * After every committed write main says what it touched; each feature's rule names its stale
 * queries and only those are invalidated (React Query refetches the ones on screen, and the
 * others when next shown). An owner set on one asset refreshes that asset's panel, the grid,
 * findings and counts, not the models, other assets' panels or the recent list.
 */
export function useRefreshOnWrite(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('workbook-changed', ({ touched }) => {
        for (const rule of RULES) for (const filters of rule(touched)) void queryClient.invalidateQueries(filters);
      }),
    [queryClient]
  );
}
