import { DEFAULT_VOCABULARY, PROVINCE_REGION, type RoutingVocabulary } from './default-rule-set';
import { ruleMatches } from './rule-evaluator';
import { CONDITION_KEYS, type ConditionKey, type RoutingFacts, type RoutingRule, type RuleSet } from './rule-types';

export type RuleSetProblemCode =
  | 'EMPTY_RULE_SET'
  | 'MALFORMED_RULE'
  | 'DUPLICATE_ID'
  | 'MISSING_ID'
  | 'UNKNOWN_CONDITION'
  | 'UNKNOWN_CODE'
  | 'EMPTY_CONDITION'
  | 'MISSING_LEAD'
  | 'FORBIDDEN_DEPARTMENT'
  | 'ASSIST_IS_LEAD'
  | 'NO_CATCH_ALL'
  | 'UNREACHABLE';

export interface RuleSetProblem {
  code: RuleSetProblemCode;
  severity: 'error' | 'warning';
  ruleId?: string;
  message: string;
}

/** POLICE takes cases only through the suspected-crime transfer, never through routing. */
const FORBIDDEN_DEPARTMENTS = ['POLICE'];

type Codes = Record<ConditionKey, ReadonlySet<string>>;

function codeSets(vocabulary: RoutingVocabulary): Codes {
  return {
    category: new Set(vocabulary.categories),
    violation: new Set(vocabulary.violations),
    stage: new Set(vocabulary.stages),
    region: new Set(vocabulary.regions),
  };
}

function problem(code: RuleSetProblemCode, message: string, ruleId?: string, severity: 'error' | 'warning' = 'error'): RuleSetProblem {
  return ruleId === undefined ? { code, severity, message } : { code, severity, ruleId, message };
}

function checkIds(rules: RoutingRule[]): RuleSetProblem[] {
  const seen = new Set<string>();
  const problems: RuleSetProblem[] = [];
  rules.forEach((rule, index) => {
    if (!rule.id) problems.push(problem('MISSING_ID', `第 ${index + 1} 条规则没有编号`));
    else if (seen.has(rule.id)) problems.push(problem('DUPLICATE_ID', `规则编号 ${rule.id} 重复`, rule.id));
    seen.add(rule.id);
  });
  return problems;
}

function checkConditions(rule: RoutingRule, codes: Codes): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  for (const [key, values] of Object.entries(rule.when ?? {})) {
    if (!(CONDITION_KEYS as readonly string[]).includes(key)) {
      problems.push(problem('UNKNOWN_CONDITION', `规则 ${rule.id} 的条件 ${key} 不存在`, rule.id));
      continue;
    }
    if (!Array.isArray(values) || values.length === 0) {
      problems.push(problem('EMPTY_CONDITION', `规则 ${rule.id} 的条件 ${key} 没有列出任何代码，永远不成立`, rule.id));
      continue;
    }
    for (const value of values) {
      if (!codes[key as ConditionKey].has(value)) {
        problems.push(problem('UNKNOWN_CODE', `规则 ${rule.id} 的条件 ${key} 含未知代码 ${value}`, rule.id));
      }
    }
  }
  return problems;
}

function checkDepartments(rule: RoutingRule, departments: ReadonlySet<string>): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  if (!rule.lead) problems.push(problem('MISSING_LEAD', `规则 ${rule.id} 没有主办部门`, rule.id));
  const named = [rule.lead, ...(rule.assist ?? [])].filter(Boolean);
  for (const dept of named) {
    if (FORBIDDEN_DEPARTMENTS.includes(dept)) {
      problems.push(problem('FORBIDDEN_DEPARTMENT', `规则 ${rule.id} 不能把 ${dept} 作为主办或协办（涉嫌犯罪走移送程序）`, rule.id));
    } else if (!departments.has(dept)) {
      problems.push(problem('UNKNOWN_CODE', `规则 ${rule.id} 含未知部门 ${dept}`, rule.id));
    }
  }
  if (rule.lead && rule.assist?.includes(rule.lead)) {
    problems.push(problem('ASSIST_IS_LEAD', `规则 ${rule.id} 的协办部门包含主办部门 ${rule.lead}`, rule.id, 'warning'));
  }
  return problems;
}

function isCatchAll(rule: RoutingRule | undefined): boolean {
  return !!rule && Object.keys(rule.when ?? {}).length === 0;
}

function* allFacts(vocabulary: RoutingVocabulary, withRegions: boolean): Generator<RoutingFacts> {
  const regions = withRegions ? vocabulary.regions : [PROVINCE_REGION];
  for (const category of vocabulary.categories)
    for (const violation of vocabulary.violations)
      for (const stage of vocabulary.stages)
        for (const regionCode of regions) yield { category, violation, stage, regionCode };
}

/** A rule is unreachable when, over every combination of known codes, an earlier rule always decides first. */
function checkReachability(rules: RoutingRule[], vocabulary: RoutingVocabulary): RuleSetProblem[] {
  const usesRegion = rules.some((rule) => rule.when?.region !== undefined);
  const reached = new Set<number>();
  const takenBy = new Map<number, Set<string>>();
  for (const facts of allFacts(vocabulary, usesRegion)) {
    const first = rules.findIndex((rule) => ruleMatches(rule, facts));
    if (first < 0) continue;
    reached.add(first);
    rules.forEach((rule, index) => {
      if (index > first && ruleMatches(rule, facts)) {
        takenBy.set(index, (takenBy.get(index) ?? new Set()).add(rules[first].id));
      }
    });
  }
  return rules.flatMap((rule, index) => {
    if (reached.has(index)) return [];
    const earlier = [...(takenBy.get(index) ?? [])];
    const why = earlier.length ? `，它的情形都已被 ${earlier.join('、')} 先处理` : '，没有任何已知代码组合满足它的条件';
    return [problem('UNREACHABLE', `规则 ${rule.id} 永远不会被用到${why}`, rule.id)];
  });
}

const isStringList = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** Rules arrive as JSON: each must have the shape of a rule before its meaning is checked. */
function checkShape(rules: unknown[]): RuleSetProblem[] {
  return rules.flatMap((rule, index) => {
    const where = `第 ${index + 1} 条规则`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) return [problem('MALFORMED_RULE', `${where}不是 { id, when, lead, assist } 对象`)];
    const r = rule as Record<string, unknown>;
    const wrong: string[] = [];
    if (r.id !== undefined && typeof r.id !== 'string') wrong.push('id 必须是文字');
    if (r.lead !== undefined && typeof r.lead !== 'string') wrong.push('lead 必须是部门代码');
    if (r.assist !== undefined && !isStringList(r.assist)) wrong.push('assist 必须是部门代码列表');
    const when = r.when;
    if (when !== undefined && (typeof when !== 'object' || when === null || Array.isArray(when) || !Object.values(when).every(isStringList))) {
      wrong.push('when 的每个条件必须是代码列表');
    }
    return wrong.map((message) => problem('MALFORMED_RULE', `${where}：${message}`));
  });
}

/** Everything wrong with a rule set, in rule order; an empty list means it may be activated. */
export function validateRuleSet(ruleSet: RuleSet, vocabulary: RoutingVocabulary = DEFAULT_VOCABULARY): RuleSetProblem[] {
  const rules = ruleSet?.rules ?? [];
  if (rules.length === 0) return [problem('EMPTY_RULE_SET', '规则集没有任何规则')];
  const malformed = checkShape(rules);
  if (malformed.length > 0) return malformed;
  const codes = codeSets(vocabulary);
  const departments = new Set(vocabulary.departments);
  const problems = [
    ...checkIds(rules),
    ...rules.flatMap((rule) => [...checkConditions(rule, codes), ...checkDepartments(rule, departments)]),
  ];
  if (!isCatchAll(rules[rules.length - 1])) {
    problems.push(problem('NO_CATCH_ALL', '最后一条规则必须没有条件（兜底规则），否则有的工单找不到主办部门', rules[rules.length - 1].id));
  }
  return [...problems, ...checkReachability(rules, vocabulary)];
}

export function isRuleSetValid(ruleSet: RuleSet, vocabulary?: RoutingVocabulary): boolean {
  return validateRuleSet(ruleSet, vocabulary).every((p) => p.severity !== 'error');
}
