import type { RoundTripField } from '@shared/contract/roundtrip';

/** How the review names each field a cell changes (the export's column headers). */
export const FIELD_LABELS: Record<RoundTripField, string> = {
  owner: 'Owner',
  serviceModel: 'Service model',
  responsibility: 'Responsibility',
  justification: 'Justification',
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
  note: 'Comments'
};
