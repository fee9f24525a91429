import type { SectionProps } from '../../lib/navigation';
import { ChangesPanel } from './ChangesPanel';
import { VerifyPanel } from './VerifyPanel';
import './audit.css';

/** The audit trail: verify the change log (Help › Verify workbook lands here), compare two dates. */
export function AuditView({ params }: SectionProps) {
  return (
    <div className="audit">
      <VerifyPanel runNow={params.verify === 'run'} />
      <ChangesPanel initialFrom={params.from} />
    </div>
  );
}
