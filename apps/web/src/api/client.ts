import { ERROR_CODES, type ErrorCode, type FieldError } from '@hub/contracts';
import { session } from './session';

const BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** one of the server's stable codes (`ERROR_CODES`); compared with those constants, never with bare strings */
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
    /** Seconds from a 429's or 503's `Retry-After`, when the server gave one. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  keepalive?: boolean;
  /** Public (portal) calls never carry a staff token, even when one is stored in this tab. */
  anonymous?: boolean;
}

function buildQuery(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function authHeaders(): Record<string, string> {
  const token = session.token();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown> & {
    error?: { code?: string; message?: string; details?: FieldError[] };
  };
  const error = body.error ?? {};
  return new ApiError(
    response.status,
    (error.code ?? `HTTP_${response.status}`) as ErrorCode,
    error.message ?? response.statusText,
    error.details ?? [],
    body,
    retryAfterSeconds(response.headers.get('Retry-After')),
  );
}

function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

const SESSION_PATHS = new Set(['/auth/login', '/auth/refresh']);
/** Renew this long before the access token ends, so no request goes out with a dying one. */
const RENEW_MARGIN_SECONDS = 30;
/** renewed: a new pair is stored; refused: the session is over; unreachable: the server could not answer, try later. */
export type RenewResult = 'renewed' | 'refused' | 'unreachable';
let renewing: Promise<RenewResult> | null = null;

/**
 * Spends the refresh token for a new pair, once for every caller waiting at the same
 * moment (a refresh token works only once).
 */
export function renewSession(): Promise<RenewResult> {
  renewing ??= (async (): Promise<RenewResult> => {
    const refreshToken = session.refreshToken();
    if (!refreshToken) return 'refused';
    const response = await fetch(`${BASE}/auth/refresh`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => null);
    if (!response || response.status >= 500 || response.status === 429) return 'unreachable';
    if (!response.ok) return 'refused';
    session.save(await response.json());
    return 'renewed';
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}

function fetchApi(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.anonymous ? {} : authHeaders()) };
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  return fetch(`${BASE}${path}${buildQuery(options.query)}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
    keepalive: options.keepalive,
  });
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const staffCall = !SESSION_PATHS.has(path) && !options.anonymous;
  if (staffCall && session.refreshToken() && session.expiresWithin(RENEW_MARGIN_SECONDS)) await renewSession();
  let response = await fetchApi(method, path, options);
  if (response.status === 401 && staffCall && session.refreshToken()) {
    const renewal = await renewSession();
    if (renewal === 'unreachable') throw new ApiError(503, ERROR_CODES.SERVICE_UNAVAILABLE, 'The server could not renew the session; try again');
    if (renewal === 'renewed') response = await fetchApi(method, path, options);
  }
  if (response.ok) return response;
  if (response.status === 401 && staffCall) session.expire();
  throw await toApiError(response);
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function requestBlob(path: string): Promise<Blob> {
  const response = await send('GET', path, {});
  return response.blob();
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, keepalive?: boolean) => request<T>('POST', path, { body, keepalive }),
  /** multipart/form-data; the browser sets the boundary */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { body: form }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
  publicGet: <T>(path: string, query?: Query) => request<T>('GET', path, { query, anonymous: true }),
  publicPost: <T>(path: string, body?: unknown) => request<T>('POST', path, { body, anonymous: true }),
};
