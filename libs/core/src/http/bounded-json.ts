import type { NextFunction, Request, Response } from 'express';
import getRawBody from 'raw-body';
import { DomainError } from '../errors/domain-error';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../validation/json-depth';

const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * The JSON body parser of every staff and public route: at most 1 MiB, UTF-8, and its nesting
 * depth bounded by a scan of the bytes before JSON.parse, so no document reaches a recursive
 * transformer or validator deep enough to overflow the stack.
 */
export function boundedJsonBody() {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!hasBody(req) || !req.is(['application/json', '+json'])) return next();
    readJson(req).then(
      (body) => {
        req.body = body;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

async function readJson(req: Request): Promise<unknown> {
  const charset = /;\s*charset\s*=\s*"?([\w-]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `JSON bodies are UTF-8; charset "${charset}" is not accepted`, 415);
  }
  const bytes = await readBytes(req);
  if (jsonNestsDeeperThan(bytes)) throw new DomainError('MALFORMED_JSON', `Body nests deeper than ${MAX_JSON_DEPTH} levels`, 400);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  try {
    // a "__proto__" key is dropped, so no later merge of the body can reach a prototype
    return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
  } catch (error) {
    throw new DomainError('MALFORMED_JSON', `Body is not valid JSON: ${(error as Error).message}`, 400);
  }
}

async function readBytes(req: Request): Promise<Buffer> {
  const length = req.headers['content-length'];
  try {
    return await getRawBody(req, { limit: JSON_BODY_LIMIT, length: length && /^\d+$/.test(length) ? Number(length) : undefined });
  } catch (error) {
    const e = error as { type?: string; message?: string };
    if (e.type === 'entity.too.large') throw new DomainError('PAYLOAD_TOO_LARGE', 'Request body is over 1 MiB', 413);
    throw new DomainError('BAD_REQUEST', `Request body could not be read: ${e.message ?? 'aborted'}`, 400);
  }
}
