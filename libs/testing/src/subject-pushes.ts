/** Feed requests naming one business, as three hotlines send them (12315 JSON, 12330 JSON, 12365 XML). */
export type SubjectFeed = '12315' | '12330' | '12365';

export interface SubjectPushSpec {
  feed: SubjectFeed;
  externalId: string;
  /** when the hotline received it */
  at: Date;
  subject: { name: string; uscc?: string; address?: string };
  /** declared region code */
  region: string;
  product?: string;
  text: string;
}

export interface FeedRequest {
  feed: SubjectFeed;
  body: Buffer;
  contentType: string;
}

/** Beijing wall-clock fields of an instant. */
function beijing(at: Date): { date: string; time: string } {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 19) };
}

export function subjectPush(spec: SubjectPushSpec): FeedRequest {
  const { date, time } = beijing(spec.at);
  const { name, uscc = '', address = '' } = spec.subject;
  if (spec.feed === '12315') {
    const body = { gdbh: spec.externalId, ldsj: `${date} ${time}`, qdly: '电话', sjlx: '投诉', sqr: { xm: '张三', dh: '13912345678' }, bsdx: { mc: name, tyshxydm: uscc, dz: address }, xzqh: spec.region, spmc: spec.product ?? '', sqnr: spec.text };
    return { feed: spec.feed, body: Buffer.from(JSON.stringify(body)), contentType: 'application/json' };
  }
  if (spec.feed === '12330') {
    const body = { caseNo: spec.externalId, receivedAt: `${date}T${time}+08:00`, reportType: 'complaint', ipType: 'TRADEMARK', reporter: { name: '李四', mobile: '13812345678', anonymous: false }, respondent: { name, uscc, address }, region: spec.region, description: spec.text, evidence: [] };
    return { feed: spec.feed, body: Buffer.from(JSON.stringify(body)), contentType: 'application/json' };
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Complaint>
  <SerialNo>${spec.externalId}</SerialNo>
  <AcceptTime>${date.replace(/-/g, '/')} ${time.slice(0, 5)}</AcceptTime>
  <Type>1</Type>
  <Caller Anonymous="N"><Name>王五</Name><Tel>13712345678</Tel></Caller>
  <Enterprise><Name>${name}</Name><CreditCode>${uscc}</CreditCode><Address>${address}</Address></Enterprise>
  <AreaCode>${spec.region}</AreaCode>
  <Product>${spec.product ?? ''}</Product>
  <Content>${spec.text}</Content>
</Complaint>
`;
  return { feed: spec.feed, body: Buffer.from(xml, 'utf8'), contentType: 'application/xml' };
}
