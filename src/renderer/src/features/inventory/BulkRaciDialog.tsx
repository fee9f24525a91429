import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { RACI_ROLE_NAMES } from '@core/raci';
import type { MethodInput, MethodOutput } from '@shared/contract';
import { RACI_ROLES, type RaciRole } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';
import { call } from '../../lib/api';
import { useParties } from '../parties/queries';
import { useModel, useModelList } from '../responsibility/queries';

/** A role's choice: '' leaves it as it is, 'default' returns it to its default, else a party id. */
type RoleChoice = Record<RaciRole, string>;

const UNCHANGED: RoleChoice = { R: '', A: '', C: '', I: '' };

interface BulkRaciDialogProps {
  count: number;
  filter: AssetFilter;
  onDone: (summary: string) => void;
  onClose: () => void;
}

/**
 * R, A, C, I on one layer of every selected asset, in one step: the rules are checked for each
 * asset; the ones refused stay as they were and are listed here before the dialog closes.
 */
export function BulkRaciDialog({ count, filter, onDone, onClose }: BulkRaciDialogProps) {
  const defaultModelId = useModelList().data?.find((m) => m.isDefault)?.id ?? null;
  const layers = useModel(defaultModelId).data?.layers ?? [];
  const parties = (useParties().data ?? []).filter((p) => p.active);
  const [layerId, setLayerId] = useState('');
  const [choice, setChoice] = useState<RoleChoice>(UNCHANGED);
  const [result, setResult] = useState<MethodOutput<'raci.setMany'> | null>(null);
  const mutation = useMutation({ mutationFn: (args: MethodInput<'raci.setMany'>) => call('raci.setMany', args) });
  const nounCount = `${count.toLocaleString()} ${count === 1 ? 'asset' : 'assets'}`;

  const roles: MethodInput<'raci.setMany'>['roles'] = {};
  for (const role of RACI_ROLES) {
    const value = choice[role];
    if (value !== '') roles[role] = value === 'default' ? [] : [Number(value)];
  }
  const ready = layerId !== '' && Object.keys(roles).length > 0 && result === null;

  const apply = () => {
    mutation.mutate(
      { filter, expectedCount: count, layerId, roles },
      {
        onSuccess: (answer) => {
          if (answer.refusedCount === 0) onDone(answer.summary);
          else setResult(answer);
        }
      }
    );
  };

  return (
    <Dialog
      title="Set RACI"
      wide
      onClose={() => !mutation.isPending && (result ? onDone(result.summary) : onClose())}
      actions={
        result ? (
          <button type="button" className="primary" onClick={() => onDone(result.summary)}>
            Close
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose} disabled={mutation.isPending}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={apply} disabled={!ready || mutation.isPending}>
              Set RACI on {nounCount}
            </button>
          </>
        )
      }
    >
      <p className="dialog__count" data-testid="bulk-count">
        This changes <strong>{nounCount}</strong> in one step (one undo). The rules are checked for each asset; an asset they refuse is left as it was.
      </p>
      <label className="field">
        <span>Layer</span>
        <select value={layerId} onChange={(event) => setLayerId(event.target.value)} disabled={mutation.isPending || result !== null}>
          <option value="">Choose…</option>
          {layers.map((layer) => (
            <option key={layer.id} value={layer.id}>
              {layer.title}
            </option>
          ))}
        </select>
      </label>
      {RACI_ROLES.map((role) => (
        <label key={role} className="field">
          <span>{RACI_ROLE_NAMES[role]}</span>
          <select
            value={choice[role]}
            onChange={(event) => setChoice({ ...choice, [role]: event.target.value })}
            disabled={mutation.isPending || result !== null}
          >
            <option value="">Leave as it is</option>
            <option value="default">Default</option>
            {parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </label>
      ))}
      {mutation.isPending && <Pending label={`Updating ${nounCount}…`} />}
      {mutation.error && <ErrorBanner message={mutation.error.message} />}
      {result && (
        <div role="status">
          <p>{result.summary}</p>
          <p>
            Refused on {result.refusedCount.toLocaleString()} {result.refusedCount === 1 ? 'asset' : 'assets'}:
          </p>
          <ul>
            {result.refused.map((r) => (
              <li key={r.assetId}>{r.message}</li>
            ))}
          </ul>
          {result.refusedCount > result.refused.length && <p>… and {(result.refusedCount - result.refused.length).toLocaleString()} more.</p>}
        </div>
      )}
    </Dialog>
  );
}
