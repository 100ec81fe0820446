/** Facts a routing rule can test; every condition lists the codes it accepts. */
export interface RuleConditions {
  category?: string[];
  violation?: string[];
  stage?: string[];
  region?: string[];
}

export interface RoutingRule {
  id: string;
  when: RuleConditions;
  lead: string;
  assist?: string[];
}

export interface RuleSet {
  version?: string;
  rules: RoutingRule[];
}

export interface RoutingFacts {
  category: string;
  violation: string;
  stage: string;
  regionCode: string;
}

export interface RoutingDecision {
  ruleId: string;
  leadDepartment: string;
  leadUnit: string;
  assistUnits: string[];
}

/** Maps a department and a prefecture-level region to the unit that serves it (DEPT@REGION). */
export type UnitResolver = (department: string, regionCode: string) => string;

export const CONDITION_KEYS = ['category', 'violation', 'stage', 'region'] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];
