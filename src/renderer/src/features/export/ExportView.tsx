import { useId, useState } from 'react';
import type { FrameworkExport } from '@shared/contract/frameworks';
import { Dialog } from '../../components/Dialog';
import type { SectionProps } from '../../lib/navigation';
import { ExportForm } from './ExportForm';
import { FRAMEWORK_TITLES, FrameworkExportForm } from './FrameworkExportForm';
import { MappingPanel } from './MappingPanel';
import { useExport } from './useExport';
import { useFrameworkExport } from './useFrameworkExport';
import './export.css';

type Choice = 'raci' | FrameworkExport;

const CHOICES: { value: Choice; label: string; hint: string }[] = [
  { value: 'raci', label: 'RACI workbook (.xlsx or .csv)', hint: 'Every asset × layer with who carries it and its RACI: the auditor’s workbook.' },
  { value: 'ccm', label: FRAMEWORK_TITLES.ccm, hint: 'Ownership of each CCM control in CSA’s own words, in the CAIQ v4.0.3 layout.' },
  { value: 'fedramp', label: FRAMEWORK_TITLES.fedramp, hint: 'FedRAMP Rev5 Appendix J: control origination and what the customer inherits.' },
  { value: 'oscal-ssp', label: FRAMEWORK_TITLES['oscal-ssp'], hint: 'An OSCAL 1.1.3 SSP a GRC tool can ingest: inherited and customer controls.' }
];

/**
 * The Export area: the RACI workbook, or a framework view (CSA CCM, FedRAMP, OSCAL SSP) of a
 * scope with the control mapping behind it. The native menu's File › Export opens the RACI export
 * in a modal dialog (`params.dialog`); it shares the area's export (one progress, one result).
 */
export function ExportView({ info, params }: SectionProps) {
  const id = useId();
  const controller = useExport();
  const frameworks = useFrameworkExport();
  const [choice, setChoice] = useState<Choice>('raci');
  const [dialogOpen, setDialogOpen] = useState(params.dialog === 'open');
  const busy = controller.status.kind === 'running' || frameworks.status.kind === 'running';
  return (
    <div className="export-area">
      <p className="muted export-area__intro">
        What <strong>{info.organisation}</strong> hands the auditor, from the same data you see: the RACI workbook, or each control of a
        framework with who owns it, derived from the responsibility layers it rests on. Cells are plain values, never formulas.
      </p>
      <fieldset className="export-choice" disabled={busy}>
        <legend>What to export</legend>
        {CHOICES.map((option) => (
          <label key={option.value} className="export-form__choice">
            <input type="radio" name={`${id}-what`} value={option.value} checked={choice === option.value} onChange={() => setChoice(option.value)} aria-describedby={`${id}-${option.value}`} />
            <span>{option.label}</span>
            <small id={`${id}-${option.value}`} className="muted">
              {option.hint}
            </small>
          </label>
        ))}
      </fieldset>
      {choice === 'raci' && !dialogOpen && <ExportForm controller={controller} lastChangeAt={info.lastChangeAt} />}
      {choice !== 'raci' && (
        <>
          <FrameworkExportForm key={choice} framework={choice} controller={frameworks} />
          <MappingPanel />
        </>
      )}
      {dialogOpen && (
        <Dialog
          title="Export RACI workbook"
          onClose={() => setDialogOpen(false)}
          actions={
            <button type="button" onClick={() => setDialogOpen(false)}>
              Close
            </button>
          }
        >
          <ExportForm controller={controller} lastChangeAt={info.lastChangeAt} />
        </Dialog>
      )}
    </div>
  );
}
