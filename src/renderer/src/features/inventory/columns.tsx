import type { ReactNode } from 'react';
import type { AssetListRow, AssetSortColumn } from '../../../../shared/contract/engine';
import { serviceModelLabel, shortDate } from '../../lib/labels';

export interface GridColumn {
  id: string;
  label: string;
  /** CSS grid track. */
  width: string;
  sort: AssetSortColumn | null;
  render: (row: AssetListRow) => ReactNode;
  /** Always shown (the name identifies the row). */
  fixed?: boolean;
}

export const GRID_COLUMNS: GridColumn[] = [
  { id: 'name', label: 'Name', width: 'minmax(180px, 2fr)', sort: 'name', fixed: true, render: (row) => row.name },
  { id: 'type', label: 'Type', width: 'minmax(160px, 2fr)', sort: 'type', render: (row) => row.type ?? '—' },
  {
    id: 'serviceModel',
    label: 'Service model',
    width: '130px',
    sort: 'serviceModel',
    render: (row) => (
      <>
        {serviceModelLabel(row.serviceModel)}
        {row.needsReview && (
          <span className="review-mark" title="The classifier flags this type for review">
            {' '}
            · review
          </span>
        )}
      </>
    )
  },
  { id: 'owner', label: 'Owner', width: 'minmax(110px, 1fr)', sort: 'owner', render: (row) => row.owner ?? <span className="muted">No owner</span> },
  { id: 'subscription', label: 'Subscription', width: 'minmax(110px, 1fr)', sort: 'subscription', render: (row) => row.subscription ?? '—' },
  { id: 'resourceGroup', label: 'Resource group', width: 'minmax(110px, 1fr)', sort: 'resourceGroup', render: (row) => row.resourceGroup ?? '—' },
  { id: 'location', label: 'Location', width: '110px', sort: 'location', render: (row) => row.location ?? '—' },
  {
    id: 'findings',
    label: 'Findings',
    width: '90px',
    sort: 'findings',
    render: (row) => (row.findings > 0 ? <span className={`sev sev--${row.worstSeverity ?? 'info'}`}>{row.findings}</span> : '0')
  },
  { id: 'lastReviewedAt', label: 'Reviewed', width: '100px', sort: 'lastReviewedAt', render: (row) => shortDate(row.lastReviewedAt) },
  {
    id: 'tags',
    label: 'Tags',
    width: 'minmax(120px, 1.5fr)',
    sort: null,
    render: (row) =>
      Object.entries(row.tags)
        .map(([key, value]) => (value ? `${key}=${value}` : key))
        .join(', ') || '—'
  }
];

export const DEFAULT_VISIBLE_COLUMNS = ['name', 'type', 'serviceModel', 'owner', 'subscription', 'resourceGroup', 'findings'];
