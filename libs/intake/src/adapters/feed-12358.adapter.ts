import busboy from 'busboy';
import { parse } from 'csv-parse/sync';
import {
  decodeStrict,
  isUnreadable,
  parseMediaType,
  RECORD_FIELD,
  RecordReader,
  settleItem,
  TimeFormat,
  unreadable,
  UnreadableResult,
} from './adapter-support';
import { FeedAdapter, FeedInput, FeedItem, FeedReporter, Kind } from './feed-record';

/** 物价 12358: a GBK CSV batch uploaded as multipart/form-data, field `file`. */
export const FEED_12358_MAX_ROWS = 10_000;

const COLUMNS = ['受理编号', '受理日期', '受理时间', '举报人', '联系电话', '被举报单位', '所在地区', '举报内容', '类别'] as const;
type Column = (typeof COLUMNS)[number];
type ColumnIndex = ReadonlyMap<Column, number>;

const KINDS: Readonly<Record<string, Kind>> = {
  价格投诉: 'COMPLAINT',
  价格举报: 'REPORT',
  价格咨询: 'CONSULTATION',
  价格建议: 'SUGGESTION',
};
const ANONYMOUS_NAME = '匿名';
const ACCEPT_DATE: TimeFormat = { pattern: /^(?<y>\d{4})(?<mo>\d{2})(?<d>\d{2})$/, label: 'YYYYMMDD' };
/** Spreadsheets drop the leading zero of 0930, so three digits are read as H:mm. */
const ACCEPT_TIME = /^(?<h>\d{1,2})(?<mi>\d{2})$/;
/** Lenient: the file may also arrive as the body itself. */
const CSV_BODY_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream'];
const FILE_FIELD = 'file';
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** A file sent as a plain form field must not be cut short by busboy's 1 MB default. */
const FIELD_SIZE_LIMIT = 64 * 1024 * 1024;

export const feed12358Adapter: FeedAdapter = async (input) => {
  const file = await csvFileOf(input);
  if (isUnreadable(file)) return file;
  const table = readTable(file);
  if (isUnreadable(table)) return table;
  const items = table.rows.flatMap((row, i) => (isBlankRow(row) ? [] : [readRow(row, i + 1, table)]));
  return { readable: true, items };
};

async function csvFileOf(input: FeedInput): Promise<Buffer | UnreadableResult> {
  const media = parseMediaType(input.contentType);
  if (media === null || CSV_BODY_TYPES.includes(media.type)) return input.body;
  if (media.type !== 'multipart/form-data') {
    return unreadable('UNSUPPORTED_CONTENT_TYPE', `content type "${media.type}" is not accepted here; expected multipart/form-data`);
  }
  const files = await multipartFiles(input.body, input.contentType as string);
  if (isUnreadable(files)) return files;
  if (files.length !== 1) {
    return unreadable('UNEXPECTED_STRUCTURE', `multipart body has ${files.length} parts named "${FILE_FIELD}"; expected exactly one`);
  }
  return files[0];
}

function multipartFiles(body: Buffer, contentType: string): Promise<Buffer[] | UnreadableResult> {
  return new Promise((resolve) => {
    const fail = (error: Error) => resolve(unreadable('MALFORMED_MIME', `multipart body cannot be read: ${error.message}`));
    let form: busboy.Busboy;
    try {
      // latin1 keeps a file sent as a plain field byte-for-byte, so it can still be decoded as GBK
      form = busboy({ headers: { 'content-type': contentType }, defCharset: 'latin1', limits: { fieldSize: FIELD_SIZE_LIMIT } });
    } catch (error) {
      return fail(error as Error);
    }
    const files: Buffer[] = [];
    form.on('file', (name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', fail);
      stream.on('end', () => {
        if (name === FILE_FIELD) files.push(Buffer.concat(chunks));
      });
    });
    form.on('field', (name, value) => {
      if (name === FILE_FIELD) files.push(Buffer.from(value, 'latin1'));
    });
    form.on('error', fail);
    form.on('close', () => resolve(files));
    form.end(body);
  });
}

interface Table {
  columns: ColumnIndex;
  width: number;
  rows: string[][];
}

function readTable(file: Buffer): Table | UnreadableResult {
  const encoding = file.subarray(0, 3).equals(UTF8_BOM) ? 'utf-8' : 'gbk';
  const decoded = decodeStrict(file, encoding, 'file');
  if (!decoded.ok) return unreadable('BAD_ENCODING', decoded.message);
  const records = parseCsv(decoded.text);
  if (isUnreadable(records)) return records;
  if (records.length === 0) return unreadable('UNEXPECTED_STRUCTURE', 'CSV file is empty; expected the header row');
  const [header, ...rows] = records;
  const columns = columnIndex(header);
  if (isUnreadable(columns)) return columns;
  if (rows.length > FEED_12358_MAX_ROWS) {
    return unreadable('UNEXPECTED_STRUCTURE', `CSV has ${rows.length} data rows; at most ${FEED_12358_MAX_ROWS} are allowed in one file`);
  }
  return { columns, width: header.length, rows };
}

function parseCsv(text: string): string[][] | UnreadableResult {
  try {
    return parse(text, { bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    return unreadable('MALFORMED_CSV', `CSV is not well-formed: ${(error as Error).message}`);
  }
}

function columnIndex(header: string[]): ColumnIndex | UnreadableResult {
  const names = header.map((name) => name.trim());
  const duplicated = names.filter((name, i) => name !== '' && names.indexOf(name) !== i);
  if (duplicated.length > 0) {
    return unreadable('UNEXPECTED_STRUCTURE', `CSV header repeats column ${[...new Set(duplicated)].join(', ')}`);
  }
  const missing = COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return unreadable('UNEXPECTED_STRUCTURE', `CSV header lacks column ${missing.join(', ')}; found ${names.join(',')}`);
  }
  return new Map(COLUMNS.map((column) => [column, names.indexOf(column)]));
}

/** Spreadsheet exports end with rows of bare commas; they carry nothing to answer. */
function isBlankRow(row: string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function readRow(row: string[], index: number, table: Table): FeedItem {
  const r = new RecordReader();
  const cell = (column: Column) => r.text(row[table.columns.get(column) as number], column);
  if (row.length !== table.width) r.fail(RECORD_FIELD, `row has ${row.length} columns; the header has ${table.width}`);
  const externalId = r.required(cell('受理编号'), '受理编号');
  const receivedAt = readAcceptTime(r, cell('受理日期'), cell('受理时间'));
  const kind = r.choice(r.required(cell('类别'), '类别'), '类别', KINDS);
  const description = r.required(cell('举报内容'), '举报内容');
  const reporter = readReporter(cell('举报人'), cell('联系电话'));
  const subject = { name: cell('被举报单位') };
  const placeName = cell('所在地区');
  return settleItem(
    index,
    r,
    { externalId, receivedAt, kind, description },
    (core) => ({ ...core, channel: 'BATCH', reporter, subject, placeName }),
    '举报内容',
  );
}

function readAcceptTime(r: RecordReader, date: string | null, time: string | null): Date | null {
  const midnight = r.localTime(r.required(date, '受理日期'), '受理日期', ACCEPT_DATE);
  const minutes = minutesOfDay(r, r.required(time, '受理时间'));
  return midnight === null || minutes === null ? null : new Date(midnight.getTime() + minutes * 60_000);
}

function minutesOfDay(r: RecordReader, time: string | null): number | null {
  if (time === null) return null;
  const g = ACCEPT_TIME.exec(time)?.groups;
  if (!g) return r.fail('受理时间', `"${time}" does not match HHmm (Beijing time)`);
  const hour = Number(g.h);
  const minute = Number(g.mi);
  if (hour > 23 || minute > 59) return r.fail('受理时间', `"${time}" is not a real time of day`);
  return hour * 60 + minute;
}

function readReporter(name: string | null, phone: string | null): Partial<FeedReporter> {
  const anonymous = name === null || name === ANONYMOUS_NAME;
  return { anonymous, name: anonymous ? null : name, phone };
}
