import type { WorkbookInfo } from '@shared/contract/workbook';

/** Which Demarc versions have opened this workbook (recorded once per version) and the running one. */
export function AppVersionsTable({ info }: { info: WorkbookInfo }) {
  return (
    <section className="app-versions" aria-labelledby="app-versions-heading">
      <h3 id="app-versions-heading">Demarc versions</h3>
      <p className="muted">
        This is Demarc {__DEMARC_VERSION__}. The workbook (format {info.formatVersion}) records each Demarc version the first time it opens it;
        recording one is not a change and appears in no export.
      </p>
      <table className="table" aria-labelledby="app-versions-heading">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">First opened</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {info.appVersions.map((opened) => (
            <tr key={opened.version}>
              <th scope="row">{opened.version}</th>
              <td>
                <time dateTime={opened.firstOpenedAt}>{new Date(opened.firstOpenedAt).toLocaleString()}</time>
              </td>
              <td>{opened.firstOpenedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
