import { ErrorBanner } from '../../components/ErrorBanner';
import { useMapping, useMappingMutations } from './queries';

/** The control mapping the framework exports use: which one, how each model joins it, and replacing it. */
export function MappingPanel() {
  const mapping = useMapping();
  const { importMapping, resetMapping, saveMapping } = useMappingMutations();
  const busy = importMapping.isPending || resetMapping.isPending || saveMapping.isPending;
  const error = importMapping.error ?? resetMapping.error ?? saveMapping.error;
  if (mapping.isPending) return <p className="muted">Loading the control mapping…</p>;
  if (mapping.isError) return <ErrorBanner message={mapping.error.message} />;
  const info = mapping.data;
  return (
    <section className="mapping-panel" aria-labelledby="mapping-panel-title">
      <h3 id="mapping-panel-title">Control mapping</h3>
      <p>
        <strong>{info.name}</strong> (version {info.version}){' '}
        {info.builtin ? '— built into Demarc.' : `— imported from ${info.fileName ?? ''} on ${info.importedAt ?? ''} by ${info.importedBy ?? ''}.`}
      </p>
      <p className="muted">
        Each control rests on responsibility layers (customer data, identities, physical datacenter…) or is organisational. CCM v4:{' '}
        {info.counts.ccmMapped} on layers, {info.counts.ccmOrganisational} organisational; NIST SP 800-53: {info.counts.nistMapped} on layers,{' '}
        {info.counts.nistOrganisational} organisational.
      </p>
      <ul className="mapping-panel__models">
        {info.models.map((m) => (
          <li key={m.modelId}>
            {m.modelName}: {m.explicit ? 'every layer bound by the mapping' : 'joined by layer ids'}
            {m.uncovered.length > 0 && <span className="mapping-panel__gap"> — no layer for {m.uncovered.join(', ')}</span>}
            {m.unboundLayers.length > 0 && <span className="mapping-panel__gap"> — layers without controls: {m.unboundLayers.join(', ')}</span>}
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <button type="button" disabled={busy} onClick={() => saveMapping.mutate()}>
          Save a copy…
        </button>
        <button type="button" disabled={busy} onClick={() => importMapping.mutate()}>
          Import mapping…
        </button>
        {!info.builtin && (
          <button type="button" disabled={busy} onClick={() => resetMapping.mutate()}>
            Use the built-in mapping
          </button>
        )}
      </div>
      {saveMapping.data && <p role="status">Saved {saveMapping.data}</p>}
      {error && <ErrorBanner message={error.message} />}
    </section>
  );
}
