import { useState } from 'react';
import type { SectionProps } from '../../lib/navigation';
import { StartWorkshopForm } from './StartWorkshopForm';
import { WorkshopList } from './WorkshopList';
import { WorkshopSession } from './WorkshopSession';
import './workshop.css';

/** Workshop mode: the workbook's workshops, starting one, and running one from the projector. */
export function WorkshopView({ params }: SectionProps) {
  const fromParams = params.workshop === undefined ? null : Number(params.workshop);
  const [open, setOpen] = useState<number | null>(fromParams);
  const [starting, setStarting] = useState(false);

  if (open !== null) return <WorkshopSession id={open} onLeave={() => setOpen(null)} />;
  return (
    <div className="workshops">
      {starting ? (
        <StartWorkshopForm
          onCancel={() => setStarting(false)}
          onStarted={(id) => {
            setStarting(false);
            setOpen(id);
          }}
        />
      ) : (
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setStarting(true)}>
            Start a workshop…
          </button>
        </div>
      )}
      <WorkshopList onOpen={setOpen} />
    </div>
  );
}
