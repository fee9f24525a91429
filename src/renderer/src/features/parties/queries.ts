import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const partyKeys = {
  all: [WORKBOOK, 'parties'] as const,
  list: () => [...partyKeys.all, 'list'] as const,
  holdings: (id: number) => [...partyKeys.all, 'holdings', id] as const
};

/** Every party with what it holds. */
export function useParties() {
  return useQuery({ queryKey: partyKeys.list(), queryFn: () => call('parties.list', {}) });
}

/** Who may own an asset or hold a customer-side role (main says, through the contract). */
export function useActivePeopleAndTeams() {
  const parties = useParties();
  return (parties.data ?? []).filter((party) => party.canOwn);
}

export function usePartyHoldings(id: number, enabled: boolean) {
  return useQuery({ queryKey: partyKeys.holdings(id), queryFn: () => call('parties.holdings', { id }), enabled });
}

/** The list counts what each party owns and holds: parties themselves, and assets' owners and roles. */
export const refreshParties: RefreshRule = (touched) =>
  touches(touched, 'parties', 'assets', 'inventory') ? [{ queryKey: partyKeys.all }] : [];
