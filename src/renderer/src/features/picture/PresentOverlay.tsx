import { useEffect, useRef, type ReactNode } from 'react';

/** The picture alone, as large as the window allows (a projector): Esc or the button leaves. */
export function PresentOverlay({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <div className="present" role="dialog" aria-modal="true" aria-label="Presenting the demarcation picture">
      <button ref={close} type="button" className="present__close" onClick={onClose}>
        Leave presentation (Esc)
      </button>
      <div className="present__stage">{children}</div>
    </div>
  );
}
