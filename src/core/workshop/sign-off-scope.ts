/**
 * The sign-off scope a workshop's attendees sign at the end, saying the workshop's own scope as
 * closely as a sign-off can: the whole workbook; a filter of subscription, resource group, service
 * model, tag and type; a saved set; otherwise (free text, an owner, a list of ids, or a mix) the
 * assets the workshop walked. Every sign-off fixes the assets it covers when signed. Pure.
 */
import type { PictureScope } from '@shared/picture';
import { SignOffFilterSchema, type SignOffScope } from '@shared/sign-off';

export function workshopSignOffScope(workshop: { id: number; scope: PictureScope }): SignOffScope {
  const given = Object.entries(workshop.scope).filter(([, value]) => value !== undefined);
  if (given.length === 0) return { kind: 'workbook' };
  if (given.length === 1 && workshop.scope.set !== undefined) return { kind: 'set', setId: workshop.scope.set };
  const filter = SignOffFilterSchema.safeParse(Object.fromEntries(given));
  return filter.success ? { kind: 'filter', filter: filter.data } : { kind: 'workshop', workshopId: workshop.id };
}
