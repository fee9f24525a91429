import { useState } from 'react';
import { GROUP_SPLIT_FIELDS, type GroupSplitField, type WorkshopDetail } from '@shared/workshop';
import { formatCount } from '../../lib/labels';
import { useWorkshopMutations } from './useWorkshopMutations';

const SPLIT_LABELS: Record<GroupSplitField, string> = { subscription: 'Subscription', resourceGroup: 'Resource group', location: 'Location', type: 'Type' };

/** The decision groups with their sizes and progress; undecided groups can be split or merged. */
export function GroupList({ workshop, onJump }: { workshop: WorkshopDetail; onJump: (group: number) => void }) {
  const { split, merge } = useWorkshopMutations();
  const [by, setBy] = useState<GroupSplitField>('resourceGroup');
  const [marked, setMarked] = useState<number[]>([]);
  const editable = workshop.status !== 'finished';
  const error = split.error ?? merge.error;
  return (
    <section aria-labelledby="workshop-groups-heading" className="workshop-group-list">
      <h3 id="workshop-groups-heading">
        {formatCount(workshop.assets)} assets in {workshop.groups} decision groups
      </h3>
      {editable && (
        <div className="toolbar">
          <label className="field field--inline">
            <span>Split by</span>
            <select value={by} onChange={(event) => setBy(event.target.value as GroupSplitField)}>
              {GROUP_SPLIT_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {SPLIT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={marked.length < 2 || merge.isPending} onClick={() => merge.mutate({ id: workshop.id, groups: marked }, { onSuccess: () => setMarked([]) })}>
            Merge {marked.length} marked groups
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error.message}
        </p>
      )}
      <table className="table">
        <caption className="visually-hidden">Decision groups</caption>
        <thead>
          <tr>
            {editable && <th scope="col">Mark</th>}
            <th scope="col">#</th>
            <th scope="col">Group</th>
            <th scope="col">Assets</th>
            <th scope="col">Layers decided</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {workshop.groupList.map((g) => (
            <tr key={g.position}>
              {editable && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Mark group ${g.position + 1} to merge`}
                    checked={marked.includes(g.position)}
                    onChange={() => setMarked((m) => (m.includes(g.position) ? m.filter((x) => x !== g.position) : [...m, g.position]))}
                  />
                </td>
              )}
              <td>{g.position + 1}</td>
              <th scope="row">{g.label}</th>
              <td>{formatCount(g.assets)}</td>
              <td>
                {g.decidedLayers} of {g.layers}
              </td>
              <td className="row-actions">
                <button type="button" className="small-button" onClick={() => onJump(g.position)} aria-label={`Walk group ${g.position + 1}`}>
                  Walk
                </button>
                {editable && g.decidedLayers === 0 && (
                  <button type="button" className="small-button" onClick={() => split.mutate({ id: workshop.id, group: g.position, by })} aria-label={`Split group ${g.position + 1} by ${SPLIT_LABELS[by].toLowerCase()}`}>
                    Split
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
