import { DEFAULT_RULE_SET } from './default-rule-set';
import type { RoutingRule, RuleSet } from './rule-types';
import { isRuleSetValid, validateRuleSet } from './rule-set-validator';

const CATCH_ALL: RoutingRule = { id: 'LAST', when: {}, lead: 'AIC' };
const withRules = (...rules: RoutingRule[]): RuleSet => ({ rules: [...rules, CATCH_ALL] });
const codes = (ruleSet: RuleSet) => validateRuleSet(ruleSet).map((p) => `${p.code}:${p.ruleId ?? ''}`);

describe('validateRuleSet', () => {
  it('finds nothing wrong with the default rule set', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
    expect(isRuleSetValid(DEFAULT_RULE_SET)).toBe(true);
  });

  it('reports an empty rule set', () => {
    expect(codes({ rules: [] })).toEqual(['EMPTY_RULE_SET:']);
  });

  it('reports duplicate and missing ids', () => {
    const problems = codes(withRules({ id: 'A', when: { stage: ['ONLINE'] }, lead: 'AIC' }, { id: 'A', when: { stage: ['PRODUCTION'] }, lead: 'QTS' }, { id: '', when: { stage: ['CIRCULATION'] }, lead: 'AIC' }));
    expect(problems).toContain('DUPLICATE_ID:A');
    expect(problems).toContain('MISSING_ID:');
  });

  it('reports unknown codes in conditions, lead and assist', () => {
    const problems = codes(
      withRules(
        { id: 'C', when: { category: ['SHOES'] }, lead: 'AIC' },
        { id: 'V', when: { violation: ['SMUGGLING'], stage: ['ONLINE'] }, lead: 'AIC' },
        { id: 'S', when: { stage: ['RETAIL'] }, lead: 'AIC' },
        { id: 'G', when: { region: ['110000'] }, lead: 'AIC' },
        { id: 'D', when: { stage: ['PRODUCTION'] }, lead: 'MINISTRY', assist: ['NOBODY'] },
      ),
    );
    expect(problems.filter((p) => p.startsWith('UNKNOWN_CODE'))).toEqual(['UNKNOWN_CODE:C', 'UNKNOWN_CODE:V', 'UNKNOWN_CODE:S', 'UNKNOWN_CODE:G', 'UNKNOWN_CODE:D', 'UNKNOWN_CODE:D']);
  });

  it('reports unknown condition keys and conditions that can never hold', () => {
    const ruleSet = withRules({ id: 'K', when: { channel: ['PHONE'] } as never, lead: 'AIC' }, { id: 'E', when: { stage: [] }, lead: 'AIC' });
    expect(codes(ruleSet)).toEqual(expect.arrayContaining(['UNKNOWN_CONDITION:K', 'EMPTY_CONDITION:E', 'UNREACHABLE:E']));
  });

  it('forbids POLICE as lead or assist', () => {
    const problems = codes(withRules({ id: 'P1', when: { violation: ['COUNTERFEIT'] }, lead: 'POLICE' }, { id: 'P2', when: { stage: ['ONLINE'] }, lead: 'AIC', assist: ['POLICE'] }));
    expect(problems).toEqual(expect.arrayContaining(['FORBIDDEN_DEPARTMENT:P1', 'FORBIDDEN_DEPARTMENT:P2']));
  });

  it('reports a missing lead and warns when the lead is also an assist', () => {
    const problems = validateRuleSet(withRules({ id: 'M', when: { stage: ['ONLINE'] }, lead: '' }, { id: 'W', when: { stage: ['PRODUCTION'] }, lead: 'QTS', assist: ['QTS'] }));
    expect(problems.find((p) => p.ruleId === 'M')?.code).toBe('MISSING_LEAD');
    expect(problems.find((p) => p.ruleId === 'W')).toMatchObject({ code: 'ASSIST_IS_LEAD', severity: 'warning' });
  });

  it('requires a catch-all last rule', () => {
    const ruleSet: RuleSet = { rules: [{ id: 'ONLY', when: { stage: ['ONLINE'] }, lead: 'AIC' }] };
    expect(codes(ruleSet)).toEqual(['NO_CATCH_ALL:ONLY']);
    expect(isRuleSetValid(ruleSet)).toBe(false);
  });

  it('finds a rule shadowed by one earlier rule', () => {
    const ruleSet = withRules({ id: 'BROAD', when: { violation: ['PRICE'] }, lead: 'PRICE' }, { id: 'NARROW', when: { violation: ['PRICE'], category: ['FOOD'] }, lead: 'AIC' });
    const problem = validateRuleSet(ruleSet).find((p) => p.code === 'UNREACHABLE');
    expect(problem).toMatchObject({ ruleId: 'NARROW' });
    expect(problem?.message).toContain('BROAD');
  });

  it('finds a rule shadowed only by several earlier rules together', () => {
    const stages = ['PRODUCTION', 'CIRCULATION', 'ONLINE', 'IMPORT_EXPORT'];
    const ruleSet = withRules(...stages.map((stage) => ({ id: stage, when: { stage: [stage] }, lead: 'AIC' })), { id: 'AFTER', when: { category: ['FOOD'] }, lead: 'QTS' });
    expect(codes(ruleSet)).toEqual(['UNREACHABLE:AFTER', 'UNREACHABLE:LAST']);
  });

  it('reports everything after an early catch-all as unreachable', () => {
    const ruleSet: RuleSet = { rules: [CATCH_ALL, { id: 'LATE', when: {}, lead: 'QTS' }] };
    expect(codes(ruleSet)).toEqual(['UNREACHABLE:LATE']);
  });

  it('treats rules with region conditions per region', () => {
    const ruleSet = withRules({ id: 'YB', when: { region: ['222400'], stage: ['IMPORT_EXPORT'] }, lead: 'CUSTOMS' }, { id: 'PORT', when: { stage: ['IMPORT_EXPORT'] }, lead: 'CUSTOMS' });
    expect(validateRuleSet(ruleSet)).toEqual([]);
  });

  it('reports rules that are not shaped like rules instead of failing on them', () => {
    const ruleSet = { rules: [{}, 'x', { id: 1, when: { stage: 'ONLINE' }, lead: ['AIC'], assist: 'QTS' }] } as unknown as RuleSet;
    const problems = validateRuleSet(ruleSet);
    expect(problems.every((p) => p.code === 'MALFORMED_RULE' && p.severity === 'error')).toBe(true);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('第 2 条规则'),
      expect.stringContaining('id'),
      expect.stringContaining('lead'),
      expect.stringContaining('assist'),
      expect.stringContaining('when'),
    ]);
  });
});
