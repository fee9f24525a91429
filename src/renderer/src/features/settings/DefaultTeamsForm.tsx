import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ResponsibilityModel } from '@shared/domain';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { useActivePeopleAndTeams } from '../parties/queries';

function customerLayers(model: ResponsibilityModel) {
  return model.layers.filter((layer) =>
    Object.values(model.cells[layer.id] ?? {}).some((cell) => {
      const value = typeof cell === 'string' ? cell : cell.responsibility;
      return value === 'customer' || value === 'shared';
    })
  );
}

/** For each customer-side layer of the model in use, the team named by default (R and A). */
export function DefaultTeamsForm({ model, saved }: { model: ResponsibilityModel; saved: Record<string, number> }) {
  const parties = useActivePeopleAndTeams();
  const teams = parties.filter((party) => party.kind === 'team');
  const people = parties.filter((party) => party.kind === 'person');
  const [choice, setChoice] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(saved).map(([layer, id]) => [layer, String(id)])));
  const save = useMutation({
    mutationFn: () => {
      const defaultTeamPerLayer: Record<string, number> = {};
      for (const [layer, id] of Object.entries(choice)) if (id) defaultTeamPerLayer[layer] = Number(id);
      return call('settings.update', { defaultTeamPerLayer });
    }
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <form className="form form--wide" onSubmit={submit} aria-labelledby="default-teams-title">
      <h3 id="default-teams-title">Default team per layer</h3>
      <p className="muted">Named Responsible and Accountable on a customer-side layer unless an asset says otherwise ({model.name}).</p>
      {save.error && <ErrorBanner message={save.error.message} />}
      <div className="default-teams">
        {customerLayers(model).map((layer) => (
          <label key={layer.id} className="default-teams__row">
            <span>{layer.title}</span>
            <select value={choice[layer.id] ?? ''} onChange={(event) => setChoice((current) => ({ ...current, [layer.id]: event.target.value }))}>
              <option value="">No default</option>
              {teams.length > 0 && (
                <optgroup label="Teams">
                  {teams.map((party) => (
                    <option key={party.id} value={party.id}>
                      {party.name}
                    </option>
                  ))}
                </optgroup>
              )}
              {people.length > 0 && (
                <optgroup label="People">
                  {people.map((party) => (
                    <option key={party.id} value={party.id}>
                      {party.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
        ))}
      </div>
      <div className="form__actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save default teams
        </button>
        {save.isSuccess && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
