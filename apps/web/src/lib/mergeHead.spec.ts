import { mergeHead } from './mergeHead';

const row = (id: string, v = 1) => ({ id, v });

describe('merging a list page fetched again into what the reader sees', () => {
  it('takes the page as it is when the list holds no more than it', () => {
    expect(mergeHead([row('a'), row('b')], [row('n'), row('a', 2)], new Set(['n', 'b']), true)).toEqual([row('n'), row('a', 2)]);
  });

  it('inserts arrivals where the page puts them and keeps rows loaded further down', () => {
    const shown = [row('a'), row('b'), row('c'), row('d')];
    const head = [row('a'), row('n'), row('b')];
    expect(mergeHead(shown, head, new Set(['n']), false).map((r) => r.id)).toEqual(['a', 'n', 'b', 'c', 'd']);
  });

  it('drops a changed row that left the page, refreshes the others', () => {
    const shown = [row('a'), row('b'), row('c'), row('d')];
    const head = [row('a', 2), row('c')];
    expect(mergeHead(shown, head, new Set(['a', 'b']), false)).toEqual([row('a', 2), row('c'), row('d')]);
  });
});
