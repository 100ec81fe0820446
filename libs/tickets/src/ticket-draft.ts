import type { Channel, Kind, TicketFeed } from './ticket-vocabulary';

export interface AttachmentDraft {
  fileName: string;
  mimeType: string | null;
  content: Buffer | null;
  url: string | null;
}

export interface ReporterDraft {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  phoneE164: string | null;
  idNumber: string | null;
  idNumberValid: boolean | null;
  email: string | null;
}

/** A record normalised to the canonical ticket (contracts.md), ready to store. */
export interface TicketDraft {
  feed: TicketFeed;
  externalId: string;
  kind: Kind;
  kindSource: 'FEED' | 'TEXT';
  channel: Channel;
  receivedAt: Date;
  reporter: ReporterDraft;
  subject: { name: string | null; nameNorm: string | null; uscc: string | null; usccValid: boolean | null; address: string | null };
  regionCode: string;
  countyCode: string | null;
  regionSource: string;
  productName: string | null;
  description: string;
  extras: Record<string, unknown>;
  attachments: AttachmentDraft[];
  replyTo: string[];
  /** identifies the record's content: an identical resend has the same hash */
  contentHash: string;
}
