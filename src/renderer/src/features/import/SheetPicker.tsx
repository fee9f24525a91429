import { useState } from 'react';

/** The sheet of an Excel workbook to read; "Read this sheet" re-previews the file with it. */
export function SheetPicker({ sheets, current, busy, onRead }: { sheets: string[]; current: string | null; busy: boolean; onRead: (sheet: string) => void }) {
  const [chosen, setChosen] = useState(current ?? sheets[0] ?? '');
  return (
    <div className="import-sheet">
      <label className="field">
        <span>Sheet</span>
        <select value={chosen} disabled={busy} onChange={(event) => setChosen(event.target.value)}>
          {sheets.map((sheet) => (
            <option key={sheet} value={sheet}>
              {sheet}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={busy || chosen === current} onClick={() => onRead(chosen)}>
        Read this sheet
      </button>
    </div>
  );
}
