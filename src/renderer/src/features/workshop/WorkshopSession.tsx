import { useState } from 'react';
import { nextStep, otherGroup, previousStep, progressText } from '@core/workshop/walk';
import type { WalkPosition } from '@shared/workshop';
import { QueryError } from '../../components/QueryError';
import { GroupList } from './GroupList';
import { MinutesPanel } from './MinutesPanel';
import { useWorkshop } from './queries';
import { StepView } from './StepView';
import { useWalkKeys } from './useWalkKeys';
import { useWorkshopMutations } from './useWorkshopMutations';

const ZOOMS = [1, 1.25, 1.5, 1.75, 2];

type Pane = 'walk' | 'groups' | 'minutes';

/** One workshop on screen: the walk (keyboard-first, zoomable for a projector), its groups, its minutes. */
export function WorkshopSession({ id, onLeave }: { id: number; onLeave: () => void }) {
  const workshop = useWorkshop(id);
  const { pause, resume } = useWorkshopMutations();
  const [moved, setMoved] = useState<WalkPosition | null>(null);
  const [zoom, setZoom] = useState(0);
  const [chosenPane, setPane] = useState<Pane | null>(null);
  const w = workshop.data;
  const at = moved ?? w?.position ?? { group: 0, layer: 0 };
  const counts = w?.groupList.map((g) => g.layers) ?? [];
  const pane: Pane = chosenPane ?? (w?.status === 'finished' ? 'minutes' : 'walk');
  const go = (next: WalkPosition | null) => {
    if (next !== null) setMoved(next);
  };
  const walkKeys = {
    nextLayer: () => go(nextStep(at, counts)),
    previousLayer: () => go(previousStep(at, counts)),
    nextGroup: () => go(otherGroup(at, counts, 1)),
    previousGroup: () => go(otherGroup(at, counts, -1)),
    zoomIn: () => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1)),
    zoomOut: () => setZoom((z) => Math.max(0, z - 1))
  };
  useWalkKeys(walkKeys, pane === 'walk' && w !== undefined);

  if (w === undefined) return <QueryError error={workshop.error} />;
  return (
    <div className="workshop-session">
      <header className="workshop-session__header">
        <div>
          <h2 className="workshop-session__title">{w.title}</h2>
          <p className="muted">
            {w.heldOn} · {w.scopeLabel} · {w.attendees.length} attendees: {w.attendees.map((a) => a.name).join(', ')}
          </p>
        </div>
        <div className="toolbar" role="toolbar" aria-label="Workshop">
          <button type="button" onClick={onLeave}>
            All workshops
          </button>
          <button type="button" aria-pressed={pane === 'walk'} onClick={() => setPane('walk')}>
            Walk
          </button>
          <button type="button" aria-pressed={pane === 'groups'} onClick={() => setPane('groups')}>
            Groups ({w.groups})
          </button>
          <button type="button" aria-pressed={pane === 'minutes'} onClick={() => setPane('minutes')}>
            Sign-off and minutes
          </button>
          {w.status === 'open' && (
            <button type="button" onClick={() => pause.mutate({ id, group: at.group, layer: at.layer })} disabled={pause.isPending}>
              Pause
            </button>
          )}
          {w.status === 'paused' && (
            <button type="button" className="primary" onClick={() => resume.mutate(id, { onSuccess: (d) => setMoved(d.position) })} disabled={resume.isPending}>
              Resume
            </button>
          )}
        </div>
      </header>
      <div className="workshop-progress">
        <span>
          <strong>{progressText(at, counts)}</strong> · {w.status === 'open' ? 'open' : w.status}
        </span>
        <label className="workshop-progress__bar">
          <span>
            {w.decidedSteps} of {w.steps} steps decided
          </span>
          <progress value={w.decidedSteps} max={Math.max(1, w.steps)} />
        </label>
      </div>
      <QueryError error={pause.error ?? resume.error} />
      {pane === 'walk' && (
        <div className="workshop-walk" style={{ fontSize: `${ZOOMS[zoom] ?? 1}rem` }}>
          <nav className="toolbar workshop-walk__nav" aria-label="Walk">
            <button type="button" onClick={walkKeys.previousGroup} aria-keyshortcuts="Shift+ArrowLeft PageUp">
              ⇤ Previous group
            </button>
            <button type="button" onClick={walkKeys.previousLayer} aria-keyshortcuts="ArrowLeft">
              ← Previous layer
            </button>
            <button type="button" onClick={walkKeys.nextLayer} aria-keyshortcuts="ArrowRight">
              Next layer →
            </button>
            <button type="button" onClick={walkKeys.nextGroup} aria-keyshortcuts="Shift+ArrowRight PageDown">
              Next group ⇥
            </button>
            <span className="workshop-walk__zoom">
              <button type="button" onClick={walkKeys.zoomOut} aria-label="Smaller text" aria-keyshortcuts="-" disabled={zoom === 0}>
                A−
              </button>
              <span aria-live="polite">{Math.round((ZOOMS[zoom] ?? 1) * 100)} %</span>
              <button type="button" onClick={walkKeys.zoomIn} aria-label="Larger text (projector)" aria-keyshortcuts="+" disabled={zoom === ZOOMS.length - 1}>
                A+
              </button>
            </span>
          </nav>
          <StepView workshopId={id} at={at} next={nextStep(at, counts)} readOnly={w.status !== 'open'} status={w.status} onDecided={() => go(nextStep(at, counts))} />
          <p className="muted small">Keys: → next layer, ← previous, Shift+→ / Shift+← next or previous group, + / − text size.</p>
        </div>
      )}
      {pane === 'groups' && (
        <GroupList
          workshop={w}
          onJump={(group) => {
            setMoved({ group, layer: 0 });
            setPane('walk');
          }}
        />
      )}
      {pane === 'minutes' && <MinutesPanel workshop={w} />}
    </div>
  );
}
