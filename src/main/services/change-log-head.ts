/**
 * The head of the workbook's change-log hash chain, as every export prints it (`#<entry id>
 * sha256:<hash>`), so a file can be tied to the exact history it was made from and `demarc
 * verify --against` can later prove that nothing up to it was rewritten.
 */
import { formatChainHead } from '@core/audit/chain';
import { lastLink } from '../store/repos/change-log-chain';
import type { OpenWorkbook } from './context';

export function changeLogChainHead(wb: OpenWorkbook): string | null {
  const last = lastLink(wb.db);
  return last === null || last.hash === null ? null : formatChainHead({ id: last.id, hash: last.hash });
}
