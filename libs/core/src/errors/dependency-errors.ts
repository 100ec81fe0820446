/** TypeORM's errors for a transaction whose connection PostgreSQL ended under it (restart, failover). */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerProviderAlreadyReleasedError', 'QueryRunnerAlreadyReleasedError']);
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P03', '08000', '08003', '08006']);

/** True when the failure means PostgreSQL or Redis is unreachable, not that the input was bad. */
export function isDependencyDown(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; name?: string; message?: string; driverError?: unknown; cause?: unknown };
    if (e.code && CONNECTION_CODES.has(e.code)) return true;
    if (e.name && RELEASED_RUNNER_ERRORS.has(e.name)) return true;
    if (typeof e.message === 'string' && /Connection terminated|connect ECONNREFUSED|Connection is closed|timeout exceeded when trying to connect|max retries per request/i.test(e.message)) return true;
    current = e.driverError ?? e.cause;
  }
  return false;
}
