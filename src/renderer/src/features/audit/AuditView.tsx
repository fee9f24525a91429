import type { SectionProps } from '../../lib/navigation';
import { VerifyPanel } from './VerifyPanel';
import './audit.css';

/** The audit trail: verify the change log (Help › Verify workbook lands here). */
export function AuditView({ params }: SectionProps) {
  return (
    <div className="audit">
      <VerifyPanel runNow={params.verify === 'run'} />
    </div>
  );
}
