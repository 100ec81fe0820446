import { PROVINCE_SCOPE } from '@hub/contracts';
import { CATEGORIES, DEPARTMENTS, DEPARTMENT_CODES, parseUnitCode, PROVINCE_REGION, REGIONS, unitName } from '@hub/taxonomy';

/** The Chinese names a report prints for the codes in the figures (ui.md glossary, taxonomy.json). */
export interface ReportNames {
  /** 吉林省: the province, from the taxonomy's province region */
  province: string;
  /** 全省, or the unit's name */
  scope: string;
  feed(code: string): string;
  region(code: string): string;
  category(code: string): string;
  unit(code: string): string;
  outcome(code: string): string;
}

const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  NO_CASE: '不予立案',
  MEDIATED: '调解成功',
  MEDIATION_FAILED: '调解不成',
  PENALIZED: '立案处罚',
  TRANSFERRED: '移送公安',
};

const CHANNEL_FEEDS: Readonly<Record<string, string>> = { OPERATOR: '话务员录入', WEB: '网上举报平台' };

/** 12315 工商行政管理局: the hotline and the department that answers it. */
function feedName(code: string): string {
  if (CHANNEL_FEEDS[code]) return CHANNEL_FEEDS[code];
  const department = DEPARTMENT_CODES.find((d) => DEPARTMENTS[d].hotline === code);
  return department ? `${code} ${DEPARTMENTS[department].name.replace(/厅$/, '')}` : code;
}

function unitDisplayName(code: string): string {
  const unit = parseUnitCode(code);
  return unit ? unitName(unit.department, unit.region) : code;
}

export function scopeName(scope: string): string {
  return scope === PROVINCE_SCOPE ? REGIONS[PROVINCE_REGION].name : unitDisplayName(scope);
}

export function reportNames(scope: string): ReportNames {
  return {
    province: REGIONS[PROVINCE_REGION].name,
    scope: scope === PROVINCE_SCOPE ? '全省' : unitDisplayName(scope),
    feed: feedName,
    region: (code) => (code in REGIONS ? REGIONS[code as keyof typeof REGIONS].label : code),
    category: (code) => (code in CATEGORIES ? CATEGORIES[code as keyof typeof CATEGORIES] : code === 'UNCLASSIFIED' || code === '' ? '未分类' : code),
    unit: unitDisplayName,
    outcome: (code) => OUTCOME_NAMES[code] ?? code,
  };
}
