import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { RACI_ROLE_NAMES } from '@core/raci';
import type { MethodInput, MethodOutput } from '@shared/contract';
import { RACI_ROLES, type RaciRole } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';
import { ApiError, call } from '../../lib/api';
import { useParties } from '../parties/queries';
import { BulkRaciLayers } from './BulkRaciLayers';
import { BulkRaciRefusals } from './BulkRaciRefusals';
import { useSelectionModels } from './queries';

/** A role's choice: '' leaves it as it is, 'default' returns it to its default, else a party id. */
type RoleChoice = Record<RaciRole, string>;
type BulkResult = MethodOutput<'raci.setMany'>;

/** When the rules refused every asset, the refusals the error carries (nothing was written). */
function refusedEverywhere(error: Error | null): BulkResult | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return null;
  const details = error.details as Partial<BulkResult>;
  if (!Array.isArray(details.refused) || typeof details.refusedCount !== 'number') return null;
  return { count: 0, summary: 'Nothing was changed: every asset was refused.', refusedCount: details.refusedCount, refused: details.refused };
}

const UNCHANGED: RoleChoice = { R: '', A: '', C: '', I: '' };

interface BulkRaciDialogProps {
  count: number;
  filter: AssetFilter;
  onDone: (summary: string) => void;
  onClose: () => void;
}

/**
 * R, A, C, I on one layer of every selected asset, in one step, each asset under its own
 * responsibility model (the layer is chosen per model, or once for the models sharing it): the
 * rules are checked for each asset; the ones refused stay as they were and are listed here, with
 * their layer and why, before the dialog closes.
 */
export function BulkRaciDialog({ count, filter, onDone, onClose }: BulkRaciDialogProps) {
  const models = useSelectionModels(filter);
  const parties = (useParties().data ?? []).filter((p) => p.active);
  const [layers, setLayers] = useState<Record<string, string>>({});
  const [choice, setChoice] = useState<RoleChoice>(UNCHANGED);
  const [result, setResult] = useState<BulkResult | null>(null);
  const mutation = useMutation({ mutationFn: (args: MethodInput<'raci.setMany'>) => call('raci.setMany', args) });
  const refusedAll = refusedEverywhere(mutation.error);
  const nounCount = `${count.toLocaleString()} ${count === 1 ? 'asset' : 'assets'}`;

  const roles: MethodInput<'raci.setMany'>['roles'] = {};
  for (const role of RACI_ROLES) {
    const value = choice[role];
    if (value !== '') roles[role] = value === 'default' ? [] : [Number(value)];
  }
  const ready = Object.keys(layers).length > 0 && Object.keys(roles).length > 0 && result === null;

  const apply = () => {
    mutation.mutate(
      { filter, expectedCount: count, layers, roles },
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
      {models.isPending && <Pending label="Reading the models of the selection…" />}
      {models.error && <ErrorBanner message={models.error.message} />}
      {models.data && <BulkRaciLayers models={models.data} chosen={layers} onChange={setLayers} disabled={mutation.isPending || result !== null} />}
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
      {mutation.error && (refusedAll ? <BulkRaciRefusals result={refusedAll} /> : <ErrorBanner message={mutation.error.message} />)}
      {result && <BulkRaciRefusals result={result} />}
    </Dialog>
  );
}
