import { PROVINCE_REGION } from './default-rule-set';
import { findRule } from './rule-evaluator';
import type { RuleSet } from './rule-types';

/** Lead department for every (category, violation, stage) combination, flattened c-major. */
export interface LeadTable {
  categories: readonly string[];
  violations: readonly string[];
  stages: readonly string[];
  /** index: (c * violations.length + v) * stages.length + s; '' where no rule matches */
  leads: readonly string[];
  /** the distinct leads, and for each combination the position of its lead in that list */
  departments: readonly string[];
  leadIds: Int32Array;
}

const cache = new WeakMap<RuleSet, Map<string, LeadTable>>();

function buildLeadTable(ruleSet: RuleSet, categories: readonly string[], violations: readonly string[], stages: readonly string[], regionCode: string): LeadTable {
  const leads: string[] = [];
  for (const category of categories)
    for (const violation of violations)
      for (const stage of stages) leads.push(findRule(ruleSet, { category, violation, stage, regionCode })?.lead ?? '');
  const departments = [...new Set(leads)];
  const leadIds = Int32Array.from(leads, (lead) => departments.indexOf(lead));
  return { categories, violations, stages, leads, departments, leadIds };
}

/** Memoised per rule set object: the classifier asks for it on every call. */
export function leadTable(
  ruleSet: RuleSet,
  labels: { categories: readonly string[]; violations: readonly string[]; stages: readonly string[] },
  regionCode: string = PROVINCE_REGION,
): LeadTable {
  const key = [regionCode, labels.categories.join(), labels.violations.join(), labels.stages.join()].join('|');
  let byKey = cache.get(ruleSet);
  if (!byKey) cache.set(ruleSet, (byKey = new Map()));
  let table = byKey.get(key);
  if (!table) byKey.set(key, (table = buildLeadTable(ruleSet, labels.categories, labels.violations, labels.stages, regionCode)));
  return table;
}
