/**
 * The sign-off scope a workshop's attendees sign at the end: the workshop's own scope when a
 * sign-off can say it (the whole workbook, or a filter of subscription, resource group, service
 * model, tag and type); null when the workshop was scoped by something a sign-off cannot keep
 * (free text, an owner, a list of ids). Pure.
 */
import type { PictureScope } from '@shared/picture';
import { SignOffFilterSchema, type SignOffScope } from '@shared/sign-off';

export function workshopSignOffScope(scope: PictureScope): SignOffScope | null {
  const given = Object.entries(scope).filter(([, value]) => value !== undefined);
  if (given.length === 0) return { kind: 'workbook' };
  const filter = SignOffFilterSchema.safeParse(Object.fromEntries(given));
  return filter.success ? { kind: 'filter', filter: filter.data } : null;
}
