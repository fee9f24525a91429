/**
 * Who has signed off their part of a workshop's scope. Sign-offs belong to the audit trail (a
 * named person signs a scope; the sign-off goes stale when it changes); until the workbook has
 * them there is no signature to read, and the minutes list every Accountable attendee as not yet
 * signed. This is the one place to wire the audit trail's sign-offs in.
 */
import type { OpenWorkbook } from '../context';

export function signedOffAttendees(_wb: OpenWorkbook, _scope: { workshopId: number; assetIds: readonly number[] }): ReadonlySet<number> {
  return new Set();
}
