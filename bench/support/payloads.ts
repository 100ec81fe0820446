import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { csvUpload } from '@hub/intake/csv-upload';
import { ROOT } from './bench-env';

interface LabelledRecord {
  id: string;
  feed: string;
  kind: string;
  text: string;
  subjectName: string | null;
  address: string | null;
  expected: { region: string };
}

/** The 200 labelled complaints shipped with the classifier: real wording, places and products. */
export const LABELLED: LabelledRecord[] = readFileSync(join(ROOT, 'libs', 'routing', 'data', 'routing-labelled.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as LabelledRecord);

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华'];
const SJLX = ['投诉', '投诉', '投诉', '举报', '咨询'];
const QDLY = ['电话', '网站', '微信', 'APP'];
const USCC = ['9122010192U5449G34', '9122030197MAB44W99', '91220101MA0Y3K2X1A', null];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function beijingStamp(at: Date, sep = '-'): string {
  const b = new Date(at.getTime() + 8 * 3600 * 1000).toISOString();
  return `${b.slice(0, 10).replace(/-/g, sep)} ${b.slice(11, 19)}`;
}

/** One 12315 record as the feed sends it, unique by `tag` and `n`. */
export function record12315(tag: string, n: number): Record<string, unknown> {
  const source = pick(LABELLED, n * 7 + 3);
  const anonymous = n % 11 === 0;
  return {
    gdbh: `12315-${tag}-${pad(n, 7)}`,
    ldsj: beijingStamp(new Date()),
    qdly: pick(QDLY, n),
    sjlx: pick(SJLX, n),
    sqr: anonymous ? { dh: `139${pad((n * 7919) % 1e8, 8)}`, nm: true } : { xm: pick(SURNAMES, n) + pick(GIVEN, n >> 3), dh: `139${pad((n * 7919) % 1e8, 8)}`, sfzh: '220102198001011234', nm: false },
    bsdx: { mc: source.subjectName ?? '', tyshxydm: pick(USCC, n) ?? '', dz: source.address ?? '' },
    ...(n % 3 === 0 ? {} : { xzqh: source.expected.region }),
    sqnr: source.text,
  };
}

/** A 12358 GBK CSV of `rows` rows in the feed's multipart upload. */
export function csv12358(tag: string, rows: number): { body: Buffer; contentType: string } {
  const lines = ['受理编号,受理日期,受理时间,举报人,联系电话,被举报单位,所在地区,举报内容,类别'];
  const now = new Date(Date.now() + 8 * 3600 * 1000).toISOString();
  const date = now.slice(0, 10).replace(/-/g, '');
  const time = now.slice(11, 13) + now.slice(14, 16);
  for (let n = 0; n < rows; n++) {
    const source = pick(LABELLED, n * 13 + 5);
    const text = source.text.replace(/[",\r\n]/g, '，');
    lines.push([`JG${tag}${pad(n, 6)}`, date, time, pick(SURNAMES, n) + pick(GIVEN, n >> 2), `139${pad((n * 104729) % 1e8, 8)}`, (source.subjectName ?? '').replace(/,/g, ''), (source.address ?? '').replace(/,/g, ''), text, pick(['价格投诉', '价格举报', '价格咨询'], n)].join(','));
  }
  return csvUpload(iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
}
