import { useId, useState } from 'react';
import { QueryError } from '../../components/QueryError';
import { formatCount } from '../../lib/labels';
import { AS_OF_PAGE, useAsOfAssets } from './queries';

/** The inventory as it was: a read-only table, searchable, a page at a time; a name opens the asset. */
export function AsOfAssets({ moment, selected, onSelect }: { moment: string; selected: number | null; onSelect: (id: number) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [page, setPage] = useState(0);
  const assets = useAsOfAssets(moment, text, page);
  const total = assets.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / AS_OF_PAGE));
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Inventory then</h3>
      <label htmlFor={`${id}-search`}>Search the assets as they were</label>
      <input
        id={`${id}-search`}
        type="search"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPage(0);
        }}
      />
      <QueryError error={assets.error} />
      <table className="as-of-table">
        <caption>
          {formatCount(total)} asset{total === 1 ? '' : 's'}, page {page + 1} of {formatCount(pages)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Service model</th>
            <th scope="col">Owner</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {(assets.data?.rows ?? []).map((row) => (
            <tr key={row.id} className={row.id === selected ? 'is-selected' : undefined}>
              <th scope="row">
                <button type="button" className="link" aria-pressed={row.id === selected} onClick={() => onSelect(row.id)}>
                  {row.name}
                </button>
              </th>
              <td>{row.type ?? '—'}</td>
              <td>{row.serviceModelLabel ?? 'Unclassified'}</td>
              <td>{row.owner ?? '—'}</td>
              <td>{row.findings === 0 ? '—' : `${formatCount(row.findings)} (worst: ${row.worstSeverity ?? '—'})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="as-of-pager">
        <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
          Next page
        </button>
      </div>
    </section>
  );
}
