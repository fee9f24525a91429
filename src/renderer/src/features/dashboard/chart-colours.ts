import type { Responsibility, Severity } from '@shared/domain';

/** SVG fills cannot read CSS variables as attributes: the same values as styles.css. */
export const RESPONSIBILITY_FILL: Record<Responsibility, { fill: string; ink: string }> = {
  provider: { fill: '#dbe8fb', ink: '#123e7c' },
  customer: { fill: '#fde9c8', ink: '#6b4100' },
  shared: { fill: '#d8f0dc', ink: '#1d5a2a' },
  unknown: { fill: '#e6e6e6', ink: '#404040' }
};

export const SEVERITY_FILL: Record<Severity, string> = { error: '#a4262c', warning: '#b35c00', info: '#1f5fbf' };

export const SERIES_FILL = '#1f5fbf';
