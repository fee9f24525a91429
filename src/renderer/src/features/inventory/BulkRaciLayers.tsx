import type { SelectionModel } from '@shared/contract/bulk-raci';

interface BulkRaciLayersProps {
  models: readonly SelectionModel[];
  /** The layer chosen under each model, by model id. */
  chosen: Readonly<Record<string, string>>;
  onChange: (chosen: Record<string, string>) => void;
  disabled: boolean;
}

const assetsWord = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'asset' : 'assets'}`;

/** Layer ids that several of the models have, with their title under the first of them and how many models have them. */
function sharedLayers(models: readonly SelectionModel[]): { id: string; title: string; models: number }[] {
  const shared = new Map<string, { id: string; title: string; models: number }>();
  for (const model of models) {
    for (const layer of model.layers) {
      const entry = shared.get(layer.id);
      if (entry) entry.models += 1;
      else shared.set(layer.id, { id: layer.id, title: layer.title, models: 1 });
    }
  }
  return [...shared.values()].filter((l) => l.models > 1);
}

/**
 * The layer of a bulk RACI edit, chosen under each responsibility model the selection holds
 * assets of — or once, by a layer several models share. A selection under one model has one
 * choice.
 */
export function BulkRaciLayers({ models, chosen, onChange, disabled }: BulkRaciLayersProps) {
  const only = models.length === 1 ? models[0] : undefined;
  if (only !== undefined) {
    return (
      <label className="field">
        <span>Layer</span>
        <select value={chosen[only.id] ?? ''} onChange={(event) => onChange(event.target.value === '' ? {} : { [only.id]: event.target.value })} disabled={disabled}>
          <option value="">Choose…</option>
          {only.layers.map((layer) => (
            <option key={layer.id} value={layer.id}>
              {layer.title}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const shared = sharedLayers(models);
  const sharedValue = shared.find((l) => models.every((m) => (m.layers.some((x) => x.id === l.id) ? chosen[m.id] === l.id : chosen[m.id] === undefined)))?.id ?? '';
  const chooseShared = (id: string) => {
    const next: Record<string, string> = {};
    if (id !== '') for (const model of models) if (model.layers.some((l) => l.id === id)) next[model.id] = id;
    onChange(next);
  };
  const choose = (modelId: string, layerId: string) => {
    const next = { ...chosen };
    if (layerId === '') delete next[modelId];
    else next[modelId] = layerId;
    onChange(next);
  };
  return (
    <fieldset className="bulk-raci__layers">
      <legend>Layer — the selection holds assets of {models.length} responsibility models</legend>
      {shared.length > 0 && (
        <label className="field">
          <span>The same layer under every model that has it</span>
          <select value={sharedValue} onChange={(event) => chooseShared(event.target.value)} disabled={disabled}>
            <option value="">Choose…</option>
            {shared.map((layer) => (
              <option key={layer.id} value={layer.id}>
                {layer.title} ({layer.models} of {models.length} models)
              </option>
            ))}
          </select>
        </label>
      )}
      {models.map((model) => (
        <label key={model.id} className="field">
          <span>
            Under {model.name}
            {model.isDefault ? ' (default)' : ''} — {assetsWord(model.count)}
          </span>
          <select value={chosen[model.id] ?? ''} onChange={(event) => choose(model.id, event.target.value)} disabled={disabled}>
            <option value="">No layer: these assets are refused</option>
            {model.layers.map((layer) => (
              <option key={layer.id} value={layer.id}>
                {layer.title}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
