import type { ImportFilePreview } from '@shared/contract/import';
import { AttributeReadings } from './AttributeReadings';
import { MappingEditor } from './MappingEditor';
import { SheetPicker } from './SheetPicker';
import type { ColumnMapping } from '@shared/import';

const STATUS_LABELS = { new: 'New', updated: 'Updated', unchanged: 'Unchanged' } as const;

/** One file of a preview: how it was read, its mapping, every row error, warnings, a sample. */
export function ImportFileView({ file, busy, onRemap, onSheet }: { file: ImportFilePreview; busy: boolean; onRemap: (mapping: ColumnMapping) => void; onSheet: (sheet: string) => void }) {
  return (
    <section className="import-file" aria-label={`File ${file.fileName}`}>
      <h3 className="import-file__name">{file.fileName}</h3>
      <p className="import-file__format" data-testid="import-format">
        <strong>{file.formatLabel}</strong> · {file.encoding}
        {file.delimiter ? ` · delimiter ${file.delimiter === '\t' ? 'tab' : `"${file.delimiter}"`}` : ''} · {file.counts.rows.toLocaleString()} rows
      </p>
      {file.sheets.length > 1 && <SheetPicker key={file.sheet ?? ''} sheets={file.sheets} current={file.sheet} busy={busy} onRead={onSheet} />}
      {file.errors.length > 0 && (
        <div className="import-errors">
          <h4>
            {file.errors.length.toLocaleString()} row {file.errors.length === 1 ? 'error' : 'errors'}: fix the file, nothing can be imported until then
          </h4>
          <ul className="import-errors__list" tabIndex={0} aria-label="Row errors" data-testid="import-errors">
            {file.errors.map((error, index) => (
              <li key={index}>
                {error.line === 0 ? 'The file' : `Line ${error.line}`}
                {error.field ? `, ${error.field}` : ''}: {error.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {file.mappingEditable && <MappingEditor key={JSON.stringify(file.mapping)} columns={file.columns} mapping={file.mapping} busy={busy} onApply={onRemap} />}
      <AttributeReadings readings={file.attributes} />
      {file.warnings.length > 0 && (
        <ul className="import-warnings" aria-label="Warnings">
          {file.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      {file.sample.length > 0 && (
        <div className="import-sample" tabIndex={0} role="region" aria-label={`First ${file.sample.length} assets`}>
          <table className="table">
            <caption className="visually-hidden">First {file.sample.length} assets as they will be imported</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Resource group</th>
                <th scope="col">Service model</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {file.sample.map((row) => (
                <tr key={`${row.line}:${row.name}`}>
                  <td>{row.line}</td>
                  <td>{row.name}</td>
                  <td>{row.type ?? ''}</td>
                  <td>{row.resourceGroup ?? ''}</td>
                  <td title={row.reason}>
                    {row.serviceModelLabel ?? 'Unclassified'}
                    {row.needsReview ? ' (review)' : ''}
                    {row.manualKept ? ' (your choice kept)' : ''}
                  </td>
                  <td>{STATUS_LABELS[row.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
