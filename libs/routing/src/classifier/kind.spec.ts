import { refineKind } from './kind';

describe('refineKind', () => {
  it.each([
    ['来电人反映镇上一家农资店在卖假化肥，好几个村都买了。', 'COMPLAINT', 'REPORT'],
    ['来电人是种子公司的业务员，发现一家门市卖套牌的玉米种子。', 'COMPLAINT', 'REPORT'],
    ['举报：村东头有人在仓房里分装农药。', 'REPORT', 'REPORT'],
    ['来电人在县城农资店买了十袋复合肥，施了以后苗发黄，要求赔偿。', 'COMPLAINT', 'COMPLAINT'],
    ['我在网上买的种子不出苗，举报这家店，要求退款。', 'REPORT', 'COMPLAINT'],
    ['咨询：买的化肥怀疑是假的，该找哪个部门鉴定？', 'CONSULTATION', 'CONSULTATION'],
    ['来电人想问一下，邻居家卖的鹿茸片算不算假冒，应该找谁？', 'COMPLAINT', 'CONSULTATION'],
    ['这算不算价格欺诈？要求退还多收的钱。', 'CONSULTATION', 'COMPLAINT'],
    ['建议：开春前对各乡镇农资店的种子来一次抽检。', 'COMPLAINT', 'SUGGESTION'],
    ['我是插画师，我的作品被一家服装厂印在T恤上卖，要求赔偿。', 'COMPLAINT', 'REPORT'],
  ])('%s (%s) → %s', (text, kind, expected) => {
    expect(refineKind(text, kind)).toBe(expected);
  });

  it('keeps the given kind when the text says nothing either way', () => {
    expect(refineKind('情况见附件。', 'SUGGESTION')).toBe('SUGGESTION');
  });
});
