/** Query-key factories: mutations invalidate what they touch by these prefixes. */
export const workbookKeys = {
  all: ['workbook'] as const,
  current: () => [...workbookKeys.all, 'current'] as const,
  recent: () => ['recent'] as const,
  changes: (entity?: string, entityId?: string) => [...workbookKeys.all, 'changes', entity ?? '*', entityId ?? '*'] as const
};
