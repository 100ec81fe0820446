import { Injectable, Logger } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Readable } from 'node:stream';
import getRawBody from 'raw-body';
import { AppConfig, DomainError, isDependencyDown, loggableError } from '@hub/core';
import { FEED_ADAPTERS } from './adapters';
import { FEEDS, FeedCode, FeedItem, FeedParseResult } from './adapters/feed-record';
import { FEED_BODY_LIMITS } from './intake-limits';
import { IntakeCommitter, IntakeUnit } from './intake-committer';
import type { IntakeOutcome, RejectedEntry } from './intake-response';
import { normaliseRecord } from './normalise/normalise-record';
import { RawRecordsService } from './raw/raw-records.service';

export interface IntakeRequest {
  feed: string;
  feedKey: string | undefined;
  contentType: string | null;
  contentLength: number | null;
  body: Readable;
  requestId: string;
}

/**
 * The way in for all seven hotlines: key and size checks, the raw bytes committed,
 * then the feed's adapter, normalisation and one transaction for the tickets.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('Intake');

  constructor(
    private readonly config: AppConfig,
    private readonly raws: RawRecordsService,
    private readonly committer: IntakeCommitter,
  ) {}

  async receive(request: IntakeRequest): Promise<IntakeOutcome> {
    const feed = this.knownFeed(request.feed);
    this.checkKey(feed, request);
    const body = await this.readBody(feed, request);
    const rawId = await this.raws.store({ feed, contentType: request.contentType, body, requestId: request.requestId });
    return this.parseAndStore(rawId, feed, body, request.contentType);
  }

  /**
   * Parses a stored raw record and stores its tickets; also used to re-run one. Whatever fails
   * after the raw commit leaves the record UNREADABLE with the reason, never RECEIVED.
   */
  async parseAndStore(rawId: string, feed: FeedCode, body: Buffer, contentType: string | null): Promise<IntakeOutcome> {
    try {
      return await this.readAndStore(rawId, feed, body, contentType);
    } catch (error) {
      throw await this.settleFailure(rawId, feed, error);
    }
  }

  private async settleFailure(rawId: string, feed: FeedCode, error: unknown): Promise<unknown> {
    if (error instanceof DomainError || isDependencyDown(error)) return error;
    this.logger.error({ err: loggableError(error), feed, rawId }, 'intake processing failed');
    const reason = `The ${feed} request was read but could not be stored (${errorKind(error)}); it is kept for a re-run`;
    await this.raws.markUnreadable(rawId, 'PROCESSING_FAILED', reason);
    return new DomainError('PROCESSING_FAILED', reason, 422, [], {}, { rawId });
  }

  private async readAndStore(rawId: string, feed: FeedCode, body: Buffer, contentType: string | null): Promise<IntakeOutcome> {
    const parsed = await this.parse(feed, body, contentType);
    if (!parsed.readable) {
      await this.raws.markUnreadable(rawId, parsed.code, parsed.message);
      const status = parsed.code === 'UNSUPPORTED_CONTENT_TYPE' ? 415 : 400;
      throw new DomainError(parsed.code, parsed.message, status, [], {}, { rawId });
    }
    const outcome = await this.storeItems(rawId, feed, parsed.items);
    if (outcome.accepted.length === 0) {
      throw new DomainError('NO_ACCEPTABLE_RECORD', describeRejections(outcome.rejected), 422, rejectionDetails(outcome.rejected), {}, { ...outcome });
    }
    return outcome;
  }

  private knownFeed(feed: string): FeedCode {
    if (!(FEEDS as readonly string[]).includes(feed)) throw new DomainError('NOT_FOUND', `Unknown feed ${feed}`, 404);
    return feed as FeedCode;
  }

  private checkKey(feed: FeedCode, request: IntakeRequest): void {
    const expected = this.config.feedKey(feed);
    if (expected && request.feedKey && safeEqual(request.feedKey, expected)) return;
    this.refuse(feed, request, 'bad or missing feed key');
    throw new DomainError('FEED_KEY_INVALID', `Missing or wrong X-Feed-Key for feed ${feed}`, 401);
  }

  private async readBody(feed: FeedCode, request: IntakeRequest): Promise<Buffer> {
    const limit = FEED_BODY_LIMITS[feed];
    const tooLarge = () => {
      this.refuse(feed, request, `body over ${limit} bytes`);
      return new DomainError('PAYLOAD_TOO_LARGE', `Feed ${feed} accepts at most ${limit} bytes per request`, 413);
    };
    if (request.contentLength !== null && request.contentLength > limit) throw tooLarge();
    try {
      return await getRawBody(request.body, { limit, length: request.contentLength ?? undefined });
    } catch (error) {
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') throw tooLarge();
      throw new DomainError('BODY_INCOMPLETE', `Request body could not be read: ${(error as Error).message}`, 400);
    }
  }

  /** Refused requests keep only a log line, never their body. */
  private refuse(feed: FeedCode, request: IntakeRequest, reason: string): void {
    this.logger.warn({ feed, size: request.contentLength, reason, requestId: request.requestId }, 'intake request refused');
  }

  private async parse(feed: FeedCode, body: Buffer, contentType: string | null): Promise<FeedParseResult> {
    try {
      return await FEED_ADAPTERS[feed]({ body, contentType });
    } catch (error) {
      // an input the adapter cannot cope with is kept for a re-run once the adapter is fixed
      this.logger.error({ err: loggableError(error), feed }, 'feed adapter failed');
      return { readable: false, code: 'UNEXPECTED_STRUCTURE', message: `The ${feed} record could not be read: ${(error as Error).message}` };
    }
  }

  /** Normalises the readable records, then commits them with whatever other requests are arriving (group commit). */
  private async storeItems(rawId: string, feed: FeedCode, items: FeedItem[]): Promise<IntakeOutcome> {
    const unit: IntakeUnit = { rawId, feed, drafts: [], rejected: [] };
    for (const item of items) {
      if (item.record) unit.drafts.push({ index: item.index, externalId: item.externalId as string, draft: normaliseRecord(feed, item.record) });
      else unit.rejected.push({ index: item.index, externalId: item.externalId, errors: item.errors });
    }
    return this.committer.commit(unit);
  }
}

/** A short, parameter-free name of what went wrong (a PostgreSQL error code, an error class). */
function errorKind(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown };
  return typeof e.code === 'string' ? `database error ${e.code}` : typeof e.name === 'string' ? e.name : 'unexpected error';
}

function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function describeRejections(rejected: RejectedEntry[]): string {
  const first = rejected[0];
  if (!first) return 'The request holds no record';
  const detail = first.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return rejected.length === 1 ? `The record was rejected: ${detail}` : `All ${rejected.length} records were rejected; #${first.index}: ${detail}`;
}

function rejectionDetails(rejected: RejectedEntry[]) {
  const single = rejected.length === 1;
  return rejected
    .flatMap((r) => r.errors.map((e) => ({ field: single ? e.field : `[${r.index}].${e.field}`, message: e.message })))
    .slice(0, 100);
}
