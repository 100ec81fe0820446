import { FeatureExtractor } from './features';
import { DEFAULT_LEXICON } from './lexicon';
import type { Evidence } from './evidence';

describe('dictionary evidence and negation scope', () => {
  const extractor = new FeatureExtractor(DEFAULT_LEXICON, { charBigrams: false });
  const evidence = (text: string): Evidence[] => extractor.analyse({ text, feed: '12315' }).evidence;
  const reading = (text: string, term: string, label: string) => evidence(text).find((e) => e.term === term && e.label === label);

  it.each([
    ['不是价格问题，是以次充好', '价格问题', 'PRICE', 'NEG'],
    ['不是价格问题，是以次充好', '以次充好', 'COUNTERFEIT', 'POS'],
    ['价格没问题，问题是掺了水', '价格', 'PRICE', 'NEG'],
    ['价钱倒无所谓，关键是冒充羊绒', '价钱倒无所谓', 'PRICE', 'NEG'],
    ['价钱倒不贵，关键是冒充羊绒', '价钱', 'PRICE', 'NEG'],
    ['主要问题不是价格：药是过期的', '价格', 'PRICE', 'NEG'],
    ['没有盗版的问题', '盗版', 'COPYRIGHT', 'NEG'],
    ['没有版权方的授权', '版权方', 'COPYRIGHT', 'POS'],
    ['没有版权方的授权', '授权', 'COPYRIGHT', 'POS'],
    ['店里挂着授权牌', '授权', 'COPYRIGHT', 'MENTION'],
    ['没有营业执照', '营业执照', 'UNLICENSED', 'POS'],
    ['营业执照挂在墙上', '营业执照', 'UNLICENSED', 'MENTION'],
    ['不是无证经营', '无证经营', 'UNLICENSED', 'NEG'],
    ['书是正版的没问题', '是正版的', 'COPYRIGHT', 'NEG'],
    ['店员说是正版的', '正版的', 'COPYRIGHT', 'MENTION'],
    ['这是化妆品，不是药', '药', 'TCM_MEDICINE', 'NEG'],
    ['是不是假货', '假货', 'COUNTERFEIT', 'POS'],
    ['有没有营业执照', '营业执照', 'UNLICENSED', 'MENTION'],
  ])('%s: %s reads %s as %s', (text, term, label, polarity) => {
    expect(reading(text, term, label)?.polarity).toBe(polarity);
  });

  it('marks the point after a denial as focus', () => {
    expect(reading('不是质量问题，而是多收了钱', '多收了', 'PRICE')).toMatchObject({ polarity: 'POS', focus: true });
    expect(reading('主要问题是缺斤少两', '缺斤少两', 'PRICE')).toMatchObject({ focus: true });
  });

  it('marks verdicts on the conduct', () => {
    expect(reading('这属于虚假宣传', '虚假宣传', 'FALSE_INFO')).toMatchObject({ verdict: true });
  });

  it('does not take claims and destinations for the place of the conduct', () => {
    expect(reading('拿国产货冒充进口货', '进口货', 'IMPORT_EXPORT')).toBeUndefined();
    expect(reading('包装上写着“原装出口”', '出口', 'IMPORT_EXPORT')?.polarity).toBe('CLAIM');
    expect(reading('一箱一箱往乡镇超市送', '超市', 'CIRCULATION')?.polarity).toBe('MENTION');
    expect(reading('印着国内一家食品厂的厂名', '食品厂', 'PRODUCTION')?.polarity).toBe('MENTION');
    expect(reading('在“长寿养生会所”买的', '养生会所', 'CIRCULATION')?.polarity).toBe('POS');
  });

  it('masks words that contain a place word but are not one', () => {
    expect(evidence('罐底的生产日期是贴上去的').some((e) => e.head === 'stage' && e.label === 'PRODUCTION')).toBe(false);
    expect(evidence('我上网查了这个专利号').some((e) => e.head === 'stage' && e.label === 'ONLINE')).toBe(false);
  });

  it('prefers the reading that covers more of the text', () => {
    expect(evidence('白皮包装盒').filter((e) => e.head === 'category').map((e) => e.term)).toEqual(['包装盒']);
  });

  it('weighs a material less than the product made from it', () => {
    const pork = reading('用病死猪肉做香肠', '猪肉', 'AGRI_PRODUCT')!;
    const sausage = reading('用病死猪肉做香肠', '香肠', 'FOOD')!;
    expect(pork.weight).toBeLessThan(sausage.weight);
  });

  it('counts a repeated term less the second time', () => {
    const hits = evidence('店里卖盗版，全是盗版').filter((e) => e.term === '盗版');
    expect(hits.map((e) => e.weight)).toEqual([hits[0].weight, hits[0].weight * 0.3]);
  });

  it('reads product and subject names as stated', () => {
    const got = extractor.analyse({ text: '来电人反映质量有问题。', productName: '婴幼儿奶粉', subjectName: '绿野农资', feed: '12315' }).evidence;
    expect(got.find((e) => e.field === 'product')).toMatchObject({ label: 'FOOD', polarity: 'POS' });
    expect(got.find((e) => e.field === 'subject' && e.head === 'category')).toMatchObject({ label: 'AGRI_PRODUCT' });
  });
});
