import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { dashboardKeys } from '../../lib/query-keys';

export function useDashboard() {
  return useQuery({ queryKey: dashboardKeys.all, queryFn: () => call('dashboard.get', {}) });
}
