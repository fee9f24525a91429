import { useState } from 'react';
import { QueryError } from '../../components/QueryError';
import type { SectionProps } from '../../lib/navigation';
import { AsOfAssetPanel } from './AsOfAssetPanel';
import { AsOfAssets } from './AsOfAssets';
import { AsOfBanner } from './AsOfBanner';
import { AsOfFindings } from './AsOfFindings';
import { MomentPicker } from './MomentPicker';
import { useAsOfSummary } from './queries';
import './as-of.css';

/**
 * History: the workbook as it was at a chosen moment — the inventory, an asset's layers and RACI,
 * and the findings, read only, marked "as of", with the way back to now and to Audit › Compare two
 * dates from that day.
 */
export function HistoryView({ navigate, params }: SectionProps) {
  const [moment, setMoment] = useState<string | null>(params.moment ?? null);
  const [selected, setSelected] = useState<number | null>(null);
  const summary = useAsOfSummary(moment);
  const choose = (next: string) => {
    setMoment(next);
    setSelected(null);
  };
  return (
    <div className="as-of">
      {moment !== null && summary.data && (
        <AsOfBanner
          info={summary.data.info}
          onNow={() => navigate('inventory')}
          onCompare={() => navigate('audit', { from: summary.data.info.at.slice(0, 10) })}
        />
      )}
      <MomentPicker onChoose={choose} compact={moment !== null && summary.data !== undefined} />
      <QueryError error={summary.error} />
      {moment !== null && summary.data && (
        <>
          <section className="card">
            <AsOfFindings groups={summary.data.findings} />
          </section>
          <div className={selected === null ? 'as-of-browse' : 'as-of-browse has-panel'}>
            <AsOfAssets key={moment} moment={moment} selected={selected} onSelect={setSelected} />
            {selected !== null && <AsOfAssetPanel moment={moment} id={selected} />}
          </div>
        </>
      )}
    </div>
  );
}
