import { useState } from 'react';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel, type AssetAttribute } from '@shared/asset-attributes';
import type { MethodInput } from '@shared/contract';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';
import { useActivePeopleAndTeams } from '../parties/queries';
import { useModelList } from '../responsibility/queries';
import type { useBulkUpdate } from './useBulkUpdate';

export type BulkKind = 'serviceModel' | 'owner' | 'reviewed' | 'attributes';

const TITLES: Record<BulkKind, string> = { serviceModel: 'Set service model', owner: 'Set owner', reviewed: 'Mark reviewed', attributes: 'Set criticality, data classification, environment' };

/** What an attribute's menu chose: '' leaves it as is, 'none' clears it, else a level. */
type AttributeChoices = Record<AssetAttribute, string>;
const KEEP_ALL: AttributeChoices = { criticality: '', dataClassification: '', environment: '' };

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
  // Each model's columns, a column shown once (under the first model declaring it): the service
  // refuses a column an asset's own model does not declare, naming the asset.
  const models = useModelList().data ?? [];
  const seen = new Set<string>();
  const columnsByModel = models
    .filter((m) => m.isDefault || m.assetCount > 0)
    .map((m) => ({ model: m, columns: m.serviceModels.filter((c) => !seen.has(c.id) && (seen.add(c.id), true)) }))
    .filter((g) => g.columns.length > 0);
  const [value, setValue] = useState('');
  const [attributes, setAttributes] = useState<AttributeChoices>(KEEP_ALL);
  const mutation = bulk;
  const nounCount = `${count.toLocaleString()} ${count === 1 ? 'asset' : 'assets'}`;

  const set = (): MethodInput<'assets.update'>['set'] | null => {
    if (kind === 'reviewed') return { reviewed: true };
    if (kind === 'attributes') {
      const chosen = ASSET_ATTRIBUTES.filter((attribute) => attributes[attribute] !== '');
      if (chosen.length === 0) return null;
      return Object.fromEntries(chosen.map((attribute) => [attribute, attributes[attribute] === 'none' ? null : attributes[attribute]]));
    }
    if (!value) return null;
    if (kind === 'serviceModel') return { serviceModel: value === 'none' ? null : value };
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
            {kind === 'reviewed' ? `Mark ${nounCount} reviewed` : kind === 'attributes' ? `Set on ${nounCount}` : `${TITLES[kind]} on ${nounCount}`}
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
            {columnsByModel.map(({ model, columns }) => (
              <optgroup key={model.id} label={model.name}>
                {columns.map((column) => (
                  <option key={column.id} value={column.id}>
                    {column.label}
                  </option>
                ))}
              </optgroup>
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
      {kind === 'attributes' &&
        ASSET_ATTRIBUTES.map((attribute) => (
          <label key={attribute} className="field">
            <span>{ATTRIBUTE_VOCABULARY[attribute].label}</span>
            <select value={attributes[attribute]} onChange={(event) => setAttributes({ ...attributes, [attribute]: event.target.value })} disabled={mutation.isPending}>
              <option value="">Leave as it is</option>
              {ATTRIBUTE_VOCABULARY[attribute].values.map((level) => (
                <option key={level} value={level}>
                  {attributeLabel(attribute, level)}
                </option>
              ))}
              <option value="none">Not stated (clear)</option>
            </select>
          </label>
        ))}
      {mutation.isPending && <Pending label={`Updating ${nounCount}…`} />}
      {mutation.error && <ErrorBanner message={mutation.error.message} />}
    </Dialog>
  );
}
