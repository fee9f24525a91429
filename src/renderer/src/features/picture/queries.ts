import { useMutation, useQuery } from '@tanstack/react-query';
import type { PictureScope } from '@shared/picture';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const pictureKeys = {
  all: [WORKBOOK, 'picture'] as const,
  view: (scope: PictureScope, modelId: string | null, assetId: number | null, interactive: boolean) =>
    [...pictureKeys.all, 'view', scope, modelId, assetId, interactive] as const,
  compare: (a: string, b: string) => [...pictureKeys.all, 'compare', a, b] as const
};

interface PictureRequest {
  scope?: PictureScope;
  modelId?: string | null;
  assetId?: number | null;
  interactive?: boolean;
  idPrefix?: string;
}

/** The drawing and its SVG for a scope and model, or one asset's stack. */
export function usePicture({ scope = {}, modelId = null, assetId = null, interactive = true, idPrefix = 'picture' }: PictureRequest) {
  return useQuery({
    queryKey: [...pictureKeys.view(scope, modelId, assetId, interactive), idPrefix],
    queryFn: () =>
      call('picture.get', {
        scope,
        interactive,
        idPrefix,
        ...(modelId === null ? {} : { modelId }),
        ...(assetId === null ? {} : { assetId })
      })
  });
}

/** Two models drawn over the same assets, the cells where the line moved outlined. */
export function usePictureComparison(a: string | null, b: string | null) {
  return useQuery({
    queryKey: pictureKeys.compare(a ?? '', b ?? ''),
    queryFn: () => call('picture.compare', { a: a ?? '', b: b ?? '' }),
    enabled: a !== null && b !== null && a !== b
  });
}

/** Saves the picture as PNG or SVG through the native save dialog (null: cancelled). */
export function useSavePicture() {
  return useMutation({
    mutationFn: (request: { format: 'png' | 'svg'; scope: PictureScope; modelId: string | null }) =>
      call('picture.save', { format: request.format, scope: request.scope, ...(request.modelId === null ? {} : { modelId: request.modelId }) })
  });
}

/** The picture counts assets, owners, overrides and Accountables per cell, and draws the models. */
export const refreshPicture: RefreshRule = (touched) =>
  touches(touched, 'assets', 'parties', 'settings', 'models', 'inventory', 'savedSets') ? [{ queryKey: pictureKeys.all }] : [];
