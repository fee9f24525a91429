import { useCallback, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { PictureCell, PictureView } from '@shared/picture';
import { SvgTree } from './SvgTree';

interface PictureCanvasProps {
  view: PictureView;
  /** Pixels wide, or a CSS length ('100%' fits the container). */
  width: number | string;
  /** A cell was chosen (click, Enter or Space). */
  onOpen: (cell: PictureCell) => void;
  /** The cell under the pointer or with the focus (null: none). */
  onActive: (cell: PictureCell | null) => void;
  label: string;
}

const cellOf = (target: EventTarget | null): string | null => (target instanceof Element ? (target.closest('[data-cell]')?.getAttribute('data-cell') ?? null) : null);

/**
 * The interactive picture: every cell a button (Tab reaches one, the arrow keys move between
 * them, Home/End to the ends of a row), Enter or a click opens its assets; the cell in focus or
 * under the pointer is reported for the detail beside the picture.
 */
export function PictureCanvas({ view, width, onOpen, onActive, label }: PictureCanvasProps) {
  const { drawing } = view;
  const [focused, setFocused] = useState<string | null>(drawing.cells[0]?.id ?? null);
  const box = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(drawing.cells.map((cell) => [cell.id, cell])), [drawing]);
  const columns = useMemo(() => drawing.columns.map((c) => c.serviceModel), [drawing]);
  const rows = useMemo(() => drawing.rows.map((r) => r.id), [drawing]);

  const focusCell = useCallback((id: string) => {
    setFocused(id);
    box.current?.querySelector<SVGGElement>(`[data-cell="${CSS.escape(id)}"]`)?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const id = cellOf(event.target);
    const cell = id === null ? undefined : byId.get(id);
    if (cell === undefined) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(cell);
      return;
    }
    let column = columns.indexOf(cell.serviceModel);
    let row = rows.indexOf(cell.layerId);
    if (event.key === 'ArrowRight') column = Math.min(columns.length - 1, column + 1);
    else if (event.key === 'ArrowLeft') column = Math.max(0, column - 1);
    else if (event.key === 'ArrowDown') row = Math.min(rows.length - 1, row + 1);
    else if (event.key === 'ArrowUp') row = Math.max(0, row - 1);
    else if (event.key === 'Home') column = 0;
    else if (event.key === 'End') column = columns.length - 1;
    else return;
    event.preventDefault();
    focusCell(`${columns[column]}:${rows[row]}`);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const cell = byId.get(cellOf(event.target) ?? '');
    if (cell === undefined) return;
    setFocused(cell.id);
    onOpen(cell);
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const id = cellOf(event.target);
    if (id === null) return;
    setFocused(id);
    onActive(byId.get(id) ?? null);
  };

  const onPointer = (event: MouseEvent<HTMLDivElement>) => {
    const id = cellOf(event.target);
    onActive(id === null ? (focused === null ? null : (byId.get(focused) ?? null)) : (byId.get(id) ?? null));
  };

  return (
    // The cells inside are the buttons; this box only listens to them (event delegation).
    <div ref={box} className="picture-canvas" aria-label={label} role="group" onKeyDown={onKeyDown} onClick={onClick} onFocus={onFocus} onMouseOver={onPointer}>
      <SvgTree svg={view.svg} focusedCell={focused} width={width} />
    </div>
  );
}
