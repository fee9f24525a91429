import { useMutation, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import { call } from '../../lib/api';
import { partyKeys } from '../../lib/query-keys';
import { useInvalidateWorkbook } from '../../lib/useInvalidateWorkbook';

/** Every party with what it holds. */
export function useParties() {
  return useQuery({ queryKey: partyKeys.list(), queryFn: () => call('parties.list', {}) });
}

/** Active people and teams: who may own an asset or hold a customer-side role. */
export function useActivePeopleAndTeams() {
  const parties = useParties();
  return (parties.data ?? []).filter((party) => party.active && (party.kind === 'person' || party.kind === 'team'));
}

export function usePartyMutations() {
  const invalidate = useInvalidateWorkbook();
  const onSuccess = () => invalidate();
  return {
    add: useMutation({ mutationFn: (args: MethodInput<'parties.add'>) => call('parties.add', args), onSuccess }),
    update: useMutation({ mutationFn: (args: MethodInput<'parties.update'>) => call('parties.update', args), onSuccess }),
    leave: useMutation({ mutationFn: (args: MethodInput<'parties.leave'>) => call('parties.leave', args), onSuccess }),
    reactivate: useMutation({ mutationFn: (id: number) => call('parties.reactivate', { id }), onSuccess }),
    reassign: useMutation({ mutationFn: (args: MethodInput<'parties.reassign'>) => call('parties.reassign', args), onSuccess })
  };
}
