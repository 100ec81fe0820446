export type {
  ConditionKey,
  RoutingDecision,
  RoutingFacts,
  RoutingRule,
  RuleConditions,
  RuleSet,
  UnitResolver,
} from './rule-types';
export { CONDITION_KEYS } from './rule-types';
export { DEFAULT_RULE_SET, DEFAULT_VOCABULARY, DEPARTMENT_NAMES, PROVINCE_REGION, type RoutingVocabulary } from './default-rule-set';
export { defaultUnitFor } from './units';
export { evaluateRules, findRule, ruleMatches, NoMatchingRuleError, type EvaluateOptions } from './rule-evaluator';
export { validateRuleSet, isRuleSetValid, type RuleSetProblem, type RuleSetProblemCode } from './rule-set-validator';
export { leadTable, type LeadTable } from './lead-table';
