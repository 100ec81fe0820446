/**
 * Suspected-crime cues (taxonomy.json flags.SUSPECTED_CRIME: 数额较大、窝点、团伙、危害人体健康).
 * The flag is a hint to the handling unit, which decides on a transfer to the police; it is
 * meant to catch, so one clear cue is enough.
 */
export type TicketFlag = 'SUSPECTED_CRIME';

export interface DetectedFlag {
  flag: TicketFlag;
  /** the phrases that raised it, in text order */
  evidence: string[];
}

/** inside one clause: punctuation is full-width or, after NFKC, ASCII */
const IN_CLAUSE = '[^，,。.；;：:！!？?]';
const MEASURE = '[桶张份条箱袋件瓶斤吨台套盒单个只头册本辆]';

const CRIME_PATTERNS: RegExp[] = [
  // organised or hidden production
  /团伙|窝点|黑窝点|地下工厂|制假售假|走私/g,
  // harm to health
  /有毒有害|危害人体健康|危害健康|足以危害|有毒|致癌|中毒|住院|出人命|死亡|致残|添加西药|非法添加|违禁成分|假药|劣药|禁用农药|高毒农药|甲胺磷|对硫磷|甲拌磷|克百威|百草枯/g,
  // amounts and volumes
  new RegExp(`数额较大|数额巨大|金额巨大|大量|大批|批量生产|成批|一车一车|一箱一箱|成千上万|好几个村|全村|销量${IN_CLAUSE}{0,4}(过万|上万|很大)`, 'g'),
  new RegExp(`(一|每)(天|晚|夜|年|个月|次)${IN_CLAUSE}{0,6}(几百|几千|上千|上万|几万|几十万|\\d{3,})${MEASURE}`, 'g'),
  new RegExp(`(上万|几十万|几万)${MEASURE}`, 'g'),
  /(花了|买了|卖了|损失|骗了|金额|货值)(好几|十几|几十|几)万|(好几|十几|几十|几)万(元|块)|\d+(\.\d+)?万(元|块)/g,
];

const DENIED_BEFORE = /(不是|没有|并非|不算|未)$/;
/** below 5万 a money amount alone is not 数额较大 (销售伪劣产品罪 starts at 5万元 of sales) */
const SMALL_AMOUNT = /^([1-4](\.\d+)?)万/;

function isCounted(text: string, match: RegExpExecArray): boolean {
  const before = text.slice(Math.max(0, match.index - 3), match.index);
  if (DENIED_BEFORE.test(before)) return false;
  return !SMALL_AMOUNT.test(match[0]);
}

export function detectFlags(text: string): DetectedFlag[] {
  const normalized = text.normalize('NFKC');
  const found: { at: number; phrase: string }[] = [];
  for (const pattern of CRIME_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(normalized); m; m = pattern.exec(normalized)) {
      if (isCounted(normalized, m)) found.push({ at: m.index, phrase: m[0] });
    }
  }
  if (found.length === 0) return [];
  const evidence = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.phrase))];
  return [{ flag: 'SUSPECTED_CRIME', evidence }];
}
