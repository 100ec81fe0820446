import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  checkMediaType,
  decodeStrict,
  isPlainObject,
  isUnreadable,
  knownEncoding,
  parseMediaType,
  RecordReader,
  settleItem,
  TimeFormat,
  unreadable,
  UnreadableResult,
} from './adapter-support';
import { FeedAdapter, FeedInput, FeedItem, FeedReporter, FeedSubject, Kind } from './feed-record';

/** 质检 12365: one <Complaint> XML document per request, GB18030 as its prolog says. */
type XmlNode = Record<string, unknown>;

const ACCEPTED_TYPES = ['application/xml', 'text/xml', '+xml'];
const DEFAULT_ENCODING = 'gb18030';
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const TYPES: Readonly<Record<string, Kind>> = { '1': 'COMPLAINT', '2': 'REPORT', '3': 'CONSULTATION', '4': 'SUGGESTION' };
const ANONYMOUS: Readonly<Record<string, boolean>> = { Y: true, N: false };
const ACCEPT_TIME: TimeFormat = {
  pattern: /^(?<y>\d{4})\/(?<mo>\d{2})\/(?<d>\d{2}) (?<h>\d{2}):(?<mi>\d{2})$/,
  label: 'YYYY/MM/DD HH:mm',
};

/** Entities stay unexpanded (no DOCTYPE is accepted anyway); predefined ones are decoded per value below. */
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
});

export const feed12365Adapter: FeedAdapter = async (input) => {
  const typeProblem = checkMediaType(input.contentType, ACCEPTED_TYPES);
  if (typeProblem) return typeProblem;
  const text = decodeDocument(input);
  if (isUnreadable(text)) return text;
  const complaint = parseComplaint(text);
  if (isUnreadable(complaint)) return complaint;
  return { readable: true, items: [readRecord(complaint)] };
};

/** The prolog decides the encoding; the HTTP header only when the prolog names none. */
function decodeDocument(input: FeedInput): string | UnreadableResult {
  const encoding = prologEncoding(input.body) ?? parseMediaType(input.contentType)?.params.charset ?? DEFAULT_ENCODING;
  if (!knownEncoding(encoding)) return unreadable('BAD_ENCODING', `XML declares unknown encoding "${encoding}"`);
  const decoded = decodeStrict(input.body, encoding);
  return decoded.ok ? decoded.text : unreadable('BAD_ENCODING', decoded.message);
}

function prologEncoding(body: Buffer): string | null {
  if (body.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8';
  const head = body.subarray(0, 256).toString('latin1');
  return /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? null;
}

function parseComplaint(text: string): XmlNode | UnreadableResult {
  if (/<!DOCTYPE/i.test(text)) {
    return unreadable('DOCTYPE_FORBIDDEN', 'XML contains a <!DOCTYPE> declaration, which is refused (the feed never sends one)');
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    const where = `line ${line}${col ? `, column ${col}` : ''}`;
    return unreadable('MALFORMED_XML', `XML is not well-formed at ${where}: ${msg.replace(/\.$/, '')}`);
  }
  const document = PARSER.parse(text) as XmlNode;
  const roots = Object.keys(document);
  if (roots.length !== 1 || Array.isArray(document[roots[0]])) {
    return unreadable('MALFORMED_XML', `XML is not well-formed: expected one root element, found ${rootList(document)}`);
  }
  if (roots[0] !== 'Complaint') {
    return unreadable('UNEXPECTED_STRUCTURE', `root element is <${roots[0]}>; expected <Complaint>`);
  }
  const complaint = document.Complaint;
  return isPlainObject(complaint) ? complaint : {};
}

function rootList(document: XmlNode): string {
  const names = Object.entries(document).flatMap(([name, node]) =>
    Array.isArray(node) ? node.map(() => `<${name}>`) : [`<${name}>`],
  );
  return names.length === 0 ? 'none' : names.join(', ');
}

function readRecord(complaint: XmlNode): FeedItem {
  const r = new RecordReader();
  const externalId = r.required(elementText(r, complaint, 'SerialNo'), 'SerialNo');
  const receivedAt = r.localTime(r.required(elementText(r, complaint, 'AcceptTime'), 'AcceptTime'), 'AcceptTime', ACCEPT_TIME);
  const kind = r.choice(r.required(elementText(r, complaint, 'Type'), 'Type'), 'Type', TYPES);
  const description = r.required(elementText(r, complaint, 'Content'), 'Content');
  const reporter = readCaller(r, childElement(r, complaint, 'Caller', 'Caller'));
  const subject = readEnterprise(r, childElement(r, complaint, 'Enterprise', 'Enterprise'));
  const declaredRegionCode = r.regionCode(elementText(r, complaint, 'AreaCode'), 'AreaCode');
  const productName = elementText(r, complaint, 'Product');
  return settleItem(
    0,
    r,
    { externalId, receivedAt, kind, description },
    (core) => ({ ...core, channel: 'PHONE', reporter, subject, declaredRegionCode, productName }),
    'Content',
  );
}

function readCaller(r: RecordReader, caller: XmlNode): FeedReporter {
  const flag = r.text(attributeText(caller, '@Anonymous'), 'Caller/@Anonymous');
  return {
    anonymous: r.choice(flag, 'Caller/@Anonymous', ANONYMOUS) ?? false,
    name: elementText(r, caller, 'Name', 'Caller/Name'),
    phone: elementText(r, caller, 'Tel', 'Caller/Tel'),
    idNumber: null,
    email: null,
  };
}

function readEnterprise(r: RecordReader, enterprise: XmlNode): FeedSubject {
  return {
    name: elementText(r, enterprise, 'Name', 'Enterprise/Name'),
    uscc: elementText(r, enterprise, 'CreditCode', 'Enterprise/CreditCode'),
    address: elementText(r, enterprise, 'Address', 'Enterprise/Address'),
  };
}

/** A container element; absent or empty reads as no children. */
function childElement(r: RecordReader, parent: XmlNode, name: string, field: string): XmlNode {
  const node = parent[name];
  if (isPlainObject(node)) return node;
  if (Array.isArray(node)) r.fail(field, `appears ${node.length} times; expected once`);
  else if (node !== undefined && node !== '') r.fail(field, 'must contain elements, not text');
  return {};
}

function elementText(r: RecordReader, parent: XmlNode, name: string, field = name): string | null {
  const node = parent[name];
  if (node === undefined) return null;
  if (Array.isArray(node)) return r.fail(field, `appears ${node.length} times; expected once`);
  if (typeof node === 'string') return r.text(decodeEntities(node), field);
  if (!isPlainObject(node)) return null;
  if (Object.keys(node).some((key) => !key.startsWith('@') && key !== '#text' && key !== '#cdata')) {
    return r.fail(field, 'must be text, but has child elements');
  }
  const cdata = [node['#cdata'] ?? []].flat().join('');
  return r.text(decodeEntities(String(node['#text'] ?? '')) + cdata, field);
}

function attributeText(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  return typeof value === 'string' ? decodeEntities(value) : undefined;
}

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (!ref.startsWith('#')) return PREDEFINED_ENTITIES[ref];
    const codePoint = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}
