import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvUpload } from '@hub/intake/csv-upload';
import { loadSamples, Sample, SAMPLES_DIR, sampleRequest } from '@hub/testing/feed-samples';

/** One request a feed sends: its body, and the external ids of the records in it. */
export interface FeedRequest {
  feed: string;
  body: Buffer;
  contentType: string;
  externalIds: string[];
}

export interface Ledger {
  /** `${feed}|${externalId}` → the ticket the api answered with */
  accepted: Map<string, string>;
  /** records the api refused (4xx other than 429, or listed in `rejected`) */
  rejected: number;
  requests: number;
  retries: number;
  duplicatesAnswered: number;
  status: Map<number | string, number>;
  /** 503s that came without Retry-After */
  unavailableWithoutRetryAfter: number;
}

export const newLedger = (): Ledger => ({ accepted: new Map(), rejected: 0, requests: 0, retries: 0, duplicatesAnswered: 0, status: new Map(), unavailableWithoutRetryAfter: 0 });
export const ledgerKey = (feed: string, externalId: string) => `${feed}|${externalId}`;

/**
 * The sample payloads of every feed, each record's external id swapped for a unique one
 * (its trailing digits replaced by a running number), so every request is a new record.
 * Samples are sent as their bytes are: GB18030 XML, GBK forms and CSV stay in their encoding.
 */
export class RecordFactory {
  private readonly samples: Array<{ sample: Sample; bytes: Buffer; ids: string[] }>;
  private next = 1;
  private turn = 0;

  constructor() {
    this.samples = loadSamples().map((sample) => ({
      sample,
      bytes: readFileSync(join(SAMPLES_DIR, sample.file)),
      ids: sample.rows ? sample.rows.map((r) => r.expect.externalId) : [sample.expect!.externalId],
    }));
  }

  get feeds(): string[] {
    return [...new Set(this.samples.map((s) => s.sample.feed))];
  }

  /** The next request, feeds taken in turn; `budget` caps how many records it may carry. */
  nextRequest(budget: number): FeedRequest {
    const { sample, bytes, ids } = this.samples[this.turn++ % this.samples.length];
    if (ids.length > budget) return this.nextRequest(budget);
    // the ids are ASCII in every encoding the samples use, so a latin1 round trip keeps the rest byte-exact
    let text = bytes.toString('latin1');
    const fresh = ids.map((id) => {
      const unique = uniqueId(id, this.next++);
      text = text.replace(id, unique);
      return unique;
    });
    const body = Buffer.from(text, 'latin1');
    const request = sample.feed === '12358' ? csvUpload(body) : { body, contentType: sampleRequest(sample).contentType };
    return { feed: sample.feed, body: request.body, contentType: request.contentType, externalIds: fresh };
  }
}

/** The id with the last run of digits of its local part (before any '@') replaced by `n`, zero-padded to the same width. */
export function uniqueId(id: string, n: number): string {
  const at = id.indexOf('@');
  const local = at < 0 ? id : id.slice(0, at);
  const rest = at < 0 ? '' : id.slice(at);
  const match = /(\d+)(\D*)$/.exec(local);
  if (!match) return `${local}-${n}${rest}`;
  const head = local.slice(0, match.index);
  return `${head}${String(n).padStart(match[1].length, '0')}${match[2]}${rest}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a request as a real feed would: a 503, 429, 502/504 or a dropped connection is
 * retried after Retry-After (or an exponential backoff with jitter), until it is answered.
 */
export async function sendWithRetry(baseUrl: string, request: FeedRequest, ledger: Ledger, giveUpMs = 600_000): Promise<void> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) ledger.retries++;
    ledger.requests++;
    let status: number | string;
    let retryAfterMs: number | null = null;
    let body: unknown = null;
    try {
      const response = await fetch(`${baseUrl}/api/v1/intake/${request.feed}`, {
        method: 'POST',
        headers: { 'Content-Type': request.contentType, 'X-Feed-Key': `dev-key-${request.feed}` },
        body: request.body,
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      const retryAfter = response.headers.get('retry-after');
      if (retryAfter) retryAfterMs = Number(retryAfter) * 1000;
      if (status === 503 && !retryAfter) ledger.unavailableWithoutRetryAfter++;
      body = await response.json().catch(() => null);
    } catch (error) {
      status = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    }
    ledger.status.set(status, (ledger.status.get(status) ?? 0) + 1);
    if (status === 202 || status === 200 || status === 201) return record(request, body, ledger);
    const retryable = typeof status === 'string' || status === 503 || status === 429 || status === 502 || status === 504 || status === 500;
    if (!retryable) {
      ledger.rejected += request.externalIds.length;
      return;
    }
    if (Date.now() - started > giveUpMs) throw new Error(`feed ${request.feed} gave up after ${attempt + 1} tries (last ${status})`);
    const backoff = Math.min(10_000, 250 * 2 ** attempt) * (0.5 + Math.random() / 2);
    await sleep(Math.min(retryAfterMs ?? backoff, 10_000) + Math.random() * 250);
  }
}

interface IntakeBody {
  accepted?: Array<{ externalId: string; ticketId: string; duplicate: boolean }>;
  rejected?: unknown[];
}

function record(request: FeedRequest, body: unknown, ledger: Ledger): void {
  const outcome = (body ?? {}) as IntakeBody;
  for (const a of outcome.accepted ?? []) {
    if (a.duplicate) ledger.duplicatesAnswered++;
    ledger.accepted.set(ledgerKey(request.feed, a.externalId), a.ticketId);
  }
  ledger.rejected += outcome.rejected?.length ?? 0;
}
