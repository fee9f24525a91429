import type { ReactNode } from 'react';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel } from '@shared/asset-attributes';
import type { AssetListRow, AssetSortColumn } from '@shared/contract/engine';
import { shortDate } from '../../lib/labels';

export interface GridColumn {
  id: string;
  label: string;
  /** CSS grid track. */
  width: string;
  /** The track's minimum in px: rows never shrink below the sum, so header and body align. */
  min: number;
  sort: AssetSortColumn | null;
  render: (row: AssetListRow) => ReactNode;
  /** Always shown (the name identifies the row). */
  fixed?: boolean;
}

export const GRID_COLUMNS: GridColumn[] = [
  {
    id: 'name',
    label: 'Name',
    width: 'minmax(180px, 2fr)',
    min: 180,
    sort: 'name',
    fixed: true,
    render: (row) => (
      <>
        {row.name}
        {row.notSeenInLastImport && (
          <span className="review-mark" title="The last import of its source did not list this asset">
            {' '}
            · not seen
          </span>
        )}
      </>
    )
  },
  { id: 'type', label: 'Type', width: 'minmax(160px, 2fr)', min: 160, sort: 'type', render: (row) => row.type ?? '—' },
  {
    id: 'serviceModel',
    label: 'Service model',
    width: '130px', min: 130,
    sort: 'serviceModel',
    render: (row) => (
      <>
        {row.serviceModelLabel ?? 'Unclassified'}
        {row.needsReview && (
          <span className="review-mark" title="The classifier flags this type for review">
            {' '}
            · review
          </span>
        )}
      </>
    )
  },
  { id: 'owner', label: 'Owner', width: 'minmax(110px, 1fr)', min: 110, sort: 'owner', render: (row) => row.owner ?? <span className="muted">No owner</span> },
  { id: 'subscription', label: 'Subscription', width: 'minmax(110px, 1fr)', min: 110, sort: 'subscription', render: (row) => row.subscription ?? '—' },
  { id: 'resourceGroup', label: 'Resource group', width: 'minmax(110px, 1fr)', min: 110, sort: 'resourceGroup', render: (row) => row.resourceGroup ?? '—' },
  { id: 'location', label: 'Location', width: '110px', min: 110, sort: 'location', render: (row) => row.location ?? '—' },
  {
    id: 'findings',
    label: 'Findings',
    width: '90px', min: 90,
    sort: 'findings',
    render: (row) => (row.findings > 0 ? <span className={`sev sev--${row.worstSeverity ?? 'info'}`}>{row.findings}</span> : '0')
  },
  // Criticality, data classification and environment: sorted by their vocabulary's order.
  ...ASSET_ATTRIBUTES.map(
    (attribute): GridColumn => ({
      id: attribute,
      label: ATTRIBUTE_VOCABULARY[attribute].label,
      width: '130px',
      min: 130,
      sort: attribute,
      render: (row) => (row[attribute] === null ? <span className="muted">Not stated</span> : attributeLabel(attribute, row[attribute]))
    })
  ),
  { id: 'lastReviewedAt', label: 'Reviewed', width: '100px', min: 100, sort: 'lastReviewedAt', render: (row) => shortDate(row.lastReviewedAt) },
  {
    id: 'tags',
    label: 'Tags',
    width: 'minmax(120px, 1.5fr)', min: 120,
    sort: null,
    render: (row) =>
      Object.entries(row.tags)
        .map(([key, value]) => (value ? `${key}=${value}` : key))
        .join(', ') || '—'
  }
];

export const DEFAULT_VISIBLE_COLUMNS = ['name', 'type', 'serviceModel', 'owner', 'subscription', 'resourceGroup', 'findings'];
