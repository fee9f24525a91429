import type { SectionProps } from './sections';

/** Shown for an area whose screen is not built yet. */
export function Placeholder({ info }: SectionProps) {
  return (
    <div className="placeholder">
      <p>
        {info.counts.assets} assets, {info.counts.parties} parties in this workbook.
      </p>
    </div>
  );
}
