import type { ConflictChoice, RoundTripAssetGroup, RoundTripChange } from '@shared/contract/roundtrip';
import { FIELD_LABELS } from './field-labels';

interface ChangeGroupProps {
  group: RoundTripAssetGroup;
  rejected: ReadonlySet<string>;
  choices: Readonly<Record<string, ConflictChoice>>;
  busy: boolean;
  onToggle: (ids: readonly string[], accept: boolean) => void;
  onSettle: (id: string, choice: ConflictChoice) => void;
}

const shown = (value: string | null) => (value === null ? <span className="muted">(empty)</span> : value);

function where(change: RoundTripChange): string {
  return change.layerTitle ? `${change.layerTitle} · ${FIELD_LABELS[change.field]}` : FIELD_LABELS[change.field];
}

/** One asset's changed cells: before → after, each accepted or rejected; conflicts settled. */
export function ChangeGroup({ group, rejected, choices, busy, onToggle, onSettle }: ChangeGroupProps) {
  const ids = group.changes.map((c) => c.id);
  const allAccepted = ids.every((id) => !rejected.has(id));
  return (
    <section className="roundtrip-group" aria-labelledby={`rt-asset-${group.assetId}`} data-testid="roundtrip-group">
      <header className="roundtrip-group__head">
        <h3 id={`rt-asset-${group.assetId}`}>
          {group.assetName} <span className="muted">#{group.assetId}</span>
        </h3>
        <span className="muted">
          {group.changes.length} change{group.changes.length === 1 ? '' : 's'}
        </span>
        <button type="button" disabled={busy} onClick={() => onToggle(ids, !allAccepted)}>
          {allAccepted ? 'Reject all of this asset' : 'Accept all of this asset'}
        </button>
      </header>
      <table className="roundtrip-table">
        <thead>
          <tr>
            <th scope="col">Accept</th>
            <th scope="col">Cell</th>
            <th scope="col">What</th>
            <th scope="col">In Demarc</th>
            <th scope="col">In the sheet</th>
          </tr>
        </thead>
        <tbody>
          {group.changes.map((change) => {
            const accepted = !rejected.has(change.id);
            return (
              <tr key={change.id} className={accepted ? '' : 'roundtrip-row--rejected'} data-testid="roundtrip-change">
                <td>
                  <input
                    type="checkbox"
                    checked={accepted}
                    disabled={busy}
                    aria-label={`Accept ${where(change)} of ${group.assetName}`}
                    onChange={(e) => onToggle([change.id], e.target.checked)}
                  />
                </td>
                <td>
                  <code>{change.cell}</code>
                </td>
                <td>{where(change)}</td>
                <td>
                  <del>{shown(change.before)}</del>
                </td>
                <td>
                  <ins>{shown(change.after)}</ins>
                  {change.conflict && accepted && (
                    <fieldset className="roundtrip-conflict">
                      <legend>Conflict: this cell changed both in Demarc since the export and in the sheet</legend>
                      <dl className="roundtrip-three" data-testid="roundtrip-conflict-values">
                        <dt>At the export</dt>
                        <dd>{change.conflict.atExportKnown ? shown(change.conflict.atExport) : <span className="muted">not recorded</span>}</dd>
                        <dt>In Demarc now</dt>
                        <dd>{shown(change.conflict.inDemarc)}</dd>
                        <dt>In the sheet</dt>
                        <dd>{shown(change.conflict.inSheet)}</dd>
                      </dl>
                      <p className="muted roundtrip-conflict__by">Changed in Demarc by {change.conflict.changedBy.join('; ')}</p>
                      {(['sheet', 'workbook'] as const).map((choice) => (
                        <label key={choice}>
                          <input
                            type="radio"
                            name={`conflict-${change.id}`}
                            checked={choices[change.id] === choice}
                            disabled={busy}
                            onChange={() => onSettle(change.id, choice)}
                          />
                          {choice === 'sheet' ? `Keep the sheet's value` : `Keep Demarc's value`}
                        </label>
                      ))}
                    </fieldset>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
