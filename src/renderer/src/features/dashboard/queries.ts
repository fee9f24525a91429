import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const dashboardKeys = {
  all: [WORKBOOK, 'dashboard'] as const
};

export function useDashboard() {
  return useQuery({ queryKey: dashboardKeys.all, queryFn: () => call('dashboard.get', {}) });
}

/** Counts over every asset: any change to assets, parties, settings or models. */
export const refreshDashboard: RefreshRule = (touched) =>
  touches(touched, 'assets', 'parties', 'settings', 'models', 'inventory') ? [{ queryKey: dashboardKeys.all }] : [];
