import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import type { MissingPartyDamage, UnknownLayerDamage } from '@shared/contract/references';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { useActivePeopleAndTeams } from '../parties/queries';
import { ReferenceRepairDialog } from './ReferenceRepairDialog';

type Damage = ({ kind: 'party' } & MissingPartyDamage) | ({ kind: 'layer' } & UnknownLayerDamage);
type Repair = MethodInput<'references.repair'>;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function describe(damage: Damage): string {
  if (damage.kind === 'party') {
    const held = [damage.assignments > 0 ? count(damage.assignments, 'RACI row') : '', damage.owners > 0 ? `owner of ${count(damage.owners, 'asset')}` : '']
      .filter(Boolean)
      .join(', ');
    return `Party #${damage.partyId} is not in the parties list: ${held}.`;
  }
  const held = [count(damage.overrides, 'override'), count(damage.notes, 'note'), count(damage.assignments, 'RACI row')].join(', ');
  return `Layer “${damage.layerId}” is not in the model of ${count(damage.assets, 'asset')}: ${held}.`;
}

/** One missing party or unknown layer: reassign or move its rows, or remove them, after a preview. */
export function ReferenceDamageItem({ assetId, damage }: { assetId: number | undefined; damage: Damage }) {
  const people = useActivePeopleAndTeams();
  const [chosen, setChosen] = useState('');
  const [pending, setPending] = useState<Repair | null>(null);
  const preview = useMutation({ mutationFn: (repair: Repair) => call('references.repair', { ...repair, preview: true }) });
  const apply = useMutation({ mutationFn: (repair: Repair) => call('references.repair', repair) });
  const target: Repair['target'] = damage.kind === 'party' ? { kind: 'party', partyId: damage.partyId } : { kind: 'layer', layerId: damage.layerId };
  const scope = assetId === undefined ? {} : { assetIds: [assetId] };
  const ask = (action: Repair['action']) => {
    const repair: Repair = { target, action, ...scope };
    setPending(repair);
    preview.mutate(repair);
  };
  const close = () => {
    setPending(null);
    preview.reset();
    apply.reset();
  };
  const choices = damage.kind === 'party' ? people.map((p) => ({ id: String(p.id), label: p.name })) : damage.moveTo.map((l) => ({ id: l.id, label: l.title }));
  const verb = damage.kind === 'party' ? 'Give them to' : 'Move them to';
  return (
    <li className="reference-repair__item" data-testid={`damage-${damage.kind}`}>
      <p>{describe(damage)}</p>
      <div className="reference-repair__form">
        <label className="field field--inline">
          <span>{verb}</span>
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">Choose…</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={chosen === '' || preview.isPending}
          onClick={() => ask(damage.kind === 'party' ? { kind: 'reassign', partyId: Number(chosen) } : { kind: 'move', layerId: chosen })}
        >
          Preview…
        </button>
        <button type="button" disabled={preview.isPending} onClick={() => ask({ kind: 'remove' })}>
          Remove them…
        </button>
      </div>
      {preview.error && <ErrorBanner message={preview.error.message} />}
      {pending && preview.data && (
        <ReferenceRepairDialog
          preview={preview.data}
          pending={apply.isPending}
          error={apply.error}
          onConfirm={() => apply.mutate(pending, { onSuccess: close })}
          onClose={close}
        />
      )}
    </li>
  );
}
