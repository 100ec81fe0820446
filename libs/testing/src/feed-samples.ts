import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { csvUpload } from '@hub/intake/csv-upload';

export const SAMPLES_DIR = join(__dirname, '..', '..', 'intake', 'test', 'fixtures');

export interface SampleExpectation {
  externalId: string;
  receivedAt: string;
  kind?: string;
  kindAtIntake?: string;
  kindAfterClassification?: string;
  regionCode: string;
  reporter: { anonymous: boolean; name?: string; phoneE164?: string };
  subject?: { name: string | null; uscc: string | null; usccValid: boolean | null };
  descriptionContains: string;
}

export interface Sample {
  file: string;
  feed: string;
  contentType: string;
  expect?: SampleExpectation;
  rows?: Array<{ index: number; expect: SampleExpectation }>;
}

export function loadSamples(): Sample[] {
  return (JSON.parse(readFileSync(join(SAMPLES_DIR, 'manifest.json'), 'utf8')) as { samples: Sample[] }).samples;
}

export const sampleBytes = (file: string) => readFileSync(join(SAMPLES_DIR, file));

/** The request a feed would send for a sample file. */
export function sampleRequest(sample: Sample): { body: Buffer; contentType: string } {
  const bytes = sampleBytes(sample.file);
  return sample.feed === '12358' ? csvUpload(bytes) : { body: bytes, contentType: sample.contentType };
}

/** A feed's POST with the body's bytes exactly as given (supertest would re-encode objects and buffers). */
export function postFeed(server: unknown, feed: string, body: Buffer | string, contentType: string, key: string | null = `dev-key-${feed}`) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const req = request(server as Parameters<typeof request>[0])
    .post(`/api/v1/intake/${feed}`)
    .set('Content-Type', contentType)
    .set('Content-Length', String(bytes.length));
  if (key) req.set('X-Feed-Key', key);
  req.write(bytes);
  return req;
}
