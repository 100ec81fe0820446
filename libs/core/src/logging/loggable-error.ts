/**
 * An error as it may be written to a log: TypeORM's QueryFailedError carries the query's
 * `parameters` (ticket text, reporter data), which never reach a log line; the SQL text, the
 * PostgreSQL code and the constraint stay, since they say what went wrong.
 */
export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
  query?: string;
  constraint?: string;
  cause?: LoggableError;
}

export function loggableError(error: unknown, depth = 0): LoggableError {
  if (typeof error !== 'object' || error === null) return { type: typeof error, message: String(error) };
  if (!(error instanceof Error) && typeof (error as { type?: unknown }).type === 'string') {
    // made loggable already (the logger's serializer sees it a second time)
    const { parameters: _dropped, ...rest } = error as LoggableError & { parameters?: unknown };
    return rest;
  }
  const e = error as { name?: unknown; constructor?: { name?: string }; message?: unknown; stack?: unknown; code?: unknown; query?: unknown; constraint?: unknown; driverError?: unknown; cause?: unknown };
  const own: LoggableError = {
    type: typeof e.name === 'string' ? e.name : (e.constructor?.name ?? 'Error'),
    message: typeof e.message === 'string' ? e.message : '',
  };
  if (typeof e.stack === 'string') own.stack = e.stack;
  if (typeof e.code === 'string' || typeof e.code === 'number') own.code = String(e.code);
  if (typeof e.query === 'string') own.query = e.query;
  const constraint = e.constraint ?? (e.driverError as { constraint?: unknown } | undefined)?.constraint;
  if (typeof constraint === 'string') own.constraint = constraint;
  const cause = e.cause ?? undefined;
  if (cause && depth < 3) own.cause = loggableError(cause, depth + 1);
  return own;
}
