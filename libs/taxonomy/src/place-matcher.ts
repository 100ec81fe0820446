import { PlaceEntry, levelRank } from './region-gazetteer';
import { RegionCode } from './taxonomy';

export interface PlaceMention {
  entry: PlaceEntry;
  start: number;
  end: number;
}

/** How a mention reads in its sentence; higher is more likely where the conduct happened. */
export enum MentionRole {
  /** inside “…” or 《…》: a brand or a title (“舒兰大米”) */
  QUOTED = 0,
  /** who the reporter is (来电人是长春…), or where goods go or come from (往延吉送) */
  SECONDARY = 1,
  NEUTRAL = 2,
  /** the place of a business or of the conduct (在…, …一家店) */
  LOCATION = 3,
}

export interface PlaceCandidate {
  regionCode: RegionCode;
  countyCode: string | null;
  /** 1 prefecture, 2 county or finer */
  specificity: number;
  role: MentionRole;
  start: number;
  end: number;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  entry?: PlaceEntry;
}

const CLAUSE_BREAK = /[，。；！？,.;!?\n\r（）()“”《》「」『』【】\[\]]/;
const OPENING_QUOTES = '“《「『';
const CLOSING_QUOTES = '”》」』';
const QUOTE_LOOKBACK = 40;
const CONTEXT_CHARS = 16;
const LIST_JOINERS = new Set(['、', '和', '及', '与', '或']);

const IDENTITY_BEFORE = new RegExp(
  [
    '(?:来电人|来信人|本人|我们?|举报人|投诉人|反映人|当事人|网民|市民|游客|消费者)(?:称|自称)?(?:是|系)(?:一[名位个])?',
    '(?:我公司|我司|本公司|我单位|我厂|我们公司)(?:是|系|位于|在)?',
    '(?:老家|家乡|户籍|籍贯)(?:在|是|地)?',
    '(?:家住|住在|居住在|来自)',
    '(?:住址|现住址|家庭住址|联系地址|通讯地址|(?:来电人|举报人|投诉人|本人|我)的?地址)(?:是|为|在|：|:)?',
  ]
    .map((p) => `(?:${p})`)
    .join('|') + '$',
);
const DESTINATION_BEFORE = /(?:往|销往|卖到|卖往|运到|运往|送到|送往|发往|发到|寄到|寄往|供货到|流向|流入|销售到|批发到|出口到|从|由)$/;
const LOCATION_BEFORE =
  /(?:在|于|位于|地处|地址(?:是|为|在|：|:)?|所在地区?(?:是|为|在|显示|：|:)?|发货地址?(?:是|为|在|显示|：|:)?|带到|来到)$/;
/** where a person lives or works (儿子在长春上班) is not where the conduct happened */
const RESIDENCE_AFTER = /^(?:市区|城区|本地|当地|那边|这边)?(?:上班|工作|读书|上学|上大学|打工|务工|生活|居住|定居|出差|念书)/;
const LOCATION_AFTER =
  /^[^，。；！？,.;!?\n]{0,3}?(?:一家|一个|一处|一所|一间|一栋|一座|有个|有家|有一家|有一个|有人|有几家|好几家|几家|多家|某|各大|一带|附近|周边|街头|街边)/;
const BUSINESS_AFTER =
  /^[^，。；！？,.;!?\n（）()“”《》]{0,10}?(?:店|厂|公司|超市|商场|市场|药房|作坊|门市|门店|摊|批发部|商行|城|馆|门诊|诊所|园区|仓库|工作室|加工点|窝点|宾馆|酒店|直播间|报亭|书亭|企业|合作社|养殖场|屠宰场|集市|市集|车间)/;

function isJilin(entry: PlaceEntry): boolean {
  return entry.regionCode !== null;
}

/** Longest-match scan over a character trie of every known place name; built once, run on every ticket. */
export class PlaceMatcher {
  private readonly root: TrieNode = { children: new Map() };

  constructor(entries: readonly PlaceEntry[]) {
    for (const entry of entries) this.insert(entry);
  }

  /** Non-overlapping mentions, leftmost first, longest name at each position. */
  mentions(text: string): PlaceMention[] {
    const found: PlaceMention[] = [];
    let i = 0;
    while (i < text.length) {
      const { mention, next } = this.longestAt(text, i);
      if (mention) found.push(mention);
      i = next;
    }
    return found;
  }

  /** Places in 吉林省 finer than the province, each with its role in the sentence. */
  candidates(text: string, options: { field?: boolean } = {}): PlaceCandidate[] {
    const result: PlaceCandidate[] = [];
    let previous: PlaceCandidate | undefined;
    const roleOf = options.field ? fieldRole : mentionRole;
    for (const chain of chains(text, this.mentions(text))) {
      const candidate = chainCandidate(chain, roleOf(text, chain[0].start, chain[chain.length - 1].end, previous));
      if (candidate) {
        result.push(candidate);
        previous = candidate;
      }
    }
    return result;
  }

  /**
   * Where the conduct most likely happened: the strongest role, then the most specific, then the first.
   * A `field` (an address, 12358's 所在地区) is all place: every name in it is a location.
   */
  bestPlace(text: string, options: { field?: boolean } = {}): PlaceCandidate | null {
    let best: PlaceCandidate | null = null;
    for (const c of this.candidates(text, options)) {
      if (best === null || c.role > best.role || (c.role === best.role && c.specificity > best.specificity)) best = c;
    }
    return best;
  }

  private insert(entry: PlaceEntry): void {
    let node = this.root;
    // by UTF-16 unit, as the scan reads the text
    for (let i = 0; i < entry.name.length; i++) {
      const ch = entry.name[i];
      let next = node.children.get(ch);
      if (!next) {
        next = { children: new Map() };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.entry = entry;
  }

  /** The longest name at `start` that reads as a place, and where scanning goes on. */
  private longestAt(text: string, start: number): { mention: PlaceMention | null; next: number } {
    const found: PlaceMention[] = [];
    let node: TrieNode | undefined = this.root;
    for (let i = start; i < text.length; i++) {
      node = node.children.get(text[i]);
      if (!node) break;
      if (node.entry) found.push({ entry: node.entry, start, end: i + 1 });
    }
    for (let k = found.length - 1; k >= 0; k--) {
      // 长白山人参 is a product: its 白山 is no place either
      if (isProductName(text, found[k])) return { mention: null, next: found[k].end };
      if (!isMarketWord(text, found[k])) return { mention: found[k], next: found[k].end };
    }
    return { mention: null, next: start + 1 };
  }
}

/** 吉林市场 is 吉林 + 市场, not 吉林市 + 场. */
function isMarketWord(text: string, { entry, end }: PlaceMention): boolean {
  return entry.name.endsWith('市') && text[end] === '场';
}

function isProductName(text: string, { entry, end }: PlaceMention): boolean {
  return (entry.notFollowedBy ?? []).some((s) => text.startsWith(s, end));
}

/** Names written one after another (吉林省长春市朝阳区) describe one place. */
function chains(text: string, mentions: PlaceMention[]): PlaceMention[][] {
  const result: PlaceMention[][] = [];
  for (const m of mentions) {
    const last = result[result.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && text.slice(prev.end, m.start).trim() === '') last.push(m);
    else result.push([m]);
  }
  return result;
}

/** In 北京市朝阳区 the district is Beijing's: names after an outside place belong to it. */
function jilinPart(chain: PlaceMention[]): PlaceMention[] {
  const firstForeign = chain.findIndex((m) => !isJilin(m.entry));
  return firstForeign < 0 ? chain : chain.slice(0, firstForeign);
}

function chainCandidate(chain: PlaceMention[], role: MentionRole): PlaceCandidate | null {
  const members = jilinPart(chain).filter((m) => m.entry.level !== 'PROVINCE');
  if (members.length === 0) return null;
  const finest = members.reduce((a, b) => (levelRank(b.entry.level) >= levelRank(a.entry.level) ? b : a));
  const start = chain[0].start;
  const end = chain[chain.length - 1].end;
  const weakOnly = members.every((m) => m.entry.weak === true);
  if (weakOnly && role !== MentionRole.LOCATION) return null;
  return {
    regionCode: finest.entry.regionCode as RegionCode,
    countyCode: countyOf(finest, members),
    specificity: Math.min(levelRank(finest.entry.level), 2),
    role,
    start,
    end,
  };
}

/** A town's county is the one the text names where it does (吉林市永吉县岔路河镇), else GB/T 2260's. */
function countyOf(finest: PlaceMention, members: PlaceMention[]): string | null {
  if (finest.entry.level !== 'TOWN') return finest.entry.countyCode;
  const named = members.find((m) => m.entry.level === 'COUNTY' && m.entry.regionCode === finest.entry.regionCode);
  return named?.entry.countyCode ?? finest.entry.countyCode;
}

function fieldRole(text: string, start: number): MentionRole {
  return isQuoted(text, start) ? MentionRole.QUOTED : MentionRole.LOCATION;
}

function mentionRole(text: string, start: number, end: number, previous: PlaceCandidate | undefined): MentionRole {
  if (isQuoted(text, start)) return MentionRole.QUOTED;
  if (previous && LIST_JOINERS.has(text.slice(previous.end, start))) return previous.role;
  const before = clauseBefore(text, start);
  const after = clauseAfter(text, end);
  if (IDENTITY_BEFORE.test(before) || DESTINATION_BEFORE.test(before) || RESIDENCE_AFTER.test(after)) return MentionRole.SECONDARY;
  if (LOCATION_BEFORE.test(before) || LOCATION_AFTER.test(after) || BUSINESS_AFTER.test(after)) return MentionRole.LOCATION;
  return MentionRole.NEUTRAL;
}

function isQuoted(text: string, start: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - QUOTE_LOOKBACK); i--) {
    const ch = text[i];
    if (ch === '\n' || CLOSING_QUOTES.includes(ch)) return false;
    if (OPENING_QUOTES.includes(ch)) return true;
  }
  return false;
}

function clauseBefore(text: string, start: number): string {
  let i = start;
  while (i > 0 && start - i < CONTEXT_CHARS && !CLAUSE_BREAK.test(text[i - 1])) i--;
  return text.slice(i, start);
}

function clauseAfter(text: string, end: number): string {
  return text.slice(end, end + CONTEXT_CHARS);
}
