import { useState } from 'react';
import type { MethodInput } from '@shared/contract';
import { SERVICE_MODELS, type ServiceModel } from '@shared/domain';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';
import { serviceModelLabel } from '../../lib/labels';
import { useActivePeopleAndTeams } from '../parties/queries';
import type { useBulkUpdate } from './useBulkUpdate';

export type BulkKind = 'serviceModel' | 'owner' | 'reviewed';

const TITLES: Record<BulkKind, string> = { serviceModel: 'Set service model', owner: 'Set owner', reviewed: 'Mark reviewed' };

interface BulkDialogProps {
  kind: BulkKind;
  count: number;
  filter: MethodInput<'assets.update'>['filter'];
  bulk: ReturnType<typeof useBulkUpdate>;
  onDone: (summary: string) => void;
  onClose: () => void;
}

/** The value to set, then a confirmation naming how many assets change. */
export function BulkDialog({ kind, count, filter, bulk, onDone, onClose }: BulkDialogProps) {
  const people = useActivePeopleAndTeams();
  const [value, setValue] = useState('');
  const mutation = bulk;
  const nounCount = `${count.toLocaleString()} ${count === 1 ? 'asset' : 'assets'}`;

  const set = (): MethodInput<'assets.update'>['set'] | null => {
    if (kind === 'reviewed') return { reviewed: true };
    if (!value) return null;
    if (kind === 'serviceModel') return { serviceModel: value === 'none' ? null : (value as ServiceModel) };
    return { ownerPartyId: value === 'none' ? null : Number(value) };
  };
  const chosen = set();

  const apply = () => {
    if (!chosen) return;
    mutation.mutate({ filter, expectedCount: count, set: chosen }, { onSuccess: (result) => onDone(result.summary) });
  };

  return (
    <Dialog
      title={TITLES[kind]}
      onClose={() => !mutation.isPending && onClose()}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={apply} disabled={!chosen || mutation.isPending}>
            {kind === 'reviewed' ? `Mark ${nounCount} reviewed` : `${TITLES[kind]} on ${nounCount}`}
          </button>
        </>
      }
    >
      <p className="dialog__count" data-testid="bulk-count">
        This changes <strong>{nounCount}</strong> in one step (one undo).
      </p>
      {kind === 'serviceModel' && (
        <label className="field">
          <span>Service model</span>
          <select value={value} onChange={(event) => setValue(event.target.value)} disabled={mutation.isPending}>
            <option value="">Choose…</option>
            {SERVICE_MODELS.map((model) => (
              <option key={model} value={model}>
                {serviceModelLabel(model)}
              </option>
            ))}
            <option value="none">Unclassified</option>
          </select>
        </label>
      )}
      {kind === 'owner' && (
        <label className="field">
          <span>Owner</span>
          <select value={value} onChange={(event) => setValue(event.target.value)} disabled={mutation.isPending}>
            <option value="">Choose…</option>
            {people.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
            <option value="none">No owner</option>
          </select>
        </label>
      )}
      {mutation.isPending && <Pending label={`Updating ${nounCount}…`} />}
      {mutation.error && <ErrorBanner message={mutation.error.message} />}
    </Dialog>
  );
}
