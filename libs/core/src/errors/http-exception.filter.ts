import { ERROR_CODES, ErrorCode } from '@hub/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorDetail } from './domain-error';
import { errorBody } from './error-response';
import { isDependencyDown } from './dependency-errors';
import { requestIdOf } from '../logging/request-id';

const STATUS_CODES: Record<number, ErrorCode | string> = {
  400: ERROR_CODES.BAD_REQUEST,
  401: ERROR_CODES.UNAUTHORIZED,
  403: ERROR_CODES.FORBIDDEN,
  404: ERROR_CODES.NOT_FOUND,
  405: 'METHOD_NOT_ALLOWED',
  409: ERROR_CODES.CONFLICT,
  413: ERROR_CODES.PAYLOAD_TOO_LARGE,
  415: ERROR_CODES.UNSUPPORTED_MEDIA_TYPE,
  422: ERROR_CODES.VALIDATION_FAILED,
  429: ERROR_CODES.RATE_LIMITED,
  503: ERROR_CODES.SERVICE_UNAVAILABLE,
};

interface Mapped {
  status: number;
  code: string;
  message: string;
  details: ErrorDetail[];
  headers: Record<string, string>;
  extra: Record<string, unknown>;
}

/** The one place that turns any failure into the contracts.md error shape. */
@Catch()
export class HubExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const requestId = requestIdOf(request);
    const mapped = this.map(exception);
    if (mapped.status >= 500) this.logger.error({ err: exception, requestId }, `request failed with ${mapped.status}`);
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(mapped.headers)) response.setHeader(name, value);
    response.status(mapped.status).json(errorBody(mapped.code, mapped.message, requestId, mapped.details, mapped.extra));
  }

  private map(exception: unknown): Mapped {
    if (exception instanceof DomainError) {
      return { status: exception.status, code: exception.code, message: exception.message, details: exception.details, headers: exception.headers, extra: exception.body };
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    if (isDependencyDown(exception)) {
      return { status: 503, code: 'SERVICE_UNAVAILABLE', message: 'A dependency is unavailable, try again shortly', details: [], headers: { 'Retry-After': '5' }, extra: {} };
    }
    return { status: 500, code: 'INTERNAL_ERROR', message: 'Internal error', details: [], headers: {}, extra: {} };
  }

  private fromHttpException(exception: HttpException): Mapped {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? exception.message);
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_' + status);
    return { status, code, message: status >= 500 ? 'Internal error' : message, details: [], headers: {}, extra: {} };
  }

}
