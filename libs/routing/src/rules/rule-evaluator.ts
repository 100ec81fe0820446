import type { RoutingDecision, RoutingFacts, RoutingRule, RuleConditions, RuleSet, UnitResolver } from './rule-types';
import { defaultUnitFor } from './units';

export interface EvaluateOptions {
  unitFor?: UnitResolver;
}

export class NoMatchingRuleError extends Error {
  constructor(readonly facts: RoutingFacts) {
    super(`no routing rule matches ${JSON.stringify(facts)}`);
    this.name = 'NoMatchingRuleError';
  }
}

const FACT_OF_CONDITION: Record<keyof RuleConditions, keyof RoutingFacts> = {
  category: 'category',
  violation: 'violation',
  stage: 'stage',
  region: 'regionCode',
};

export function ruleMatches(rule: RoutingRule, facts: RoutingFacts): boolean {
  const when = rule.when ?? {};
  for (const key of Object.keys(when) as (keyof RuleConditions)[]) {
    const accepted = when[key];
    if (accepted && !accepted.includes(facts[FACT_OF_CONDITION[key]])) return false;
  }
  return true;
}

export function findRule(ruleSet: RuleSet, facts: RoutingFacts): RoutingRule | undefined {
  return ruleSet.rules.find((rule) => ruleMatches(rule, facts));
}

/** Rules are tried in order; the first whose conditions all hold decides lead and assist units. */
export function evaluateRules(ruleSet: RuleSet, facts: RoutingFacts, options: EvaluateOptions = {}): RoutingDecision {
  const rule = findRule(ruleSet, facts);
  if (!rule) throw new NoMatchingRuleError(facts);
  const unitFor = options.unitFor ?? defaultUnitFor;
  const leadUnit = unitFor(rule.lead, facts.regionCode);
  const assistUnits = [...new Set((rule.assist ?? []).map((dept) => unitFor(dept, facts.regionCode)))].filter(
    (unit) => unit !== leadUnit,
  );
  return { ruleId: rule.id, leadDepartment: rule.lead, leadUnit, assistUnits };
}
