/**
 * The one road every request takes: look the method up, refuse what is not plain data, parse
 * its arguments with the contract's zod schema, run the handler, and answer { ok, data } or
 * { ok: false, error } — never throw, and never answer with more than a short message.
 */
import type { z } from 'zod';
import { METHODS, type MethodName, type MethodOutput, type ParsedInput } from '@shared/contract';
import { DemarcError, QUOTE_LIMIT, quote, type ErrorInfo, type Result } from '@shared/errors';
import type { RouterContext } from './router-context';
import { grantingDialogs } from './security/file-grants';
import { plainDataProblem } from './security/plain-data';

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  ctx: RouterContext
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };

export interface Router {
  /** `method` and `args` are whatever the caller sent: checked here, not trusted. */
  handle(method: unknown, args: unknown): Promise<Result<unknown>>;
}

/** An error answer's message, at most this long (what it quotes of its input is cut shorter still). */
const MESSAGE_LIMIT = 2_000;
/** Structured details (a file's problems) larger than this as JSON are left out of the answer. */
const DETAILS_LIMIT = 64 * 1024;
/** The schema problems a message lists before saying how many more there are. */
const ISSUE_LIMIT = 8;

/** A method name is a string that the contract's method map holds as its own key. */
export function isMethod(method: unknown): method is MethodName {
  return typeof method === 'string' && Object.hasOwn(METHODS, method);
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…`;
}

function describeZodError(method: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, ISSUE_LIMIT).map((issue) => {
    const where = issue.path.length ? issue.path.map((p) => clip(String(p), 60)).join('.') : '(arguments)';
    return `${where}: ${clip(issue.message, QUOTE_LIMIT)}`;
  });
  const more = error.issues.length > ISSUE_LIMIT ? `; and ${error.issues.length - ISSUE_LIMIT} more` : '';
  return `Invalid arguments for ${method}: ${issues.join('; ')}${more}`;
}

/** An error answer as it may leave main: a short message, details only when small and plain. */
function answerOf(error: ErrorInfo): { ok: false; error: ErrorInfo } {
  const message = clip(error.message, MESSAGE_LIMIT);
  let details: unknown;
  if (error.details !== undefined) {
    try {
      const json = JSON.stringify(error.details);
      if (json !== undefined && json.length <= DETAILS_LIMIT) details = JSON.parse(json) as unknown;
    } catch {
      details = undefined;
    }
  }
  return { ok: false, error: { code: error.code, message, ...(details === undefined ? {} : { details }) } };
}

export function createRouter(handlers: Handlers, context: RouterContext): Router {
  // What the user picks in a dialog is theirs to use again: the answer is granted as it is given.
  const ctx: RouterContext = { ...context, dialogs: grantingDialogs(context.dialogs, context.files) };
  return {
    async handle(method, args) {
      if (!isMethod(method)) {
        const named = typeof method === 'string' ? quote(method, 100) : `a ${method === null ? 'null' : typeof method} (not a method name)`;
        return answerOf({ code: 'UNKNOWN_METHOD', message: `Unknown method: ${named}` });
      }
      const problem = plainDataProblem(args);
      if (problem) {
        return answerOf({ code: 'BAD_REQUEST', message: `Bad request for ${method}: ${problem.path}: ${problem.what}.` });
      }
      const parsed = METHODS[method].safeParse(args ?? {});
      if (!parsed.success) return answerOf({ code: 'INVALID_INPUT', message: describeZodError(method, parsed.error) });
      try {
        const handler = handlers[method] as Handler<MethodName>;
        const data = await handler(parsed.data as ParsedInput<MethodName>, ctx);
        return { ok: true, data: data ?? null };
      } catch (error) {
        if (error instanceof DemarcError) return answerOf({ code: error.code, message: error.message, details: error.details });
        ctx.log?.(`[${method}] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return answerOf({ code: 'INTERNAL', message: `${method} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  };
}
