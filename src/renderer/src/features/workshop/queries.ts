import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PictureScope } from '@shared/picture';
import type { WalkPosition } from '@shared/workshop';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const workshopKeys = {
  all: [WORKBOOK, 'workshops'] as const,
  list: () => [...workshopKeys.all, 'list'] as const,
  preview: (scope: PictureScope) => [...workshopKeys.all, 'preview', scope] as const,
  detail: (id: number) => [...workshopKeys.all, 'detail', id] as const,
  step: (id: number, at: WalkPosition) => [...workshopKeys.all, 'step', id, at.group, at.layer] as const,
  minutes: (id: number) => [...workshopKeys.all, 'minutes', id] as const
};

export function useWorkshops() {
  return useQuery({ queryKey: workshopKeys.list(), queryFn: () => call('workshops.list', {}) });
}

/** The decision groups a scope would make (before starting). */
export function useWorkshopPreview(scope: PictureScope) {
  return useQuery({ queryKey: workshopKeys.preview(scope), queryFn: () => call('workshops.preview', { scope }), placeholderData: keepPreviousData });
}

export function useWorkshop(id: number) {
  return useQuery({ queryKey: workshopKeys.detail(id), queryFn: () => call('workshops.get', { id }) });
}

const stepQuery = (id: number, at: WalkPosition) => queryOptions({ queryKey: workshopKeys.step(id, at), queryFn: () => call('workshops.step', { id, group: at.group, layer: at.layer }) });

/** One step of the walk; the previous step stays on screen while the next loads. */
export function useWorkshopStep(id: number, at: WalkPosition) {
  return useQuery({ ...stepQuery(id, at), placeholderData: keepPreviousData });
}

/**
 * Fetches the step after the one on screen once that one is shown, so → shows it at once: the
 * room spends far longer on a step than main takes to answer the next.
 */
export function usePrefetchStep(id: number, next: WalkPosition | null, shown: boolean): void {
  const queryClient = useQueryClient();
  const group = next?.group;
  const layer = next?.layer;
  useEffect(() => {
    if (shown && group !== undefined && layer !== undefined) void queryClient.prefetchQuery(stepQuery(id, { group, layer }));
  }, [queryClient, id, group, layer, shown]);
}

export function useWorkshopMinutes(id: number) {
  return useQuery({ queryKey: workshopKeys.minutes(id), queryFn: () => call('workshops.minutes', { id }) });
}

/** Workshops show their own records, and assets' RACI, findings and parties' names. */
export const refreshWorkshops: RefreshRule = (touched) =>
  touches(touched, 'workshops', 'assets', 'parties', 'settings', 'models', 'inventory', 'signOffs', 'savedSets') ? [{ queryKey: workshopKeys.all }] : [];
