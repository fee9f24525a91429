import { useState, type FormEvent } from 'react';
import type { AssetLayerDetail } from '@shared/contract/engine';
import type { RaciRole } from '@shared/domain';
import { Dialog } from '../../components/Dialog';
import { useParties } from '../parties/queries';
import type { useAssetMutations } from './useAssetMutations';

const ROLE_NAMES: Record<RaciRole, string> = { R: 'Responsible (R)', A: 'Accountable (A)', C: 'Consulted (C)', I: 'Informed (I)' };

/** Explicit R (many), A (one), C and I (many) for one layer; nothing chosen keeps the default. */
export function RaciDialog({ layer, mutations, onClose }: { layer: AssetLayerDetail; mutations: ReturnType<typeof useAssetMutations>; onClose: () => void }) {
  const parties = (useParties().data ?? []).filter((party) => party.active);
  const { setRaci } = mutations;
  const explicit = (role: RaciRole) => (layer.raci.defaultRoles.includes(role) ? [] : layer.raci[role]);
  const [roles, setRoles] = useState<Record<RaciRole, number[]>>({ R: explicit('R'), A: explicit('A'), C: explicit('C'), I: explicit('I') });

  const toggle = (role: RaciRole, id: number) =>
    setRoles((current) => ({ ...current, [role]: current[role].includes(id) ? current[role].filter((other) => other !== id) : [...current[role], id] }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRaci.mutate({ layerId: layer.layerId, roles }, { onSuccess: onClose });
  };

  const defaultNote = (role: RaciRole) =>
    layer.raci.defaultRoles.includes(role) && layer.names[role].length > 0 ? ` — default: ${layer.names[role].join(', ')}` : '';

  const multi = (role: RaciRole) => (
    <fieldset className="choices choices--parties" key={role}>
      <legend>
        {ROLE_NAMES[role]}
        <span className="muted">{defaultNote(role)}</span>
      </legend>
      {parties.map((party) => (
        <label key={party.id} className="choice">
          <input type="checkbox" checked={roles[role].includes(party.id)} onChange={() => toggle(role, party.id)} />
          {party.name}
        </label>
      ))}
    </fieldset>
  );

  return (
    <Dialog
      title={`RACI for “${layer.title}”`}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="raci-form" className="primary" disabled={setRaci.isPending}>
            Save RACI
          </button>
        </>
      }
    >
      <form id="raci-form" onSubmit={submit} className="dialog__form">
        <p className="muted">Leave a role empty to keep its default.</p>
        {multi('R')}
        <label className="field">
          <span>
            {ROLE_NAMES.A}
            <span className="muted">{defaultNote('A')}</span>
          </span>
          <select value={roles.A[0] ?? ''} onChange={(event) => setRoles((current) => ({ ...current, A: event.target.value ? [Number(event.target.value)] : [] }))}>
            <option value="">Default</option>
            {parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </label>
        {multi('C')}
        {multi('I')}
        {setRaci.error && (
          <p role="alert" className="inline-error">
            {setRaci.error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
