/**
 * What every feed adapter produces: one record in the hotline's terms, already
 * decoded to text but not yet normalised (phones, region, check digits happen
 * in the normaliser, which is shared by all feeds).
 */
import type { Channel, FeedCode, Kind } from '@hub/tickets/ticket-vocabulary';

export { CHANNELS, FEEDS, KINDS } from '@hub/tickets/ticket-vocabulary';
export type { Channel, FeedCode, Kind, TicketFeed } from '@hub/tickets/ticket-vocabulary';

export interface FeedReporter {
  anonymous: boolean;
  name: string | null;
  /** the number exactly as the feed gave it */
  phone: string | null;
  idNumber: string | null;
  email: string | null;
}

export interface FeedSubject {
  name: string | null;
  uscc: string | null;
  address: string | null;
}

export interface FeedAttachment {
  fileName: string;
  mimeType: string | null;
  /** decoded bytes, for feeds that carry the file itself */
  content: Buffer | null;
  /** reference, for feeds that send links */
  url: string | null;
}

export interface FeedRecord {
  externalId: string;
  receivedAt: Date;
  kind: Kind;
  /** FEED: the feed declared it; TEXT: read from words at intake (12316) */
  kindSource: 'FEED' | 'TEXT';
  channel: Channel;
  reporter: FeedReporter;
  subject: FeedSubject;
  /** a region code as declared (6 digits; 12312's 4-digit code already widened) */
  declaredRegionCode: string | null;
  /** a place name where the conduct happened (12358 所在地区) */
  placeName: string | null;
  productName: string | null;
  description: string;
  attachments: FeedAttachment[];
  /** Message-IDs this record replies to (12390 In-Reply-To / References) */
  replyTo: string[];
  /** feed-specific extras kept with the ticket: hints (ipType, ivr_path), transcript, recording, mail subject */
  extras: Record<string, unknown>;
}

export interface FieldError {
  field: string;
  message: string;
}

/** One record of a request: either parsed or rejected with the fields named. */
export type FeedItem =
  | { index: number; externalId: string; record: FeedRecord; errors?: undefined }
  | { index: number; externalId: string | null; record?: undefined; errors: FieldError[] };

export type FeedParseResult =
  | { readable: true; items: FeedItem[] }
  | { readable: false; code: UnreadableCode; message: string };

export type UnreadableCode =
  | 'MALFORMED_JSON'
  | 'MALFORMED_XML'
  | 'MALFORMED_CSV'
  | 'MALFORMED_MIME'
  | 'MALFORMED_FORM'
  | 'BAD_ENCODING'
  | 'UNSUPPORTED_CONTENT_TYPE'
  | 'UNEXPECTED_STRUCTURE'
  | 'DOCTYPE_FORBIDDEN';

export interface FeedInput {
  body: Buffer;
  contentType: string | null;
}

export type FeedAdapter = (input: FeedInput) => Promise<FeedParseResult>;

/** Limits shared by the attachment-carrying feeds (12330, 12390). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_MAX_PER_RECORD = 5;
/** A record whose text fields together exceed this is rejected. */
export const RECORD_TEXT_MAX_BYTES = 1024 * 1024;
