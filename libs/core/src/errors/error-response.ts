import { ErrorDetail } from './domain-error';

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[]; requestId: string };
  [extra: string]: unknown;
}

export function errorBody(code: string, message: string, requestId: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}): ErrorBody {
  return { ...extra, error: { code, message, details, requestId } };
}
