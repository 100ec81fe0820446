import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { fromBuffer } from 'file-type';
import { DomainError, Invalid } from '@hub/core';

export const TIP_FILES = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  /** photos and PDFs, recognised by their content */
  types: new Map([
    ['image/jpeg', 'jpg'],
    ['image/png', 'png'],
    ['image/webp', 'webp'],
    ['image/heic', 'heic'],
    ['application/pdf', 'pdf'],
  ]),
} as const;

export interface TipFile {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

export interface TipUpload {
  tip: unknown;
  files: TipFile[];
}

interface RawFile {
  index: number;
  fileName: string;
  content: Buffer;
  truncated: boolean;
}

/** A multipart tip: field `tip` (the JSON body) and up to 5 `files`, each read whole and size-checked. */
export async function readTipUpload(req: IncomingMessage): Promise<TipUpload> {
  const { fields, files } = await readMultipart(req);
  if (fields.tip === undefined) throw Invalid('The form needs a field "tip" with the tip as JSON', [{ field: 'tip', message: '缺少举报内容' }]);
  let tip: unknown;
  try {
    tip = JSON.parse(fields.tip);
  } catch {
    throw Invalid('Field "tip" is not valid JSON', [{ field: 'tip', message: '举报内容格式不正确' }]);
  }
  return { tip, files: await Promise.all(files.map(checkFile)) };
}

async function checkFile(file: RawFile): Promise<TipFile> {
  const field = `files[${file.index}]`;
  if (file.truncated) throw new DomainError('PAYLOAD_TOO_LARGE', `${file.fileName} is over 10 MiB`, 413, [{ field, message: '单个文件不能超过 10 MB' }]);
  if (file.content.length === 0) throw Invalid(`${file.fileName} is empty`, [{ field, message: '文件是空的' }]);
  const type = await fromBuffer(file.content);
  const ext = type ? TIP_FILES.types.get(type.mime) : undefined;
  if (!type || !ext) throw new DomainError('UNSUPPORTED_FILE_TYPE', `${file.fileName} is not a photo or PDF`, 415, [{ field, message: '只能上传照片（JPG、PNG、WebP、HEIC）或 PDF 文件' }]);
  return { fileName: safeFileName(file.fileName, file.index, ext), mimeType: type.mime, content: file.content };
}

/** Keeps a readable name, without paths or control characters, with the extension of what the file is. */
function safeFileName(name: string, index: number, ext: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\.[^.]*$/, '')
    .slice(0, 80)
    .trim();
  return `${base || `附件${index + 1}`}.${ext}`;
}

function readMultipart(req: IncomingMessage): Promise<{ fields: Record<string, string>; files: RawFile[] }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: TIP_FILES.maxFiles, fileSize: TIP_FILES.maxBytes, fields: 5, fieldSize: 1024 * 1024, parts: 20 } });
    } catch (error) {
      reject(new DomainError('BAD_REQUEST', `Unreadable multipart form: ${(error as Error).message}`, 400));
      return;
    }
    const fields: Record<string, string> = {};
    const files: RawFile[] = [];
    const pending: Array<Promise<void>> = [];
    let failure: DomainError | null = null;
    const fail = (error: DomainError) => {
      failure ??= error;
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new DomainError('PAYLOAD_TOO_LARGE', `Field ${name} is over 1 MiB`, 413, [{ field: name, message: '内容过长' }]));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'files') {
        stream.resume();
        fail(Invalid(`Unexpected file field "${name}"`, [{ field: name, message: '文件请放在 files 字段' }]));
        return;
      }
      const index = files.length;
      const chunks: Buffer[] = [];
      const file: RawFile = { index, fileName: info.filename ?? '', content: Buffer.alloc(0), truncated: false };
      files.push(file);
      pending.push(
        new Promise<void>((done) => {
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('limit', () => (file.truncated = true));
          stream.on('close', () => {
            file.content = Buffer.concat(chunks);
            done();
          });
        }),
      );
    });
    parser.on('filesLimit', () => fail(Invalid('At most 5 files', [{ field: 'files', message: `最多上传 ${TIP_FILES.maxFiles} 个文件` }])));
    parser.on('partsLimit', () => fail(Invalid('Too many form parts', [{ field: 'files', message: `最多上传 ${TIP_FILES.maxFiles} 个文件` }])));
    parser.on('fieldsLimit', () => fail(Invalid('Too many form fields', [{ field: 'tip', message: '表单字段过多' }])));
    parser.on('error', (error: Error) => reject(new DomainError('BAD_REQUEST', `Unreadable multipart form: ${error.message}`, 400)));
    parser.on('close', () => {
      Promise.all(pending).then(() => (failure ? reject(failure) : resolve({ fields, files })), reject);
    });
    req.pipe(parser);
  });
}
