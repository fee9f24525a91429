import type { WorkbookInfo } from '@shared/contract/workbook';

export function StatusBar({ info }: { info: WorkbookInfo }) {
  return (
    <footer className="statusbar" aria-label="Status">
      <span className="statusbar__path" title={info.path} data-testid="status-path">
        {info.path}
      </span>
      <span>
        {info.counts.assets.toLocaleString()} assets · model {info.defaultModelId} · format {info.formatVersion} · user {info.userName}
      </span>
      {info.backupPath && <span className="statusbar__note">Upgraded; original kept at {info.backupPath}</span>}
    </footer>
  );
}
