import { CHAIN_START, ChainedHistoryRow, historyChainHash } from './history-chain';

const row: ChainedHistoryRow = {
  ticketId: '6f1c1f0e-8f5e-4a57-9d8e-0c5c3f6f2a11',
  at: new Date('2026-03-15T01:12:33.120Z'),
  actorId: null,
  actorName: 'feed:12315',
  action: 'RECEIVED',
  fromStatus: null,
  toStatus: 'RECEIVED',
  reason: null,
  data: { rawId: 'r1', regionSource: 'DECLARED' },
};

describe('history chain hash', () => {
  it('is the same whatever the key order of the data, as jsonb returns it', () => {
    const reordered = { ...row, data: { regionSource: 'DECLARED', rawId: 'r1' } };
    expect(historyChainHash(CHAIN_START, reordered)).toBe(historyChainHash(CHAIN_START, row));
  });

  it('changes with any field, the time and the previous hash', () => {
    const base = historyChainHash(CHAIN_START, row);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(historyChainHash(CHAIN_START, { ...row, reason: 'x' })).not.toBe(base);
    expect(historyChainHash(CHAIN_START, { ...row, at: new Date('2026-03-15T01:12:33.121Z') })).not.toBe(base);
    expect(historyChainHash(CHAIN_START, { ...row, data: { rawId: 'r2', regionSource: 'DECLARED' } })).not.toBe(base);
    expect(historyChainHash(base, row)).not.toBe(base);
  });
});
