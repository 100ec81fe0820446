import {
  attachmentProblem,
  checkAttachmentCount,
  decodeBase64Strict,
  isUnreadable,
  normaliseMimeType,
  parseJsonBody,
  RecordReader,
  settleItem,
  singleJsonObject,
} from './adapter-support';
import { FeedAdapter, FeedAttachment, FeedItem, FeedReporter, FeedSubject, Kind } from './feed-record';

/** 知识产权 12330: one camelCase JSON record per request, evidence files inline as base64. */
const KINDS: Readonly<Record<string, Kind>> = {
  complaint: 'COMPLAINT',
  report: 'REPORT',
  consult: 'CONSULTATION',
  suggest: 'SUGGESTION',
};
const IP_TYPES = ['PATENT', 'TRADEMARK', 'GI', 'OTHER'];

export const feed12330Adapter: FeedAdapter = async (input) => {
  const record = singleJsonObject(parseJsonBody(input));
  if (isUnreadable(record)) return record;
  return { readable: true, items: [readRecord(record)] };
};

function readRecord(raw: Record<string, unknown>): FeedItem {
  const r = new RecordReader();
  const externalId = r.requiredText(raw.caseNo, 'caseNo');
  const receivedAt = r.isoTime(r.requiredText(raw.receivedAt, 'receivedAt'), 'receivedAt');
  const kind = r.choice(r.requiredText(raw.reportType, 'reportType')?.toLowerCase() ?? null, 'reportType', KINDS);
  const description = r.requiredText(raw.description, 'description');
  const reporter = readReporter(r, raw.reporter);
  const subject = readRespondent(r, raw.respondent);
  const declaredRegionCode = r.regionCode(r.text(raw.region, 'region'), 'region');
  const attachments = readEvidence(r, raw.evidence);
  const extras = ipTypeExtras(r.text(raw.ipType, 'ipType'));
  return settleItem(
    0,
    r,
    { externalId, receivedAt, kind, description },
    (core) => ({ ...core, channel: 'WEB', reporter, subject, declaredRegionCode, attachments, extras }),
    'description',
  );
}

function readReporter(r: RecordReader, value: unknown): FeedReporter {
  const reporter = r.object(value, 'reporter') ?? {};
  return {
    anonymous: r.flag(reporter.anonymous, 'reporter.anonymous') ?? false,
    name: r.text(reporter.name, 'reporter.name'),
    phone: r.text(reporter.mobile, 'reporter.mobile'),
    idNumber: null,
    email: r.text(reporter.email, 'reporter.email'),
  };
}

function readRespondent(r: RecordReader, value: unknown): FeedSubject {
  const respondent = r.object(value, 'respondent') ?? {};
  return {
    name: r.text(respondent.name, 'respondent.name'),
    uscc: r.text(respondent.uscc, 'respondent.uscc'),
    address: r.text(respondent.address, 'respondent.address'),
  };
}

/** The hotline's own guess, kept as a hint; an unknown guess is kept raw rather than rejecting the record. */
function ipTypeExtras(ipType: string | null): Record<string, unknown> {
  const hint = ipType?.toUpperCase() ?? null;
  if (hint === null || IP_TYPES.includes(hint)) return { ipTypeHint: hint };
  return { ipTypeHint: null, ipTypeRaw: ipType };
}

function readEvidence(r: RecordReader, value: unknown): FeedAttachment[] {
  const list = r.array(value, 'evidence') ?? [];
  if (!checkAttachmentCount(r, list.filter((item) => item !== null).length, 'evidence')) return [];
  return list.flatMap((item, i) => {
    const file = readEvidenceFile(r, item, `evidence[${i}]`, i);
    return file ? [file] : [];
  });
}

function readEvidenceFile(r: RecordReader, item: unknown, field: string, i: number): FeedAttachment | null {
  const evidence = r.object(item, field);
  if (evidence === null) return null;
  const fileName = r.text(evidence.fileName, `${field}.fileName`) ?? `evidence-${i + 1}`;
  const mimeType = normaliseMimeType(r.text(evidence.mimeType, `${field}.mimeType`));
  const base64 = r.requiredText(evidence.contentBase64, `${field}.contentBase64`);
  if (base64 === null) return null;
  const decoded = decodeBase64Strict(base64);
  if (!decoded.ok && decoded.tooLarge) return r.fail(field, `${fileName} ${decoded.message}`);
  if (!decoded.ok) return r.fail(`${field}.contentBase64`, decoded.message);
  const problem = attachmentProblem(decoded.content, mimeType);
  if (problem) return r.fail(field, `${fileName} ${problem}`);
  return { fileName, mimeType, content: decoded.content, url: null };
}
