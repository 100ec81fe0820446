import busboy from 'busboy';
import type { Request } from 'express';
import { DomainError, Invalid } from '@hub/core';

export const FINDING_LIMITS = { files: 10, fileBytes: 10 * 1024 * 1024, textBytes: 64 * 1024 } as const;

export interface UploadedFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export interface FindingUpload {
  text: string | null;
  files: UploadedFile[];
}

/** A finding as multipart/form-data (field `text`, files `files`), or as JSON { text }. */
export function readFindingUpload(req: Request): Promise<FindingUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) {
    const body = req.body as { text?: unknown } | undefined;
    return Promise.resolve({ text: typeof body?.text === 'string' ? body.text : null, files: [] });
  }
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: FINDING_LIMITS.files, fileSize: FINDING_LIMITS.fileBytes, fieldSize: FINDING_LIMITS.textBytes } });
    } catch {
      return reject(new DomainError('BAD_REQUEST', 'Unreadable multipart body', 400));
    }
    const upload: FindingUpload = { text: null, files: [] };
    let failure: DomainError | null = null;
    parser.on('field', (name, value) => {
      if (name === 'text') upload.text = value;
    });
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (failure = new DomainError('PAYLOAD_TOO_LARGE', `${info.filename} is over ${FINDING_LIMITS.fileBytes / 1024 / 1024} MiB`, 413)));
      stream.on('end', () => upload.files.push({ fileName: info.filename || 'file', mimeType: info.mimeType || 'application/octet-stream', content: Buffer.concat(chunks) }));
    });
    parser.on('filesLimit', () => (failure = Invalid('Too many files', [{ field: 'files', message: `at most ${FINDING_LIMITS.files}` }])));
    parser.on('error', () => reject(new DomainError('BAD_REQUEST', 'Unreadable multipart body', 400)));
    parser.on('close', () => (failure ? reject(failure) : resolve(upload)));
    req.pipe(parser);
  });
}
