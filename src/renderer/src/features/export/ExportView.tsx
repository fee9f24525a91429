import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import type { SectionProps } from '../layout/sections';
import { ExportForm } from './ExportForm';
import { useExport } from './useExport';
import './export.css';

/**
 * The Export area. The native menu's File › Export opens it with `params.dialog`, which shows the
 * same form in a modal dialog; the area and the dialog share one export (one progress, one result).
 */
export function ExportView({ info, params }: SectionProps) {
  const controller = useExport();
  const [dialogOpen, setDialogOpen] = useState(params.dialog === 'open');
  return (
    <div className="export-area">
      <p className="muted export-area__intro">
        The audit workbook for <strong>{info.organisation}</strong>: every asset × layer with who carries it (provider,
        customer or shared) and who is Responsible, Accountable, Consulted and Informed, exactly as the report says. Cells
        are plain values, never formulas.
      </p>
      {!dialogOpen && <ExportForm controller={controller} lastChangeAt={info.lastChangeAt} />}
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
