export const FEEDS = ['12315', '12365', '12358', '12330', '12390', '12316', '12312'] as const;
export type FeedCode = (typeof FEEDS)[number];
/** Hotline feeds plus the project's own channels: operator entry and the public portal. */
export type TicketFeed = FeedCode | 'OPERATOR' | 'WEB';

export const KINDS = ['COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] as const;
export type Kind = (typeof KINDS)[number];

export const CHANNELS = ['PHONE', 'WEB', 'WECHAT', 'APP', 'EMAIL', 'BATCH', 'OPERATOR'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REGION_SOURCES = ['CODE', 'PLACE_NAME', 'ADDRESS', 'TEXT', 'AREA_CODE', 'DEFAULT'] as const;
export type RegionSource = (typeof REGION_SOURCES)[number];
