import { useMutation } from '@tanstack/react-query';
import { call } from '../../lib/api';

/** Runs `verify` on the open workbook: alone, or against an earlier export the user picks. */
export function useVerify() {
  return useMutation({
    mutationFn: (mode: 'chain' | 'against') => call('audit.verify', mode === 'against' ? { chooseAgainst: true } : {})
  });
}
