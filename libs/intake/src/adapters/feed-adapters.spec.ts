import { FEED_ADAPTERS, FEEDS, FeedCode } from './index';
import { fixture, manifestSamples, readableItems } from './test/spec-helpers';

describe('FEED_ADAPTERS', () => {
  it('has an adapter for every feed', () => {
    expect(Object.keys(FEED_ADAPTERS).sort()).toEqual([...FEEDS].sort());
  });

  it.each([...FEEDS])('reads every sample of feed %s through the registry without a rejection', async (feed: FeedCode) => {
    for (const sample of manifestSamples(feed)) {
      const contentType = feed === '12358' ? 'text/csv' : sample.contentType;
      const items = readableItems(await FEED_ADAPTERS[feed]({ body: fixture(sample.file), contentType }));
      expect(items.length).toBeGreaterThan(0);
      expect(items.filter((item) => item.errors)).toEqual([]);
    }
  });

  it.each([...FEEDS])('answers garbage to feed %s with a result, never an exception', async (feed: FeedCode) => {
    const garbage = [Buffer.alloc(0), Buffer.from([0xff, 0xfe, 0x00, 0x81]), Buffer.from('{"a":'), Buffer.from('<x>'), Buffer.from('a,b\r\n"c')];
    for (const body of garbage) {
      for (const contentType of [null, 'application/octet-stream', 'text/plain']) {
        const result = await FEED_ADAPTERS[feed]({ body, contentType });
        expect(typeof result.readable).toBe('boolean');
      }
    }
  });
});
