import { useId, useState, type FormEvent } from 'react';
import type { ExportFormat, ExportSince, ExportedAtChoice } from '@shared/contract/export';
import { ErrorBanner } from '../../components/ErrorBanner';
import { todayIso } from '../../lib/labels';
import { BaselinePicker } from '../audit/BaselinePicker';
import { ExportProgress } from './ExportProgress';
import { ExportResultCard } from './ExportResultCard';
import type { ExportController } from './useExport';

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'xlsx', label: 'Excel workbook (.xlsx)', hint: 'Cover, model, matrix, RACI, by party, findings and change log: the auditor’s workbook.' },
  { value: 'csv', label: 'CSV (.csv)', hint: 'The RACI table alone, UTF-8 with BOM, for tools that do not read xlsx.' }
];

const EXPORTED_AT: { value: ExportedAtChoice; label: string; hint: string }[] = [
  { value: 'last-change', label: 'Last change', hint: 'The workbook’s last change: exporting twice gives the same content.' },
  { value: 'now', label: 'Now', hint: 'The current time.' }
];

/** Format, "exported at", Export…, then progress with Cancel, then the file with Show in folder. */
export function ExportForm({ controller, lastChangeAt }: { controller: ExportController; lastChangeAt: string | null }) {
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [exportedAt, setExportedAt] = useState<ExportedAtChoice>('last-change');
  const [withChanges, setWithChanges] = useState(false);
  const [since, setSince] = useState<ExportSince>({ from: todayIso() });
  const sinceReady = 'from' in since ? since.from !== '' : since.fromExport !== '';
  const changes = withChanges && format === 'xlsx';
  const { status } = controller;
  const running = status.kind === 'running';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    controller.start(format, exportedAt, changes ? since : undefined);
  };
  return (
    <form className="export-form" onSubmit={submit} aria-label="Export RACI workbook">
      <fieldset disabled={running}>
        <legend>Format</legend>
        {FORMATS.map((option) => (
          <label key={option.value} className="export-form__choice">
            <input type="radio" name={`${id}-format`} value={option.value} checked={format === option.value} onChange={() => setFormat(option.value)} aria-describedby={`${id}-${option.value}`} />
            <span>{option.label}</span>
            <small id={`${id}-${option.value}`} className="muted">
              {option.hint}
            </small>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running}>
        <legend>Exported at</legend>
        {EXPORTED_AT.map((option) => (
          <label key={option.value} className="export-form__choice">
            <input type="radio" name={`${id}-at`} value={option.value} checked={exportedAt === option.value} onChange={() => setExportedAt(option.value)} aria-describedby={`${id}-at-${option.value}`} />
            <span>{option.label}</span>
            <small id={`${id}-at-${option.value}`} className="muted">
              {option.value === 'last-change' && lastChangeAt ? `${option.hint} (${lastChangeAt})` : option.hint}
            </small>
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running || format !== 'xlsx'}>
        <legend>Changes since</legend>
        <label className="export-form__choice">
          <input type="checkbox" checked={changes} onChange={(e) => setWithChanges(e.target.checked)} aria-describedby={`${id}-changes`} />
          <span>Add a “Changes since” sheet</span>
          <small id={`${id}-changes`} className="muted">
            {format === 'xlsx'
              ? 'What changed since a date, or since an export you kept, per asset and layer: before → after, who and when.'
              : 'The Excel workbook only: a CSV has one table.'}
          </small>
        </label>
        {changes && <BaselinePicker legend="Baseline" value={since} onChange={setSince} />}
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="primary" disabled={running || (changes && !sinceReady)}>
          Export…
        </button>
      </div>
      {running && <ExportProgress status={status} onCancel={controller.cancel} />}
      {status.kind === 'cancelled' && <p role="status">Export cancelled: no file was written.</p>}
      {status.kind === 'failed' && <ErrorBanner message={status.message} />}
      {status.kind === 'done' && <ExportResultCard result={status.result} onShowInFolder={controller.showInFolder} />}
      {controller.shellError && <ErrorBanner message={controller.shellError} />}
    </form>
  );
}
