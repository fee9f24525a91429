import { WORKBOOK, type RefreshRule } from '../lib/refresh';

/** The open workbook's facts (counts, last change) and the recent list. */
export const workbookKeys = {
  current: () => [WORKBOOK, 'current'] as const,
  recent: () => ['recent'] as const
};

/** Every write adds to the change log: the counts and last change move. */
export const refreshWorkbook: RefreshRule = () => [{ queryKey: workbookKeys.current() }];
