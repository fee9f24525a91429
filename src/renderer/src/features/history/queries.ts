import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const historyKeys = {
  state: () => [WORKBOOK, 'history'] as const
};

export function useHistoryState() {
  return useQuery({ queryKey: historyKeys.state(), queryFn: () => call('history.state', {}) });
}

/** Every write moves the undo stack. */
export const refreshHistory: RefreshRule = () => [{ queryKey: historyKeys.state() }];
