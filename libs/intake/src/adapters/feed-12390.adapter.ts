import { Attachment, ParsedMail, simpleParser } from 'mailparser';
import {
  attachmentProblem,
  BEIJING_OFFSET_MINUTES,
  checkAttachmentCount,
  checkMediaType,
  instantOf,
  isUnreadable,
  normaliseMimeType,
  RecordReader,
  settleItem,
  unreadable,
  UnreadableResult,
} from './adapter-support';
import { FeedAdapter, FeedAttachment, FeedItem, FeedReporter, FeedSubject, Kind } from './feed-record';

/** 版权 12390: the hotline's mailbox forwards each mail as it arrived (message/rfc822). */
const ACCEPTED_TYPES = ['message/rfc822', 'text/plain', 'application/octet-stream'];
const KIND_TAGS: Readonly<Record<string, Kind>> = { 举报: 'REPORT', 投诉: 'COMPLAINT', 咨询: 'CONSULTATION', 建议: 'SUGGESTION' };
/** 【12390举报】, also with ASCII brackets, anywhere in the subject (forwards prefix "Fwd:"). */
const SUBJECT_TAG = /[【[]\s*12390\s*([^】\]\s]+)\s*[】\]]/;
const LABELS = ['被举报单位', '地址', '联系电话', '举报人', '是否匿名'] as const;
type Label = (typeof LABELS)[number];
const LABELLED_LINE = new RegExp(`^\\s*(${LABELS.join('|')})\\s*[：:]\\s*(.*?)\\s*$`);
const ANONYMOUS_ANSWERS: Readonly<Record<string, boolean>> = { 是: true, 否: false };
/** The mailbox's own trailer, e.g. （本邮件由12390版权举报热线邮箱自动转发）. */
const FORWARDING_FOOTER = /^[（(]\s*本邮件由[^（）()]*转发\s*[）)]$/;
const BODY_FIELD = 'body';

export const feed12390Adapter: FeedAdapter = async (input) => {
  const typeProblem = checkMediaType(input.contentType, ACCEPTED_TYPES);
  if (typeProblem) return typeProblem;
  const mail = await parseMail(input.body);
  if (isUnreadable(mail)) return mail;
  return { readable: true, items: [readRecord(mail)] };
};

async function parseMail(body: Buffer): Promise<ParsedMail | UnreadableResult> {
  try {
    const mail = await simpleParser(body, { skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
    // mailparser keeps lines that are not "Name: value" as headers with an empty key
    if (mail.headerLines.some((header) => header.key !== '')) return mail;
    return unreadable('MALFORMED_MIME', 'body is not an e-mail: it has no header lines');
  } catch (error) {
    return unreadable('MALFORMED_MIME', `e-mail cannot be read: ${(error as Error).message}`);
  }
}

function readRecord(mail: ParsedMail): FeedItem {
  const r = new RecordReader();
  const externalId = r.required(messageIdOf(mail), 'Message-ID');
  const receivedAt = readDate(r, rawHeader(mail, 'date'));
  const mailSubject = r.text(mail.subject, 'Subject');
  const kind = kindOf(r, mailSubject);
  const body = splitBody(mail.text ?? '');
  const description = r.required(r.text(body.description, BODY_FIELD), BODY_FIELD);
  const reporter = readReporter(r, mail, body.labels);
  const subject: Partial<FeedSubject> = {
    name: r.text(body.labels.被举报单位, '被举报单位'),
    address: r.text(body.labels.地址, '地址'),
  };
  const attachments = readAttachments(r, mail.attachments);
  const replyTo = replyIdsOf(mail);
  return settleItem(
    0,
    r,
    { externalId, receivedAt, kind, description },
    (core) => ({ ...core, channel: 'EMAIL', reporter, subject, attachments, replyTo, extras: { mailSubject } }),
    BODY_FIELD,
  );
}

function messageIdOf(mail: ParsedMail): string | null {
  const id = mail.messageId?.trim().replace(/^<(.*)>$/, '$1').trim();
  return id ? id : null;
}

/** mailparser replaces a missing or bad Date with "now", so the header line itself is read. */
function rawHeader(mail: ParsedMail, key: string): string | null {
  const line = mail.headerLines.find((header) => header.key === key)?.line;
  if (line === undefined) return null;
  const value = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
  return value === '' ? null : value;
}

function kindOf(r: RecordReader, mailSubject: string | null): Kind | null {
  const tag = mailSubject === null ? null : SUBJECT_TAG.exec(mailSubject);
  // the hotline's convention: a mail without a tag is a report
  if (!tag) return 'REPORT';
  return r.choice(tag[1], 'Subject', KIND_TAGS);
}

interface MailBody {
  labels: Partial<Record<Label, string>>;
  description: string | null;
}

/** Labelled lines are picked out (the first of each label); the rest, less the forwarding footer, is the description. */
function splitBody(text: string): MailBody {
  const labels: Partial<Record<Label, string>> = {};
  const rest: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const match = LABELLED_LINE.exec(line);
    const label = match?.[1] as Label | undefined;
    if (match && label && labels[label] === undefined) labels[label] = match[2];
    else rest.push(line);
  }
  const description = withoutFooter(rest).join('\n').trim();
  return { labels, description: description === '' ? null : description };
}

function withoutFooter(lines: string[]): string[] {
  const kept = [...lines];
  while (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
  if (kept.length > 0 && FORWARDING_FOOTER.test(kept[kept.length - 1].trim())) kept.pop();
  return kept;
}

function readReporter(r: RecordReader, mail: ParsedMail, labels: MailBody['labels']): Partial<FeedReporter> {
  const from = mail.from?.value[0];
  const answer = r.text(labels.是否匿名, '是否匿名');
  return {
    anonymous: r.choice(answer, '是否匿名', ANONYMOUS_ANSWERS) ?? false,
    name: r.text(labels.举报人, '举报人') ?? r.text(from?.name, 'From'),
    phone: r.text(labels.联系电话, '联系电话'),
    email: r.text(from?.address, 'From'),
  };
}

/** In-Reply-To first, then References; ids without their angle brackets, each once. */
function replyIdsOf(mail: ParsedMail): string[] {
  const headers = [mail.inReplyTo ?? '', ...[mail.references ?? []].flat()].join(' ');
  const ids = [...headers.matchAll(/<([^<>]+)>|([^\s<>]+)/g)].map((m) => (m[1] ?? m[2]).trim());
  return [...new Set(ids.filter((id) => id !== ''))];
}

function readAttachments(r: RecordReader, parts: Attachment[]): FeedAttachment[] {
  if (!checkAttachmentCount(r, parts.length, 'attachments')) return [];
  return parts.flatMap((part, i) => {
    const fileName = part.filename?.trim() || `attachment-${i + 1}`;
    const mimeType = normaliseMimeType(part.contentType);
    const problem = attachmentProblem(part.content, mimeType);
    if (problem === null) return [{ fileName, mimeType, content: part.content, url: null }];
    r.fail(`attachments[${i}]`, `${fileName} ${problem}`);
    return [];
  });
}

/* RFC 5322 date, e.g. "Wed, 14 Oct 2026 00:43:27 +0000"; without a zone it is Beijing time. */
const MAIL_DATE =
  /^(?:[A-Za-z]{3},\s*)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3})\s+(?<y>\d{4})\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s+(?<zone>[+-]\d{4}|[A-Za-z]{1,5}))?\s*(?:\(.*\))?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 5322 zone names, except CST: Chinese mail systems write it for China Standard Time. */
const ZONE_MINUTES: Readonly<Record<string, number>> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, CST: 480,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

function readDate(r: RecordReader, value: string | null): Date | null {
  if (value === null) return r.required(value, 'Date');
  const g = MAIL_DATE.exec(value)?.groups;
  const month = g ? MONTHS.indexOf(g.mon.toLowerCase()) + 1 : 0;
  const offset = zoneMinutes(g?.zone);
  if (!g || month === 0 || offset === null) return r.fail('Date', `"${value}" is not an RFC 5322 date`);
  const clock = { year: Number(g.y), month, day: Number(g.d), hour: Number(g.h), minute: Number(g.mi), second: Number(g.s ?? 0) };
  return instantOf(clock, offset) ?? r.fail('Date', `"${value}" is not a real date and time`);
}

function zoneMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return BEIJING_OFFSET_MINUTES;
  if (!/^[+-]\d{4}$/.test(zone)) return ZONE_MINUTES[zone.toUpperCase()] ?? null;
  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3));
  return zone.startsWith('-') ? -minutes : minutes;
}
