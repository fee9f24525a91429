/**
 * The head of the workbook's change-log hash chain, which exports state so a file can be tied to
 * the exact history it was made from. The audit-trail work gives the change log its chain; until
 * it lands there is none, and the exports leave the line out. This is the one place to wire it.
 */
import type { OpenWorkbook } from './context';

export function changeLogChainHead(_wb: OpenWorkbook): string | null {
  return null;
}
