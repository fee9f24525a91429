import { beforeAfterText, diffCountsText, type DiffChange, type DiffReport } from '@shared/audit-diff';

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

function ChangeList({ changes }: { changes: readonly DiffChange[] }) {
  return (
    <ul className="diff-changes">
      {changes.map((c) => {
        const values = beforeAfterText(c);
        return (
          <li key={`${c.entryId}-${c.kind}`}>
            #{c.entryId} {when(c.at)} {c.actor}: {c.summary}
            {values !== null && <span className="diff-changes__values"> ({values})</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** A comparison: counts, who, each asset changed with its entries, the workbook's own changes, assets added. */
export function DiffResult({ report }: { report: DiffReport }) {
  return (
    <div className="diff-result" data-testid="diff-result">
      {!report.chain.whole && (
        <p role="alert" className="diff-result__broken">
          The change log&apos;s chain is broken ({report.chain.message}): these changes are read from an
          altered log.
        </p>
      )}
      {report.baseline !== null && (
        <p role={report.baseline.matches ? undefined : 'alert'} className={report.baseline.matches ? undefined : 'diff-result__broken'}>
          Since {report.baseline.path} (chain head {report.baseline.head}): {report.baseline.message}
        </p>
      )}
      <p>
        {report.entries === 0
          ? 'Nothing changed in this window.'
          : `${report.entries} change-log ${report.entries === 1 ? 'entry' : 'entries'} (#${report.firstEntryId}–#${report.lastEntryId}): ${diffCountsText(report.counts)}.`}
        {report.byActor.length > 0 &&
          ` By ${report.byActor.map((a) => `${a.actor} (${a.entries})`).join(', ')}.`}
      </p>
      {report.assets.length > 0 && (
        <table className="diff-table">
          <caption>Assets changed ({report.assets.length})</caption>
          <thead>
            <tr>
              <th scope="col">Asset</th>
              <th scope="col">What changed</th>
              <th scope="col">Layers</th>
              <th scope="col">Entries</th>
            </tr>
          </thead>
          <tbody>
            {report.assets.map((asset) => (
              <tr key={asset.assetId}>
                <th scope="row">{asset.name}</th>
                <td>{diffCountsText(asset.counts)}</td>
                <td>{asset.layers.join(', ')}</td>
                <td>
                  <ChangeList changes={asset.changes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.workbook.length > 0 && (
        <>
          <h4>Workbook changes ({report.workbook.length})</h4>
          <ChangeList changes={report.workbook} />
        </>
      )}
      {report.added.length > 0 && (
        <p>
          Assets added ({report.added.length}): {report.added.map((a) => a.name).join(', ')}
        </p>
      )}
      {report.removed.length > 0 && (
        <p>
          Assets no longer in the workbook ({report.removed.length}): {report.removed.map((a) => a.name).join(', ')}
        </p>
      )}
      {report.notSeen > 0 && <p>Assets the imports no longer listed: {report.notSeen}</p>}
    </div>
  );
}
