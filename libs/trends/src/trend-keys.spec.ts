import type { TicketArrival } from '@hub/tickets/ticket-arrivals';
import { hourOf, trendKeysOf } from './trend-keys';

const arrival = (over: Partial<TicketArrival>): TicketArrival => ({
  id: 'a',
  feed: '12315',
  createdAt: new Date('2026-03-16T02:30:00Z'),
  cursorAt: '2026-03-16 02:30:00+00',
  receivedAt: new Date('2026-03-16T02:10:00Z'),
  subjectName: null,
  subjectNameNorm: null,
  subjectUscc: null,
  subjectUsccValid: null,
  regionCode: '220100',
  productName: null,
  ...over,
});

describe('trend keys', () => {
  it('keys a subject as credit records do: by a valid USCC, else by normalised name and region', () => {
    expect(trendKeysOf(arrival({ subjectName: '惠民超市', subjectNameNorm: '惠民超市', subjectUscc: '91220101MA84XKQY36', subjectUsccValid: true }))).toContainEqual({ kind: 'SUBJECT', key: 'uscc:91220101MA84XKQY36', label: '惠民超市' });
    expect(trendKeysOf(arrival({ subjectName: '惠民 超市', subjectNameNorm: '惠民超市', subjectUscc: '91220101MA84XKQY37', subjectUsccValid: false }))).toContainEqual({ kind: 'SUBJECT', key: 'name:220100:惠民超市', label: '惠民 超市' });
  });

  it('keys the region always and the product by its folded name', () => {
    const keys = trendKeysOf(arrival({ productName: ' 婴幼儿奶粉（罐装） ' }));
    expect(keys).toEqual([
      { kind: 'REGION', key: '220100', label: '长春市' },
      { kind: 'PRODUCT', key: '婴幼儿奶粉罐装', label: '婴幼儿奶粉（罐装）' },
    ]);
  });

  it('counts a ticket in the hour the hotline received it, never in the future', () => {
    expect(hourOf(arrival({})).toISOString()).toBe('2026-03-16T02:00:00.000Z');
    expect(hourOf(arrival({ receivedAt: new Date('2026-03-17T00:00:00Z') })).toISOString()).toBe('2026-03-16T02:00:00.000Z');
  });
});
