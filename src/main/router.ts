/**
 * The one road every request takes: look the method up, parse its arguments with the
 * contract's zod schema, run the handler, and answer { ok, data } or { ok: false, error }.
 */
import type { z } from 'zod';
import { METHODS, type MethodName, type MethodOutput, type ParsedInput } from '@shared/contract';
import { DemarcError, type Result } from '@shared/errors';
import type { RouterContext } from './router-context';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: RouterContext
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

export interface Router {
  handle(method: string, args: unknown): Promise<Result<unknown>>;
}

function isMethod(method: string): method is MethodName {
  return Object.prototype.hasOwnProperty.call(METHODS, method);
}

function describeZodError(method: string, error: z.ZodError): string {
  const issues = error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(arguments)';
    return `${where}: ${issue.message}`;
  });
  return `Invalid arguments for ${method}: ${issues.join('; ')}`;
}

export function createRouter(handlers: Handlers, ctx: RouterContext): Router {
  return {
    async handle(method, args) {
      if (typeof method !== 'string' || !isMethod(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${String(method)}` } };
      }
      const parsed = METHODS[method].safeParse(args ?? {});
      if (!parsed.success) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: describeZodError(method, parsed.error) } };
      }
      try {
        const handler = handlers[method] as Handler<MethodName>;
        const data = await handler(parsed.data as ParsedInput<MethodName>, ctx);
        return { ok: true, data: data ?? null };
      } catch (error) {
        if (error instanceof DemarcError) {
          return {
            ok: false,
            error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) }
          };
        }
        ctx.log?.(`[${method}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `${method} failed: ${error instanceof Error ? error.message : String(error)}` }
        };
      }
    }
  };
}
