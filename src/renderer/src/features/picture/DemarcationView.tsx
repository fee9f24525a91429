import type { SectionProps } from '../../lib/navigation';
import { DemarcationPanel } from './DemarcationPanel';

/** The Demarcation area: the workbook's line, drawn. */
export function DemarcationView({ navigate }: SectionProps) {
  return <DemarcationPanel navigate={navigate} />;
}
