import { BigramCache, BigramIndex, duplicateScore, DuplicateFacts, rankDuplicates, RegionBigramIndexes, textSimilarity } from './duplicate-match';

const base: DuplicateFacts = {
  id: 'a',
  receivedAt: new Date('2026-03-15T01:00:00Z'),
  regionCode: '220100',
  subjectUscc: null,
  subjectNameNorm: null,
  productName: null,
  description: '长春市朝阳区宏达超市销售的婴幼儿奶粉罐底生产日期被涂改，要求查处',
};
const other = (patch: Partial<DuplicateFacts>): DuplicateFacts => ({ ...base, id: 'b', ...patch });

describe('duplicate detection', () => {
  it('finds the same matter told to another hotline in other words', () => {
    const b = other({ description: '来电人反映朝阳区宏达超市卖的婴幼儿奶粉，罐底的生产日期是涂改过的' });
    expect(duplicateScore(base, b)).toBeGreaterThan(0);
  });

  it('links the same business by its credit code even when the texts share little', () => {
    const a = { ...base, subjectUscc: '91220101MA0Y3K2X1A' };
    const b = other({ subjectUscc: '91220101MA0Y3K2X1A', description: '宏达超市奶粉价格标签与结账不一致，奶粉被涂改日期' });
    expect(duplicateScore(a, b)).toBeGreaterThan(0.5);
  });

  it('does not link different matters, other regions or old tickets', () => {
    expect(duplicateScore(base, other({ description: '网店销售的盗版教辅书，印刷模糊错字很多' }))).toBe(0);
    expect(duplicateScore(base, other({ regionCode: '220200' }))).toBe(0);
    expect(duplicateScore(base, other({ receivedAt: new Date('2026-05-01T00:00:00Z') }))).toBe(0);
    expect(duplicateScore(base, { ...base })).toBe(0);
  });

  it('ranks the closest first', () => {
    const close = other({ id: 'close', description: base.description });
    const near = other({ id: 'near', description: '宏达超市婴幼儿奶粉生产日期被涂改' });
    expect(rankDuplicates(base, [near, close]).map((c) => c.id)).toEqual(['close', 'near']);
  });

  it('measures similarity symmetrically in [0, 1]', () => {
    expect(textSimilarity('奶粉涂改', '奶粉涂改')).toBe(1);
    expect(textSimilarity('', '奶粉')).toBe(0);
    expect(textSimilarity('甲乙丙丁', '丙丁甲乙')).toBeCloseTo(textSimilarity('丙丁甲乙', '甲乙丙丁'));
  });

  it('scores exactly the same through the bigram index as by comparing texts one by one', () => {
    const texts = ['宏达超市婴幼儿奶粉生产日期被涂改', '来电人反映朝阳区宏达超市卖的婴幼儿奶粉，罐底的生产日期是涂改过的', '网店销售的盗版教辅书', '', '奶粉', base.description];
    const pool = texts.flatMap((description, n) => [other({ id: `t${n}`, description }), other({ id: `u${n}`, description, subjectUscc: '91220101MA0Y3K2X1A' })]);
    const ticket = { ...base, subjectUscc: '91220101MA0Y3K2X1A' };
    const grams = new BigramCache();
    const index = new BigramIndex([...pool, ticket], grams);
    const indexed = index.similarityTo(ticket);
    for (const candidate of pool) expect([candidate.id, duplicateScore(ticket, candidate, grams, indexed)]).toEqual([candidate.id, duplicateScore(ticket, candidate)]);
    expect(rankDuplicates(ticket, pool, 5, grams, index)).toEqual(rankDuplicates(ticket, pool));
    expect(indexed('not indexed')).toBeUndefined();
  });

  it('keeps scoring exactly when an index serves one batch after another and a description changes', () => {
    const grams = new BigramCache();
    const index = new BigramIndex([other({ id: 'x', description: '宏达超市婴幼儿奶粉生产日期被涂改' })], grams);
    index.add(other({ id: 'x', description: '宏达超市婴幼儿奶粉生产日期被涂改' }));
    expect(index.size).toBe(1);
    const edited = other({ id: 'x', description: '网店销售的盗版教辅书，印刷模糊' });
    const next = other({ id: 'y', description: base.description });
    for (const candidate of [edited, next]) index.add(candidate);
    expect(index.size).toBe(3);
    const indexed = index.similarityTo(base);
    for (const candidate of [edited, next]) expect(indexed(candidate.id)).toBe(textSimilarity(base.description, candidate.description));
  });

  it('ranks through region indexes kept from batch to batch as by comparing texts one by one, the same business in other regions too', () => {
    const uscc = '91220101MA0Y3K2X1A';
    const texts = ['宏达超市婴幼儿奶粉生产日期被涂改', '来电人反映朝阳区宏达超市卖的婴幼儿奶粉，罐底的生产日期是涂改过的', '网店销售的盗版教辅书', base.description];
    const grams = new BigramCache();
    const indexes = new RegionBigramIndexes(grams);
    for (const batch of [0, 1, 2]) {
      const pool = texts.flatMap((description, n) => [
        other({ id: `r${batch}-${n}`, description }),
        other({ id: `o${batch}-${n}`, description, regionCode: '220200', subjectUscc: uscc }),
        other({ id: `kept-${n}`, description: batch === 2 && n === 0 ? '网店销售的盗版教辅书，印刷模糊' : description }),
      ]);
      const ticket = { ...base, id: `ticket-${batch}`, subjectUscc: uscc };
      const index = indexes.prepare([...pool, ticket]);
      expect(rankDuplicates(ticket, pool, 10, grams, index)).toEqual(rankDuplicates(ticket, pool, 10));
    }
  });
});
