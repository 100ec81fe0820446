/**
 * Function words that decide how a dictionary hit counts. Searched inside one clause
 * (text between ，。；：！？ and line breaks), nearest first.
 */

/** Denial of an issue: 不是价格问题, 不怀疑是假货. Turns any term against its label. */
export const DENIALS = ['不是', '并非', '并不是', '也不是', '不属于', '不算', '不怀疑', '不涉及', '而非', '谈不上', '算不上', '不嫌', '并不'];

/** Absence: 没有营业执照 (evidence), 没有盗版的问题 (denial of a problem). */
export const ABSENCES = ['没有', '没', '无', '未经', '未取得', '未', '不给', '拿不出', '缺少', '缺乏', '并无', '从没', '从未'];

/** After a problem word inside its clause: 价格没问题, 质量倒无所谓. */
export const AFTER_DENIALS = [
  '没问题', '没有问题', '没什么问题', '没发现什么问题', '没发现问题', '没毛病', '无所谓', '不是问题', '不是重点', '不贵', '不算贵', '正常价',
  '是真的', '是正版', '是正规', '是原厂', '自己的', '没有异议', '倒是真的',
];

/** Words after which a denial no longer reaches: 不是X，而是Y / 不是X但Y. */
export const SCOPE_BREAKERS = ['而是', '但是', '但', '却', '就是', '只是', '可是', '问题是', '主要是', '关键是', '其实', '实际', '结果', '后来', '反而', '而'];

/** The caller's point follows: 主要问题是…, 关键是…, (after a denial) 是…. */
export const FOCUS_MARKERS = ['主要问题是', '问题是', '关键是', '主要是', '而是', '重点是', '就是', '只是', '其实是', '实际是', '实际上是'];

/** A verdict on the conduct: 属于虚假宣传, 这是以次充好, 要求查处冒用认证标志. */
export const VERDICT_MARKERS = ['属于', '这是', '这就是', '就是', '涉嫌', '构成', '确认是', '确定是', '认为是', '认定', '怀疑是', '怀疑', '明显是', '纯属', '查处', '举报', '投诉', '反映'];

/** A seller's or label's claim, not a fact: 冒充进口货, 说是正版, 号称出口欧美. */
export const CLAIM_MARKERS = ['说是', '号称', '宣称', '自称', '冒充', '当成', '当作', '充当', '假装', '标着', '标称', '写着', '所谓', '谎称', '冒称', '声称', '保证', '宣传', '说他们', '说能', '说这个', '说自己'];

/** A shop named as where goods are sent (卖给汽配店, 往超市送) is the subject's customer, not its place. */
export const DESTINATION_MARKERS = ['卖给', '卖到', '送到', '送给', '送往', '往', '销往', '发往', '供货给', '供应给', '供应', '供货', '批发给', '流向', '流入'];

/** After a place word: it names a label on the goods (食品厂的厂名), not where the conduct happened. */
export const NAME_OF_PLACE = /^[^，,。；;]{0,2}的(厂名|厂址|名称|地址|名字|牌子)|^(厂名|厂址|名称|地址)/;

/** Before a product word: it is the material (用病死猪肉做香肠), not the product complained of. */
export const MATERIAL_MARKERS = ['用', '拿', '把'];
export const MATERIAL_WEIGHT = 0.5;

export const CLAUSE_SEPARATORS = '，,。；;：:！!？?\n\r';

/** How far (in characters) before a term a marker may stand. */
export const WINDOW = { denial: 10, absence: 12, after: 10, verdict: 8, claim: 12, destination: 8, material: 4 } as const;
