/**
 * The renderer's only door to the workbook: window.api from the preload.
 * `call` unwraps results and throws ApiError so TanStack Query can show failures.
 */
import type { DemarcApi, EventName, EventPayloads, MethodInput, MethodName, MethodOutput } from '@shared/contract';
import type { ErrorCode } from '@shared/errors';

declare global {
  interface Window {
    api: DemarcApi;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await window.api.invoke(method, args);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details);
  return result.data;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return window.api.on(event, listener);
}
