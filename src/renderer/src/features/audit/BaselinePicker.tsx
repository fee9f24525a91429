import { useId, useState } from 'react';
import type { ExportSince } from '@shared/contract/export';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import './audit.css';

/** The file's name from a path (either separator). */
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * What a comparison starts from: the start of a day (UTC), or the chain head of an export kept
 * from earlier, chosen with the open dialog (main then allows that file to be read).
 */
export function BaselinePicker({ value, onChange, legend }: { value: ExportSince; onChange: (next: ExportSince) => void; legend: string }) {
  const id = useId();
  const [lastDate, setLastDate] = useState('from' in value ? value.from : '');
  const [lastExport, setLastExport] = useState<string | null>('fromExport' in value ? value.fromExport : null);
  const [error, setError] = useState<string | null>(null);
  const byExport = 'fromExport' in value;
  const choose = () => {
    setError(null);
    call('audit.chooseEarlierExport', {})
      .then((path) => {
        if (path === null) return;
        setLastExport(path);
        onChange({ fromExport: path });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <fieldset className="baseline-picker">
      <legend>{legend}</legend>
      <label className="baseline-picker__choice">
        <input type="radio" name={`${id}-kind`} checked={!byExport} onChange={() => onChange({ from: lastDate })} />
        <span>A date</span>
      </label>
      <label htmlFor={`${id}-date`} className="visually-hidden">
        Baseline date
      </label>
      <input id={`${id}-date`} type="date" value={lastDate} disabled={byExport} onChange={(e) => {
        setLastDate(e.target.value);
        onChange({ from: e.target.value });
      }} />
      <label className="baseline-picker__choice">
        <input type="radio" name={`${id}-kind`} checked={byExport} onChange={() => (lastExport === null ? choose() : onChange({ fromExport: lastExport }))} />
        <span>An export kept from then</span>
      </label>
      <button type="button" onClick={choose}>
        Choose export…
      </button>
      {lastExport !== null && (
        <span className="baseline-picker__file" title={lastExport}>
          {fileName(lastExport)}
        </span>
      )}
      {error && <ErrorBanner message={error} />}
    </fieldset>
  );
}
