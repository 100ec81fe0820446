export { CHANNELS, FEEDS, KINDS, REGION_SOURCES, TICKET_FEEDS } from '@hub/contracts';
export type { Channel, FeedCode, Kind, RegionSource, TicketFeed } from '@hub/contracts';
