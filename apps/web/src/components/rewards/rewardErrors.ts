import { ERROR_CODES } from '@hub/contracts';
import { ApiError } from '../../api/client';

/** The budget still available when an approval was refused with BUDGET_EXCEEDED, where the server said it. */
export function availableFenOf(error: ApiError): number | null {
  const body = error.body as { error?: { availableFen?: unknown } };
  if (typeof body.error?.availableFen === 'number') return body.error.availableFen;
  for (const detail of error.details) {
    if (detail.field === 'availableFen' && /^\d+$/.test(detail.message)) return Number(detail.message);
    const said = /可用预算\s*(\d+)\s*分/.exec(detail.message);
    if (said) return Number(said[1]);
  }
  return null;
}

export const isBudgetExceeded = (error: unknown): error is ApiError => error instanceof ApiError && error.code === ERROR_CODES.BUDGET_EXCEEDED;
