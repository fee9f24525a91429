import { useState, type FormEvent } from 'react';
import type { AssetLayerDetail } from '@shared/contract/engine';
import { CELL_VALUES, type CellValue } from '@shared/domain';
import { Dialog } from '../../components/Dialog';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';
import { RESPONSIBILITY_LABELS } from '../../lib/labels';
import type { useAssetMutations } from './useAssetMutations';

/** Moves one layer away from the published cell, with the reason an auditor will read. */
export function OverrideDialog({ layer, mutations, onClose }: { layer: AssetLayerDetail; mutations: ReturnType<typeof useAssetMutations>; onClose: () => void }) {
  const { setOverride } = mutations;
  const [responsibility, setResponsibility] = useState<CellValue>(CELL_VALUES.find((value) => value !== layer.responsibility) ?? 'customer');
  const [justification, setJustification] = useState(layer.justification ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOverride.mutate({ layerId: layer.layerId, responsibility, justification: justification.trim() }, { onSuccess: onClose });
  };

  return (
    <Dialog
      title={`Override “${layer.title}”`}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="override-form" className="primary" disabled={setOverride.isPending || !justification.trim()}>
            Override
          </button>
        </>
      }
    >
      <form id="override-form" onSubmit={submit} className="dialog__form">
        <p>
          Published: <ResponsibilityBadge value={layer.published} />
        </p>
        <fieldset className="choices">
          <legend>Responsibility</legend>
          {CELL_VALUES.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="override-responsibility" value={value} checked={responsibility === value} onChange={() => setResponsibility(value)} />
              {RESPONSIBILITY_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Justification (required)</span>
          <textarea value={justification} onChange={(event) => setJustification(event.target.value)} rows={3} required />
        </label>
        {setOverride.error && (
          <p role="alert" className="inline-error">
            {setOverride.error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
