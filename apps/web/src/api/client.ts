import type { ErrorCode, FieldError } from '@hub/contracts';
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
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  keepalive?: boolean;
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
  return new ApiError(response.status, (error.code ?? `HTTP_${response.status}`) as ErrorCode, error.message ?? response.statusText, error.details ?? [], body);
}

const SESSION_PATHS = new Set(['/auth/login', '/auth/refresh']);
/** Renew this long before the access token ends, so no request goes out with a dying one. */
const RENEW_MARGIN_SECONDS = 30;
let renewing: Promise<boolean> | null = null;

/**
 * Spends the refresh token for a new pair, once for every caller waiting at the same
 * moment (a refresh token works only once). False when the session is over.
 */
export function renewSession(): Promise<boolean> {
  renewing ??= (async () => {
    const refreshToken = session.refreshToken();
    if (!refreshToken) return false;
    const response = await fetch(`${BASE}/auth/refresh`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    }).catch(() => null);
    if (!response?.ok) return false;
    session.save(await response.json());
    return true;
  })().finally(() => {
    renewing = null;
  });
  return renewing;
}

function fetchApi(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() };
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
  const staffCall = !SESSION_PATHS.has(path);
  if (staffCall && session.refreshToken() && session.expiresWithin(RENEW_MARGIN_SECONDS)) await renewSession();
  let response = await fetchApi(method, path, options);
  if (response.status === 401 && staffCall && session.refreshToken()) {
    response = (await renewSession()) ? await fetchApi(method, path, options) : response;
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
};
