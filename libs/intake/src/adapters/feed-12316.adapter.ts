import { isPlausibleInstant, isUnreadable, parseJsonBody, RecordReader, settleItem, singleJsonObject } from './adapter-support';
import { FeedAdapter, FeedItem, Kind } from './feed-record';

/** 农业 12316: one call record from the call centre's CTI system per request, snake_case JSON. */
export const feed12316Adapter: FeedAdapter = async (input) => {
  const record = singleJsonObject(parseJsonBody(input));
  if (isUnreadable(record)) return record;
  return { readable: true, items: [readRecord(record)] };
};

function readRecord(raw: Record<string, unknown>): FeedItem {
  const r = new RecordReader();
  const externalId = r.requiredText(raw.call_id, 'call_id');
  const receivedAt = unixTime(r, raw.start_time, 'start_time', true);
  const endTime = unixTime(r, raw.end_time, 'end_time', false);
  if (receivedAt && endTime && endTime < receivedAt) r.fail('end_time', 'is before start_time');
  const description = r.requiredText(raw.summary, 'summary');
  const phone = r.text(raw.caller_number, 'caller_number');
  const extras = {
    ivrPath: r.text(raw.ivr_path, 'ivr_path'),
    agentId: r.text(raw.agent_id, 'agent_id'),
    endTime: endTime?.toISOString() ?? null,
    recordingUrl: r.text(raw.recording_url, 'recording_url'),
    transcript: r.array(raw.transcript, 'transcript'),
  };
  return settleItem(
    0,
    r,
    { externalId, receivedAt, description },
    (core) => ({
      ...core,
      kind: kindFromSummary(core.description),
      kindSource: 'TEXT',
      channel: 'PHONE',
      reporter: { anonymous: false, phone },
      extras,
    }),
    'summary',
  );
}

/** The CTI has no kind field; the classifier refines this first reading of the agent's words. */
export function kindFromSummary(summary: string): Kind {
  if (summary.includes('举报')) return 'REPORT';
  if (summary.includes('咨询')) return 'CONSULTATION';
  return 'COMPLAINT';
}

/** Unix seconds, as a number or a string of digits. */
function unixTime(r: RecordReader, value: unknown, field: string, required: boolean): Date | null {
  const text = required ? r.requiredText(value, field) : r.text(value, field);
  if (text === null) return null;
  if (!/^\d+(\.\d+)?$/.test(text)) return r.fail(field, `"${text}" is not a Unix time in seconds`);
  const date = new Date(Math.round(Number(text) * 1000));
  if (isPlausibleInstant(date)) return date;
  const hint = Number(text) > 1e11 ? ' (milliseconds instead of seconds?)' : '';
  return r.fail(field, `${text} is not a plausible Unix time in seconds${hint}`);
}
