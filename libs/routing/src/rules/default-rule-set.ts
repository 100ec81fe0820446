import {
  CATEGORY_CODES,
  DEPARTMENTS,
  DEPARTMENT_CODES,
  PROVINCE_REGION,
  REGION_CODES,
  ROUTING_RULES,
  STAGE_CODES,
  TAXONOMY_VERSION,
  VIOLATION_CODES,
} from '@hub/taxonomy';
import type { RuleSet } from './rule-types';

export { PROVINCE_REGION };

/** The codes a rule set may use; validation and exhaustive checks enumerate these. */
export interface RoutingVocabulary {
  categories: readonly string[];
  violations: readonly string[];
  stages: readonly string[];
  regions: readonly string[];
  departments: readonly string[];
}

export const DEFAULT_VOCABULARY: RoutingVocabulary = {
  categories: CATEGORY_CODES,
  violations: VIOLATION_CODES,
  stages: STAGE_CODES,
  regions: REGION_CODES,
  departments: DEPARTMENT_CODES,
};

/** Department names as people read them (taxonomy.json departments). */
export const DEPARTMENT_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  DEPARTMENT_CODES.map((code) => [code, DEPARTMENTS[code].name]),
);

/** taxonomy.json's routing rules as a plain, editable rule set. */
export const DEFAULT_RULE_SET: RuleSet = {
  version: TAXONOMY_VERSION,
  rules: ROUTING_RULES.map((rule) => ({
    id: rule.id,
    when: Object.fromEntries(Object.entries(rule.when).map(([key, codes]) => [key, [...(codes as readonly string[])]])),
    lead: rule.lead,
    ...(rule.assist.length ? { assist: [...rule.assist] } : {}),
  })),
};
