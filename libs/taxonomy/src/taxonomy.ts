import taxonomyJson from '../data/taxonomy.json';

export const KIND_CODES = ['COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] as const;
export const CATEGORY_CODES = [
  'AUTO',
  'AGRI_PRODUCT',
  'FOOD',
  'MINERAL_WATER',
  'TCM_MEDICINE',
  'HEALTH_PRODUCT',
  'ANIMATION',
  'AUDIO_VIDEO',
  'PUBLICATION',
  'SOFTWARE',
  'PRINTING',
  'OTHER_GOODS',
] as const;
export const VIOLATION_CODES = [
  'TRADEMARK',
  'PATENT',
  'COPYRIGHT',
  'COUNTERFEIT',
  'UNLICENSED',
  'LABEL_MISUSE',
  'PRICE',
  'FALSE_INFO',
  'OTHER',
] as const;
export const STAGE_CODES = ['PRODUCTION', 'CIRCULATION', 'ONLINE', 'IMPORT_EXPORT'] as const;
export const DEPARTMENT_CODES = [
  'AGRI',
  'COMMERCE',
  'AIC',
  'QTS',
  'IPO',
  'COPYRIGHT',
  'PRICE',
  'FDA',
  'PRESS',
  'CULTURE',
  'POLICE',
  'CUSTOMS',
  'TELECOM',
  'MIIT',
  'TCM',
  'FSO',
] as const;
export const REGION_CODES = [
  '220000',
  '220100',
  '220200',
  '220300',
  '220400',
  '220500',
  '220600',
  '220700',
  '220800',
  '222400',
  '229900',
] as const;

export type KindCode = (typeof KIND_CODES)[number];
export type CategoryCode = (typeof CATEGORY_CODES)[number];
export type ViolationCode = (typeof VIOLATION_CODES)[number];
export type StageCode = (typeof STAGE_CODES)[number];
export type DepartmentCode = (typeof DEPARTMENT_CODES)[number];
export type RegionCode = (typeof REGION_CODES)[number];

export const PROVINCE_REGION: RegionCode = '220000';
export const CHANGBAISHAN_REGION: RegionCode = '229900';

export interface Department {
  code: DepartmentCode;
  name: string;
  hotline: string | null;
  note: string | null;
  /** the levels rule as written in taxonomy.json, null where the department exists everywhere */
  levels: string | null;
  /** regions where the department has a unit */
  regions: readonly RegionCode[];
}

export interface Region {
  code: RegionCode;
  /** the name as written in taxonomy.json, with its annotation */
  label: string;
  /** the name people read in unit names: 吉林省, 长春市, 长白山管委会 */
  name: string;
}

export interface RoutingCondition {
  stage?: readonly StageCode[];
  violation?: readonly ViolationCode[];
  category?: readonly CategoryCode[];
}

export interface RoutingRule {
  id: string;
  when: RoutingCondition;
  lead: DepartmentCode;
  assist: readonly DepartmentCode[];
}

export interface UnitInfo {
  /** DEPT@REGION */
  code: string;
  department: DepartmentCode;
  region: RegionCode;
  name: string;
}

type Labelled<K extends string> = Readonly<Record<K, string>>;

function checkedCodes<K extends string>(section: string, data: Record<string, unknown>, codes: readonly K[]): void {
  const actual = Object.keys(data).sort().join(',');
  const expected = [...codes].sort().join(',');
  if (actual !== expected) {
    throw new Error(`taxonomy.json ${section}: expected codes ${expected}, found ${actual}`);
  }
}

function labelled<K extends string>(section: string, data: Record<string, string>, codes: readonly K[]): Labelled<K> {
  checkedCodes(section, data, codes);
  return Object.freeze({ ...data }) as Labelled<K>;
}

function isCode<K extends string>(codes: readonly K[], value: unknown): value is K {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}

function codeList<K extends string>(codes: readonly K[], values: unknown, where: string): readonly K[] {
  if (values === undefined) return [];
  if (!Array.isArray(values) || !values.every((v) => isCode(codes, v))) {
    throw new Error(`taxonomy.json ${where}: unknown code in ${JSON.stringify(values)}`);
  }
  return Object.freeze([...values]);
}

export const TAXONOMY_VERSION: string = taxonomyJson.version;
export const KINDS: Labelled<KindCode> = labelled('kinds', taxonomyJson.kinds, KIND_CODES);
export const CATEGORIES: Labelled<CategoryCode> = labelled('categories', taxonomyJson.categories, CATEGORY_CODES);
export const VIOLATIONS: Labelled<ViolationCode> = labelled('violations', taxonomyJson.violations, VIOLATION_CODES);
export const STAGES: Labelled<StageCode> = labelled('stages', taxonomyJson.stages, STAGE_CODES);
export const FLAGS: Readonly<Record<string, string>> = Object.freeze({ ...taxonomyJson.flags });
export const REGION_NOTES: readonly string[] = Object.freeze([...taxonomyJson.regionNotes]);
export const UNITS_RULE = Object.freeze({ ...taxonomyJson.units });

export function isRegionCode(value: unknown): value is RegionCode {
  return isCode(REGION_CODES, value);
}

export function isDepartmentCode(value: unknown): value is DepartmentCode {
  return isCode(DEPARTMENT_CODES, value);
}

function regionName(label: string): string {
  return label.replace(/（[^）]*）$/, '');
}

function loadRegions(): Readonly<Record<RegionCode, Region>> {
  checkedCodes('regions', taxonomyJson.regions, REGION_CODES);
  const labels = taxonomyJson.regions as Record<RegionCode, string>;
  const entries = REGION_CODES.map((code) => [code, Object.freeze({ code, label: labels[code], name: regionName(labels[code]) })]);
  return Object.freeze(Object.fromEntries(entries)) as Readonly<Record<RegionCode, Region>>;
}

export const REGIONS = loadRegions();

/**
 * The `levels` rule is prose in taxonomy.json: "province only" means 220000;
 * otherwise the region codes it names are where the department has units.
 */
function unitRegions(levels: string | null): readonly RegionCode[] {
  if (levels === null) return REGION_CODES;
  if (/province only/i.test(levels)) return [PROVINCE_REGION];
  const named = (levels.match(/\d{6}/g) ?? []).filter(isRegionCode);
  if (named.length === 0) throw new Error(`taxonomy.json departments: cannot read levels "${levels}"`);
  return REGION_CODES.filter((code) => named.includes(code));
}

interface DepartmentJson {
  name: string;
  hotline?: string;
  note?: string;
  levels?: string;
}

function loadDepartments(): Readonly<Record<DepartmentCode, Department>> {
  const raw = taxonomyJson.departments as Record<string, DepartmentJson>;
  checkedCodes('departments', raw, DEPARTMENT_CODES);
  const entries = DEPARTMENT_CODES.map((code) => {
    const d = raw[code];
    const levels = d.levels ?? null;
    const department: Department = {
      code,
      name: d.name,
      hotline: d.hotline ?? null,
      note: d.note ?? null,
      levels,
      regions: Object.freeze(unitRegions(levels)),
    };
    return [code, Object.freeze(department)];
  });
  return Object.freeze(Object.fromEntries(entries)) as Readonly<Record<DepartmentCode, Department>>;
}

export const DEPARTMENTS = loadDepartments();

interface RoutingRuleJson {
  id: string;
  when: Record<string, unknown>;
  lead: string;
  assist?: string[];
}

function loadRoutingRule(rule: RoutingRuleJson): RoutingRule {
  const where = `routing rule ${rule.id}`;
  const unknownKeys = Object.keys(rule.when).filter((k) => !['stage', 'violation', 'category'].includes(k));
  if (unknownKeys.length > 0) throw new Error(`taxonomy.json ${where}: unknown condition ${unknownKeys.join(',')}`);
  if (!isDepartmentCode(rule.lead)) throw new Error(`taxonomy.json ${where}: unknown lead ${rule.lead}`);
  const when: RoutingCondition = {};
  if (rule.when.stage !== undefined) when.stage = codeList(STAGE_CODES, rule.when.stage, where);
  if (rule.when.violation !== undefined) when.violation = codeList(VIOLATION_CODES, rule.when.violation, where);
  if (rule.when.category !== undefined) when.category = codeList(CATEGORY_CODES, rule.when.category, where);
  return Object.freeze({
    id: rule.id,
    when: Object.freeze(when),
    lead: rule.lead,
    assist: codeList(DEPARTMENT_CODES, rule.assist, where),
  });
}

export const ROUTING_PRINCIPLE: string = taxonomyJson.routing.principle;
export const ROUTING_RULES: readonly RoutingRule[] = Object.freeze(
  (taxonomyJson.routing.rules as RoutingRuleJson[]).map(loadRoutingRule),
);

export function unitCode(department: DepartmentCode, region: RegionCode): string {
  return `${department}@${region}`;
}

export function parseUnitCode(code: string): { department: DepartmentCode; region: RegionCode } | null {
  const [department, region, extra] = code.split('@');
  if (extra !== undefined || !isDepartmentCode(department) || !isRegionCode(region)) return null;
  return { department, region };
}

export function unitExists(department: string, region: string): boolean {
  if (!isDepartmentCode(department) || !isRegionCode(region)) return false;
  return DEPARTMENTS[department].regions.includes(region);
}

/** The unit a ticket of `region` goes to: the department's unit there, else its 220000 unit (units.fallback). */
export function unitFor(department: string, region: string): string {
  if (!isDepartmentCode(department)) throw new Error(`unknown department ${department}`);
  return unitExists(department, region) ? `${department}@${region}` : unitCode(department, PROVINCE_REGION);
}

const CUSTOMS_UNIT_NAMES: Partial<Record<RegionCode, string>> = {
  '220000': '长春海关',
  '222400': '延边海关（珲春、图们口岸）',
};

/** Below the province a 厅 is a 局: 吉林省商务厅 but 长春市商务局. */
function localDepartmentName(department: Department, region: RegionCode): string {
  if (region === PROVINCE_REGION) return department.name;
  return department.name.replace(/厅$/, '局');
}

export function unitName(department: DepartmentCode, region: RegionCode): string {
  const customs = department === 'CUSTOMS' ? CUSTOMS_UNIT_NAMES[region] : undefined;
  if (customs) return customs;
  return REGIONS[region].name + localDepartmentName(DEPARTMENTS[department], region);
}

function buildUnits(): readonly UnitInfo[] {
  const units = DEPARTMENT_CODES.flatMap((department) =>
    DEPARTMENTS[department].regions.map((region) =>
      Object.freeze({ code: unitCode(department, region), department, region, name: unitName(department, region) }),
    ),
  );
  return Object.freeze(units);
}

const ALL_UNITS = buildUnits();

export function allUnits(): readonly UnitInfo[] {
  return ALL_UNITS;
}

/** Region code of a county-level GB/T 2260 code: the prefecture sharing its first four digits. */
export function prefectureOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}
