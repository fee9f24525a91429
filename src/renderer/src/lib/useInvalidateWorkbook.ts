import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { workbookKeys } from './query-keys';

/**
 * Every edit can change findings, the dashboard, grid rows and the status bar's counts:
 * after a write, everything under the workbook prefix is refetched when next shown.
 */
export function useInvalidateWorkbook(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: workbookKeys.all }), [queryClient]);
}
