import type { FeedCode } from './adapters/feed-record';

const MIB = 1024 * 1024;

/** Request size limits per feed (contracts.md). */
export const FEED_BODY_LIMITS: Record<FeedCode, number> = {
  '12365': 1 * MIB,
  '12316': 1 * MIB,
  '12312': 1 * MIB,
  '12315': 20 * MIB,
  '12358': 20 * MIB,
  '12330': 64 * MIB,
  '12390': 64 * MIB,
};
