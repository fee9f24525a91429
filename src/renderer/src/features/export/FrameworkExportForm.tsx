import { useId, useState, type FormEvent } from 'react';
import type { ExportedAtChoice } from '@shared/contract/export';
import { BASELINES, type Baseline, type FrameworkExport } from '@shared/contract/frameworks';
import type { AssetFilter } from '@shared/filter';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { ExportProgress } from './ExportProgress';
import { FrameworkResultCard } from './FrameworkResultCard';
import { OwnershipPreview } from './OwnershipPreview';
import { ScopePicker } from './ScopePicker';
import type { FrameworkExportController } from './useFrameworkExport';

const BASELINE_LABELS: Record<Baseline, string> = { high: 'High', moderate: 'Moderate', low: 'Low', 'li-saas': 'LI-SaaS' };

export const FRAMEWORK_TITLES: Record<FrameworkExport, string> = {
  ccm: 'CSA CCM v4 shared responsibility (CAIQ, .xlsx)',
  fedramp: 'FedRAMP CIS and CRM (.xlsx)',
  'oscal-ssp': 'OSCAL system security plan (.json)'
};

/** Scope, baseline (FedRAMP, OSCAL), CSA's CAIQ to merge (CCM), Export…, progress, result. */
export function FrameworkExportForm({ framework, controller }: { framework: FrameworkExport; controller: FrameworkExportController }) {
  const id = useId();
  const [scope, setScope] = useState<AssetFilter | null>({});
  const [baseline, setBaseline] = useState<Baseline>('moderate');
  const [caiqPath, setCaiqPath] = useState<string | null>(null);
  const [exportedAt, setExportedAt] = useState<ExportedAtChoice>('last-change');
  const [chooseError, setChooseError] = useState<string | null>(null);
  const { status } = controller;
  const running = status.kind === 'running';
  const shownError = controller.shellError ?? chooseError;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (scope !== null) controller.start({ framework, scope, baseline, caiqPath, exportedAt });
  };
  const chooseCaiq = () => {
    setChooseError(null);
    call('frameworks.chooseCaiq', {})
      .then((path) => path !== null && setCaiqPath(path))
      .catch((error: unknown) => setChooseError(error instanceof Error ? error.message : String(error)));
  };
  return (
    <form className="export-form" onSubmit={submit} aria-label={`Export ${FRAMEWORK_TITLES[framework]}`}>
      <ScopePicker disabled={running} onChange={setScope} />
      {framework !== 'ccm' && (
        <div className="export-form__field">
          <label htmlFor={`${id}-baseline`}>FedRAMP baseline</label>
          <select id={`${id}-baseline`} value={baseline} disabled={running} onChange={(event) => setBaseline(event.target.value as Baseline)}>
            {BASELINES.map((b) => (
              <option key={b} value={b}>
                {BASELINE_LABELS[b]}
              </option>
            ))}
          </select>
        </div>
      )}
      {framework === 'ccm' && (
        <fieldset disabled={running}>
          <legend>Question texts</legend>
          <p className="muted export-form__hint">
            CSA&apos;s questions and control titles are CSA&apos;s own and not shipped with Demarc. Choose your copy of CSA&apos;s CAIQ v4
            workbook to fill them in.
          </p>
          <div className="export-form__row">
            <span data-testid="caiq-file">{caiqPath === null ? 'Not merged' : caiqPath}</span>
            <button type="button" onClick={chooseCaiq}>
              Choose CAIQ workbook…
            </button>
            {caiqPath !== null && (
              <button type="button" onClick={() => setCaiqPath(null)}>
                Do not merge
              </button>
            )}
          </div>
        </fieldset>
      )}
      <fieldset disabled={running}>
        <legend>Exported at</legend>
        {(['last-change', 'now'] as const).map((value) => (
          <label key={value} className="export-form__choice">
            <input type="radio" name={`${id}-at`} value={value} checked={exportedAt === value} onChange={() => setExportedAt(value)} />
            <span>{value === 'last-change' ? 'Last change' : 'Now'}</span>
          </label>
        ))}
      </fieldset>
      {scope === null ? <p className="muted">Choose what the scope covers.</p> : <OwnershipPreview framework={framework === 'ccm' ? 'ccm' : 'nist'} scope={scope} baseline={baseline} />}
      <div className="form__actions">
        <button type="submit" className="primary" disabled={running || scope === null}>
          Export…
        </button>
      </div>
      {running && <ExportProgress status={status} onCancel={controller.cancel} />}
      {status.kind === 'cancelled' && <p role="status">Export cancelled: no file was written.</p>}
      {status.kind === 'failed' && <ErrorBanner message={status.message} />}
      {status.kind === 'done' && <FrameworkResultCard result={status.result} onShowInFolder={controller.showInFolder} />}
      {shownError !== null && <ErrorBanner message={shownError} />}
    </form>
  );
}
