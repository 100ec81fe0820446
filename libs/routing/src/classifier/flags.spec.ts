import { detectFlags } from './flags';

describe('detectFlags', () => {
  const evidenceOf = (text: string) => detectFlags(text)[0]?.evidence ?? [];

  it.each([
    ['举报城郊有一个制售假酒的窝点。', '窝点'],
    ['这是一个团伙，分工很细。', '团伙'],
    ['他们往保健品里添加西药，危害人体健康。', '添加西药'],
    ['偷偷卖禁用农药甲胺磷。', '禁用农药'],
    ['一年能印几十万条编织袋。', '一年能印几十万条'],
    ['一天能灌几百桶水往城里送。', '一天能灌几百桶'],
    ['仓库里有大量假冒名牌运动鞋。', '大量'],
    ['涉案金额12万元。', '12万元'],
    ['老人吃了以后住院了。', '住院'],
  ])('%s → %s', (text, phrase) => {
    expect(detectFlags(text)).toEqual([{ flag: 'SUSPECTED_CRIME', evidence: expect.arrayContaining([phrase]) }]);
  });

  it.each([
    ['在超市买的饼干过期了，要求退款。'],
    ['手机价格3999，活动价2999。'],
    ['一瓶矿泉水卖了15元。'],
    ['花了2万元装修。'],
    ['他们不是团伙，就是一家小店。'],
    ['正版一年授权要好几千。'],
  ])('no flag: %s', (text) => {
    expect(detectFlags(text)).toEqual([]);
  });

  it('lists each phrase once, in text order', () => {
    expect(evidenceOf('窝点里有大量假货，还是一个团伙，窝点在村东。')).toEqual(['窝点', '大量', '团伙']);
  });
});
