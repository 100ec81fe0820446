import { DEFAULT_RULE_SET } from '../rules/default-rule-set';
import type { RuleSet } from '../rules/rule-types';
import { HANDCRAFTED_CASES } from './fixtures/handcrafted-cases';
import { labelledExamples } from './fixtures/labelled-examples';
import { DEFAULT_AUTO_THRESHOLD, TicketClassifier } from './ticket-classifier';
import type { ClassifierInput } from './types';

describe('TicketClassifier', () => {
  const examples = labelledExamples();
  let classifier: TicketClassifier;

  beforeAll(() => {
    classifier = TicketClassifier.train(examples);
  });

  const classify = (text: string, feed = '12315', kind = 'COMPLAINT') => classifier.classify({ text, feed, kind });

  describe('hand-written texts', () => {
    it.each(HANDCRAFTED_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const got = classifier.classify({ text: c.text, feed: c.feed, kind: c.kind });
      expect({ category: got.category, violation: got.violation, stage: got.stage, lead: got.leadDepartment }).toEqual(c.expected);
    });
  });

  describe('negation and contrast', () => {
    it.each([
      ['不是质量问题，是价格…', '在商场买的羽绒服不是质量问题，是价格：标价签写599，结账收了799。', 'PRICE'],
      ['主要问题不是价格：…过期药改了日期', '药店的感冒药比别家贵一点，但主要问题不是价格：药盒上的有效期被改过，是过期药改了日期在卖。', 'COUNTERFEIT'],
      ['价格正常，不是价格问题，是以次充好', '衣服价格是商场正常价，不是价格问题，是以次充好，标的真丝其实是化纤。', 'COUNTERFEIT'],
      ['正版没问题，就是加价太离谱', '在书店买的字典，书是正版的没问题，就是加价太离谱，定价35卖60。', 'PRICE'],
      ['不是X而是Y', '这家店卖的碟不是盗版，而是没有音像制品经营许可证，无证经营。', 'UNLICENSED'],
      ['没有盗版的问题', '动漫手办是正版授权的，没有盗版的问题，就是掉漆开裂质量太差。', 'COUNTERFEIT'],
      ['不怀疑是假货', '保健品店的鱼油我不怀疑是假货，就是标价签128，结账按168收。', 'PRICE'],
      ['不是商标的问题', '这家乳品厂牌子是自己的，不是商标的问题，是冒用外省大厂的厂名厂址。', 'COUNTERFEIT'],
    ])('%s', (_name, text, violation) => {
      expect(classify(text).violation).toBe(violation);
    });

    it('names what it ruled out in the explanation', () => {
      const got = classify('在商场买的大衣不是价格问题，是以次充好，羊毛含量不到三成。', '12358');
      expect(got.explanation).toContain('排除 价格违法');
    });

    it('does not read 是不是 as a denial', () => {
      const got = classify('咨询：网店卖的动画角色水杯说是正版授权，是不是盗版？怎么查授权？', '12315', 'CONSULTATION');
      expect(got.explanation).not.toContain('排除 侵犯著作权');
    });
  });

  describe('the hotline is a prior, not the answer', () => {
    it.each([
      ['12316', '来电人反映延吉市一家书店在卖盗版的高考复习资料，纸很薄，错字很多。', 'COPYRIGHT'],
      ['12358', '举报九台区一家小厂生产的汽车刹车片用的是废料，以次充好，往汽修厂供货。', 'QTS'],
      ['12390', '在超市买的婴儿奶粉，罐底的生产日期是贴上去的，撕开下面的日期已经过期了。', 'AIC'],
      ['12330', '在药店买的中成药，药盒上的批准文号查不到，怀疑是假药。', 'FDA'],
      ['12365', '在农资店买的复合肥，检测总养分只有标注的一半，是劣质化肥。', 'AGRI'],
      ['12312', '珲春口岸有一批假冒名牌运动鞋准备报关出境。', 'CUSTOMS'],
      ['12315', '药店门口的中成药价签写68，结账收了98，多收了钱。', 'PRICE'],
    ])('%s: %s', (feed, text, lead) => {
      expect(classify(text, feed, 'REPORT').leadDepartment).toBe(lead);
    });
  });

  describe('stage place types', () => {
    const cases: [string, string][] = [
      ...['超市', '商场', '门店', '药店', '书店', '批发市场'].map((place): [string, string] => [`在一家${place}买的羽绒服，充绒量不够，以次充好，要求退款。`, 'CIRCULATION']),
      ['在早市一个摊上买的羽绒服，充绒量不够，以次充好，要求退款。', 'CIRCULATION'],
      ...['工厂', '作坊', '窝点', '印刷厂'].map((place): [string, string] => [`举报城郊一个${place}偷偷生产假冒名牌的羽绒服，以次充好。`, 'PRODUCTION']),
      ['举报村里有人在家加工羽绒服，用飞丝冒充羽绒，以次充好。', 'PRODUCTION'],
      ['举报城郊有人大量生产劣质羽绒服，用飞丝冒充羽绒。', 'PRODUCTION'],
      ['举报有人种植蔬菜时违规使用禁用农药。', 'PRODUCTION'],
      ...['网店', '直播间', '微信', '电商平台'].map((place): [string, string] => [`在${place}买的羽绒服，充绒量不够，以次充好，要求退款。`, 'ONLINE']),
      ['接到电话推销买的羽绒服，充绒量不够，以次充好，要求退款。', 'ONLINE'],
      ['看电视购物买的羽绒服，充绒量不够，以次充好，要求退款。', 'ONLINE'],
      ...['口岸', '海关'].map((place): [string, string] => [`有一批以次充好的羽绒服正在${place}等待查验，准备出境。`, 'IMPORT_EXPORT']),
      ['有公司正准备出口一批假冒名牌的羽绒服。', 'IMPORT_EXPORT'],
      ['有公司从境外进口了一批假冒名牌的羽绒服，还在保税仓库里。', 'IMPORT_EXPORT'],
      ['有人在边境上收购假冒名牌的羽绒服往对面运。', 'IMPORT_EXPORT'],
    ];

    it.each(cases)('%s → %s', (text, stage) => {
      expect(classify(text, '12315', 'REPORT').stage).toBe(stage);
    });

    it('does not take an import claim on the label for the import stage', () => {
      expect(classify('在超市买的“原装进口”巧克力，包装底下印着国内食品厂的厂名，是冒充进口货。').stage).toBe('CIRCULATION');
    });
  });

  describe('output', () => {
    it('gives a probability, consistent labels, Chinese reasons and the top alternatives', () => {
      const got = classify('在超市买的奶粉罐底的生产日期是贴上去的，撕开是过期的。');
      expect(got.confidence).toBeGreaterThan(0);
      expect(got.confidence).toBeLessThanOrEqual(1);
      expect(got.explanation).toMatch(/^类别 .+；违法类型 .+；环节 .+$/);
      expect(got.explanation).toContain('奶粉');
      expect(got.scores?.category[0].label).toBe(got.category);
      expect(got.scores?.lead[0]).toEqual({ label: got.leadDepartment, probability: got.confidence });
      const leadMass = got.scores!.lead.reduce((sum, s) => sum + s.probability, 0);
      expect(leadMass).toBeLessThanOrEqual(1 + 1e-9);
    });

    it('reports a low confidence when the text says little', () => {
      expect(classify('来电人反映有问题，希望处理。', '12312').confidence).toBeLessThan(DEFAULT_AUTO_THRESHOLD);
    });

    it('routes the labels it returns', () => {
      const got = classify('在网店买的盗版考研书，要求退款。');
      expect(got.leadDepartment).toBe('COPYRIGHT');
      expect([got.category, got.violation]).toEqual(['PUBLICATION', 'COPYRIGHT']);
    });

    it('judges the lead against another rule set when asked', () => {
      const everythingToAic: RuleSet = { rules: [{ id: 'ALL', when: {}, lead: 'AIC' }] };
      const got = classifier.withRuleSet(everythingToAic).classify({ text: '在网店买的盗版考研书，要求退款。', feed: '12315' });
      expect(got).toMatchObject({ leadDepartment: 'AIC', confidence: expect.closeTo(1, 9) });
    });
  });

  describe('model JSON', () => {
    it('round-trips to identical outputs', () => {
      const restored = TicketClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())));
      const inputs: ClassifierInput[] = [...examples, ...HANDCRAFTED_CASES].map((e) => ({ text: e.text, feed: e.feed, kind: e.kind }));
      for (const input of inputs) expect(restored.classify(input)).toEqual(classifier.classify(input));
    });

    it('carries its lexicon and options', () => {
      const model = classifier.toJSON();
      expect(model).toMatchObject({ format: 'hotline-hub/ticket-classifier', formatVersion: 1, exampleCount: examples.length });
      expect(model.lexicon.entries.category.length).toBeGreaterThan(100);
      expect(Object.keys(model.heads)).toEqual(['category', 'violation', 'stage']);
    });

    it('refuses a document of another format', () => {
      expect(() => TicketClassifier.fromJSON({ ...classifier.toJSON(), formatVersion: 2 as 1 })).toThrow(/unsupported/);
    });

    it('uses the rule set given when restored', () => {
      const restored = TicketClassifier.fromJSON(classifier.toJSON(), { ruleSet: DEFAULT_RULE_SET });
      expect(restored.ruleSet).toBe(DEFAULT_RULE_SET);
    });
  });

  describe('training', () => {
    it('refuses to train on nothing', () => {
      expect(() => TicketClassifier.train([])).toThrow();
    });

    it('learns from weighted corrections', () => {
      const text = '来电人反映一家店卖的蛋白棒标注不清。';
      const correction = { text, feed: '12315', kind: 'REPORT', category: 'HEALTH_PRODUCT', violation: 'FALSE_INFO', stage: 'CIRCULATION' };
      const retrained = TicketClassifier.train([...examples, { ...correction, weight: 30 }]);
      expect(retrained.classify({ text, feed: '12315', kind: 'REPORT' })).toMatchObject({ category: 'HEALTH_PRODUCT', violation: 'FALSE_INFO' });
    });
  });
});
