/**
 * Kind refinement for kinds read from words (12316's agent summaries): a caller reporting someone
 * else's conduct without a loss of their own is a REPORT; a caller asking what to do is a
 * CONSULTATION; a caller proposing a measure is a SUGGESTION; a caller seeking redress for their
 * own purchase is a COMPLAINT.
 */
export type TicketKind = 'COMPLAINT' | 'REPORT' | 'CONSULTATION' | 'SUGGESTION';

interface Signal {
  kind: TicketKind;
  pattern: RegExp;
  weight: number;
}

const BUYER = '(我|来电人|本人|投诉人|消费者|市民|游客|她|他)';
const FAMILY = '(孩子|父亲|母亲|我爸|我妈|老人|家里|老爷子|儿子|女儿|公司)';

const SIGNALS: Signal[] = [
  { kind: 'SUGGESTION', pattern: /^[^，,。.：:]{0,6}建议[：:，]?|建议(有关|相关|[^，,。.]{0,6}部门)/, weight: 4 },
  { kind: 'CONSULTATION', pattern: /^[^，,。.：:]{0,6}咨询|来电咨询|想咨询|咨询一下/, weight: 4 },
  { kind: 'CONSULTATION', pattern: /想问|请问|问一下|问问/, weight: 2 },
  {
    kind: 'CONSULTATION',
    pattern: /能不能|可不可以|算不算|是不是违法|合不合法|该找谁|找谁|找哪个部门|向哪个部门|归[^，,。.]{0,8}管|怎么办|怎么维权|怎么处理|怎么证明|需要准备|需不需要|应该找|[?？]/,
    weight: 1,
  },
  { kind: 'REPORT', pattern: /举报/, weight: 2 },
  { kind: 'REPORT', pattern: /反映/, weight: 1 },
  {
    kind: 'REPORT',
    pattern: /(来电人|本人|我)(是|系|自称是?)[^，,。.]{0,16}(员工|工人|职工|业务员|代理|经销商|权利人|法务|专员|发行员|作者|设计师|插画师|画家|摄影|爱好者|演员|质检员|同行|老板|司机|货代|负责人|技术人员)|我(公司|司|们公司|厂)|著作权人|权利人|专利权人/,
    weight: 3,
  },
  { kind: 'REPORT', pattern: /(买了|购买了?)(样品|样书|两套|一套)?[^，,。.]{0,6}(作为|做为|当作?)证据|公证购买|保存了?证据|固定证据|已经?买了样/, weight: 3 },
  { kind: 'REPORT', pattern: /(很多|好多|大量|不少|好几)[^，,。.]{0,8}(人|户|家|村|老人|学生|顾客|消费者|游客)[^，,。.]{0,6}(买|上当|受骗)/, weight: 1 },
  { kind: 'COMPLAINT', pattern: new RegExp(`${BUYER}[^。.]{0,24}(买了|买的|购买|换了|装的|花了|订了|下单|跟了一单|网购|打了|做保养|修车|装修)`), weight: 2 },
  { kind: 'COMPLAINT', pattern: new RegExp(`(给|帮|替)${FAMILY}[^，,。.]{0,6}买`), weight: 2 },
  {
    kind: 'COMPLAINT',
    pattern: /(要求|请求|希望|想)[^。.]{0,10}(退款|退货|退钱|赔偿|退一赔三|全额退款|退差价|补足|换货|更换|追回|给个说法|赔|退还)|帮我维权|给我退/,
    weight: 3,
  },
  { kind: 'COMPLAINT', pattern: /^[^，,。.：:]{0,6}投诉|在[^，,。.]{0,24}(买|购)|回家(发现|一看|一称|一洗|一试|以后|后)|拿回家|到手|收到(后|以后|货)/, weight: 2 },
  { kind: 'COMPLAINT', pattern: /不给退|不给换|不认账|不认帐|不承认|把我拉黑|不回消息|不接了?电话|回去找|找(超市|商家|店家|店主|摊主|卖家|客服|店里)/, weight: 1 },
];

/** An explicit request to act outweighs a question: 这算不算价格欺诈？要求退还 is a complaint. */
const ACTION_REQUEST = /(要求|请求|恳请|请|希望)[^。.？?]{0,12}(查处|处理|退|赔|管|核查|检查|调查|扣)/;

export function kindScores(text: string): Record<TicketKind, number> {
  const scores: Record<TicketKind, number> = { COMPLAINT: 0, REPORT: 0, CONSULTATION: 0, SUGGESTION: 0 };
  for (const signal of SIGNALS) if (signal.pattern.test(text)) scores[signal.kind] += signal.weight;
  if (ACTION_REQUEST.test(text)) scores.CONSULTATION -= 3;
  return scores;
}

/**
 * The kind the text reads as. A suggestion or a question without a demand keeps its own kind;
 * otherwise a caller's own purchase with redress sought is a complaint, and anything else —
 * someone else's conduct, no loss of the caller's — is a report.
 */
export function refineKind(text: string, kind: string): TicketKind | string {
  const scores = kindScores(text.normalize('NFKC'));
  if (scores.SUGGESTION >= 4 || (kind === 'SUGGESTION' && scores.SUGGESTION > 0)) return 'SUGGESTION';
  if (scores.CONSULTATION >= 3) return 'CONSULTATION';
  if (scores.COMPLAINT >= 3 && scores.COMPLAINT > scores.REPORT) return 'COMPLAINT';
  if (scores.REPORT > 0) return 'REPORT';
  // no loss of the caller's own: someone else's conduct is a report; a question or proposal keeps its kind
  if (scores.COMPLAINT < 2 && (kind === 'COMPLAINT' || kind === 'REPORT')) return 'REPORT';
  return kind;
}
