import { feed12312Adapter } from './feed-12312.adapter';
import { feed12315Adapter } from './feed-12315.adapter';
import { feed12316Adapter } from './feed-12316.adapter';
import { feed12330Adapter } from './feed-12330.adapter';
import { feed12358Adapter } from './feed-12358.adapter';
import { feed12365Adapter } from './feed-12365.adapter';
import { feed12390Adapter } from './feed-12390.adapter';
import { FeedAdapter, FeedCode } from './feed-record';

export * from './feed-record';
export * from './adapter-support';
export { feed12315Adapter, FEED_12315_MAX_RECORDS } from './feed-12315.adapter';
export { feed12365Adapter } from './feed-12365.adapter';
export { feed12358Adapter, FEED_12358_MAX_ROWS } from './feed-12358.adapter';
export { feed12330Adapter } from './feed-12330.adapter';
export { feed12390Adapter } from './feed-12390.adapter';
export { feed12316Adapter, kindFromSummary } from './feed-12316.adapter';
export { feed12312Adapter } from './feed-12312.adapter';

/** The adapter that reads each feed's request body. */
export const FEED_ADAPTERS: Readonly<Record<FeedCode, FeedAdapter>> = {
  '12315': feed12315Adapter,
  '12365': feed12365Adapter,
  '12358': feed12358Adapter,
  '12330': feed12330Adapter,
  '12390': feed12390Adapter,
  '12316': feed12316Adapter,
  '12312': feed12312Adapter,
};
