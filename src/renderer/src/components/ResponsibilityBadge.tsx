import type { Responsibility } from '@shared/domain';
import { RESPONSIBILITY_LABELS } from '../lib/labels';

/** A responsibility in its colour, always with its word (colour is never the only signal). */
export function ResponsibilityBadge({ value, label }: { value: Responsibility; label?: string }) {
  return <span className={`resp resp--${value}`}>{label ?? RESPONSIBILITY_LABELS[value]}</span>;
}
