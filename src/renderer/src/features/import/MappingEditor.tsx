import { useState } from 'react';
import { ATTRIBUTE_VOCABULARY } from '@shared/asset-attributes';
import { MAPPABLE_FIELDS, type ColumnMapping, type MappableField } from '@shared/import';

const FIELD_LABELS: Record<MappableField, string> = {
  name: 'Name',
  externalId: 'Resource id',
  type: 'Type',
  kind: 'Kind',
  sku: 'SKU',
  provider: 'Provider',
  subscription: 'Subscription',
  resourceGroup: 'Resource group',
  location: 'Location',
  tags: 'Tags',
  tagName: 'Tag name',
  tagValue: 'Tag value',
  managedBy: 'Managed by',
  owner: 'Owner',
  serviceModel: 'Service model',
  criticality: ATTRIBUTE_VOCABULARY.criticality.label,
  dataClassification: ATTRIBUTE_VOCABULARY.dataClassification.label,
  environment: ATTRIBUTE_VOCABULARY.environment.label
};

/** Which source column feeds each field; "Read again" re-previews with the edited mapping. */
export function MappingEditor({ columns, mapping, busy, onApply }: { columns: string[]; mapping: ColumnMapping; busy: boolean; onApply: (mapping: ColumnMapping) => void }) {
  const [draft, setDraft] = useState<ColumnMapping>(mapping);
  const changed = JSON.stringify(draft) !== JSON.stringify(mapping);
  return (
    <fieldset className="import-mapping">
      <legend>Column mapping</legend>
      <div className="import-mapping__grid">
        {MAPPABLE_FIELDS.map((field) => (
          <label key={field} className="field">
            <span>{FIELD_LABELS[field]}</span>
            <select
              aria-label={FIELD_LABELS[field]}
              value={draft[field] ?? ''}
              disabled={busy}
              onChange={(event) => {
                const next: ColumnMapping = { ...draft };
                if (event.target.value === '') delete next[field];
                else next[field] = event.target.value;
                setDraft(next);
              }}
            >
              <option value="">(not mapped)</option>
              {columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <button type="button" onClick={() => onApply(draft)} disabled={busy || !changed}>
        Read again with this mapping
      </button>
    </fieldset>
  );
}
