import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_RULE_SET } from './default-rule-set';
import { leadTable } from './lead-table';
import { evaluateRules, NoMatchingRuleError } from './rule-evaluator';
import type { RoutingFacts, RuleSet } from './rule-types';

const facts = (category: string, violation: string, stage: string, regionCode = '220100'): RoutingFacts => ({ category, violation, stage, regionCode });

describe('evaluateRules with the default rule set', () => {
  const cases: [string, RoutingFacts, string, string, string[]][] = [
    ['R1', facts('OTHER_GOODS', 'TRADEMARK', 'IMPORT_EXPORT'), 'CUSTOMS', 'CUSTOMS@220000', []],
    ['R2', facts('FOOD', 'PRICE', 'CIRCULATION', '220300'), 'PRICE', 'PRICE@220300', []],
    ['R3', facts('AUTO', 'PATENT', 'PRODUCTION'), 'IPO', 'IPO@220100', []],
    ['R4a', facts('PUBLICATION', 'COPYRIGHT', 'CIRCULATION'), 'COPYRIGHT', 'COPYRIGHT@220100', ['PRESS@220100']],
    ['R4a', facts('PRINTING', 'COPYRIGHT', 'PRODUCTION'), 'COPYRIGHT', 'COPYRIGHT@220100', ['PRESS@220100']],
    ['R4b', facts('ANIMATION', 'COPYRIGHT', 'ONLINE'), 'COPYRIGHT', 'COPYRIGHT@220100', ['CULTURE@220100']],
    ['R4b', facts('AUDIO_VIDEO', 'COPYRIGHT', 'CIRCULATION'), 'COPYRIGHT', 'COPYRIGHT@220100', ['CULTURE@220100']],
    ['R4c', facts('SOFTWARE', 'COPYRIGHT', 'CIRCULATION'), 'COPYRIGHT', 'COPYRIGHT@220100', ['MIIT@220000']],
    ['R4d', facts('OTHER_GOODS', 'COPYRIGHT', 'PRODUCTION'), 'COPYRIGHT', 'COPYRIGHT@220100', []],
    ['R5', facts('FOOD', 'TRADEMARK', 'PRODUCTION'), 'AIC', 'AIC@220100', []],
    ['R6', facts('AGRI_PRODUCT', 'LABEL_MISUSE', 'CIRCULATION'), 'AGRI', 'AGRI@220100', []],
    ['R7', facts('TCM_MEDICINE', 'COUNTERFEIT', 'CIRCULATION', '220500'), 'FDA', 'FDA@220500', ['TCM@220000']],
    ['R8', facts('HEALTH_PRODUCT', 'FALSE_INFO', 'ONLINE'), 'FDA', 'FDA@220100', []],
    ['R9a', facts('MINERAL_WATER', 'UNLICENSED', 'PRODUCTION', '229900'), 'QTS', 'QTS@229900', ['FSO@229900']],
    ['R9b', facts('FOOD', 'COUNTERFEIT', 'ONLINE'), 'AIC', 'AIC@220100', ['FSO@220100']],
    ['R10', facts('PUBLICATION', 'UNLICENSED', 'CIRCULATION'), 'PRESS', 'PRESS@220100', []],
    ['R11', facts('AUDIO_VIDEO', 'UNLICENSED', 'CIRCULATION'), 'CULTURE', 'CULTURE@220100', []],
    ['R12', facts('SOFTWARE', 'FALSE_INFO', 'ONLINE'), 'COPYRIGHT', 'COPYRIGHT@220100', ['MIIT@220000']],
    ['R13', facts('AUTO', 'COUNTERFEIT', 'PRODUCTION'), 'QTS', 'QTS@220100', []],
    ['R14', facts('OTHER_GOODS', 'LABEL_MISUSE', 'CIRCULATION'), 'QTS', 'QTS@220100', []],
    ['R15', facts('OTHER_GOODS', 'COUNTERFEIT', 'ONLINE', '222400'), 'AIC', 'AIC@222400', ['TELECOM@220000']],
    ['R16', facts('OTHER_GOODS', 'UNLICENSED', 'PRODUCTION'), 'QTS', 'QTS@220100', []],
    ['R17', facts('AUTO', 'COUNTERFEIT', 'CIRCULATION'), 'AIC', 'AIC@220100', []],
  ];

  it.each(cases)('%s: %j → %s', (ruleId, input, lead, leadUnit, assistUnits) => {
    expect(evaluateRules(DEFAULT_RULE_SET, input)).toEqual({ ruleId, leadDepartment: lead, leadUnit, assistUnits });
  });

  it('covers every rule of the default set', () => {
    expect(new Set(cases.map(([id]) => id))).toEqual(new Set(DEFAULT_RULE_SET.rules.map((r) => r.id)));
  });

  it('lets the first matching rule decide', () => {
    expect(evaluateRules(DEFAULT_RULE_SET, facts('FOOD', 'PRICE', 'IMPORT_EXPORT')).ruleId).toBe('R1');
    expect(evaluateRules(DEFAULT_RULE_SET, facts('AGRI_PRODUCT', 'TRADEMARK', 'CIRCULATION')).ruleId).toBe('R5');
    expect(evaluateRules(DEFAULT_RULE_SET, facts('SOFTWARE', 'COPYRIGHT', 'ONLINE')).ruleId).toBe('R4c');
    expect(evaluateRules(DEFAULT_RULE_SET, facts('AUTO', 'LABEL_MISUSE', 'PRODUCTION')).ruleId).toBe('R13');
  });
});

describe('unit fallbacks', () => {
  it('sends CUSTOMS to 延边 (222400) and every other region to the province unit', () => {
    expect(evaluateRules(DEFAULT_RULE_SET, facts('FOOD', 'COUNTERFEIT', 'IMPORT_EXPORT', '222400')).leadUnit).toBe('CUSTOMS@222400');
    expect(evaluateRules(DEFAULT_RULE_SET, facts('FOOD', 'COUNTERFEIT', 'IMPORT_EXPORT', '220500')).leadUnit).toBe('CUSTOMS@220000');
  });

  it('has TELECOM, MIIT and TCM only at 220000', () => {
    expect(evaluateRules(DEFAULT_RULE_SET, facts('OTHER_GOODS', 'FALSE_INFO', 'ONLINE', '220800')).assistUnits).toEqual(['TELECOM@220000']);
    expect(evaluateRules(DEFAULT_RULE_SET, facts('SOFTWARE', 'COPYRIGHT', 'CIRCULATION', '220800')).assistUnits).toEqual(['MIIT@220000']);
    expect(evaluateRules(DEFAULT_RULE_SET, facts('TCM_MEDICINE', 'FALSE_INFO', 'CIRCULATION', '220800')).assistUnits).toEqual(['TCM@220000']);
  });

  it('keeps ordinary departments in the ticket region, including 长白山 (229900)', () => {
    expect(evaluateRules(DEFAULT_RULE_SET, facts('FOOD', 'COUNTERFEIT', 'CIRCULATION', '229900'))).toMatchObject({ leadUnit: 'AIC@229900', assistUnits: ['FSO@229900'] });
  });

  it('falls back to the province unit for an unknown region', () => {
    expect(evaluateRules(DEFAULT_RULE_SET, facts('AUTO', 'COUNTERFEIT', 'CIRCULATION', '999999')).leadUnit).toBe('AIC@220000');
  });

  it('uses an injected unit resolver', () => {
    const decision = evaluateRules(DEFAULT_RULE_SET, facts('FOOD', 'COUNTERFEIT', 'CIRCULATION'), { unitFor: (d, r) => `${d}#${r}` });
    expect(decision).toMatchObject({ leadUnit: 'AIC#220100', assistUnits: ['FSO#220100'] });
  });
});

describe('custom rule sets', () => {
  it('drops an assist unit that is the lead unit and duplicate assist units', () => {
    const ruleSet: RuleSet = { rules: [{ id: 'X', when: {}, lead: 'AIC', assist: ['AIC', 'FSO', 'FSO'] }] };
    expect(evaluateRules(ruleSet, facts('FOOD', 'COUNTERFEIT', 'CIRCULATION')).assistUnits).toEqual(['FSO@220100']);
  });

  it('honours region conditions', () => {
    const ruleSet: RuleSet = { rules: [{ id: 'YB', when: { region: ['222400'] }, lead: 'CUSTOMS' }, { id: 'ALL', when: {}, lead: 'AIC' }] };
    expect(evaluateRules(ruleSet, facts('FOOD', 'COUNTERFEIT', 'CIRCULATION', '222400')).leadUnit).toBe('CUSTOMS@222400');
    expect(evaluateRules(ruleSet, facts('FOOD', 'COUNTERFEIT', 'CIRCULATION', '220100')).ruleId).toBe('ALL');
  });

  it('throws when no rule matches', () => {
    const ruleSet: RuleSet = { rules: [{ id: 'ONLY', when: { stage: ['ONLINE'] }, lead: 'AIC' }] };
    expect(() => evaluateRules(ruleSet, facts('FOOD', 'COUNTERFEIT', 'CIRCULATION'))).toThrow(NoMatchingRuleError);
  });
});

describe('the labelled set', () => {
  interface Row {
    id: string;
    expected: { category: string; violation: string; stage: string; region: string; lead: string; assist: string[]; rule: string };
  }
  const dataDir = join(__dirname, '../../data');
  const file = ['routing-public.jsonl', 'routing-labelled.jsonl'].map((f) => join(dataDir, f)).find((f) => {
    try {
      return readFileSync(f).length > 0;
    } catch {
      return false;
    }
  })!;
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);

  it('routes every expected classification to its expected rule, lead and assist departments', () => {
    const mismatches = rows.filter((row) => {
      const e = row.expected;
      const d = evaluateRules(DEFAULT_RULE_SET, { ...e, regionCode: e.region });
      const assist = d.assistUnits.map((u) => u.split('@')[0]);
      return d.ruleId !== e.rule || d.leadDepartment !== e.lead || assist.join() !== e.assist.join();
    });
    expect(mismatches.map((r) => r.id)).toEqual([]);
  });
});

describe('leadTable', () => {
  it('agrees with evaluateRules for every combination', () => {
    const labels = { categories: ['FOOD', 'AUTO', 'SOFTWARE'], violations: ['PRICE', 'COUNTERFEIT', 'COPYRIGHT'], stages: ['PRODUCTION', 'ONLINE', 'IMPORT_EXPORT'] };
    const table = leadTable(DEFAULT_RULE_SET, labels);
    let i = 0;
    for (const category of labels.categories)
      for (const violation of labels.violations)
        for (const stage of labels.stages) {
          expect(table.leads[i]).toBe(evaluateRules(DEFAULT_RULE_SET, facts(category, violation, stage)).leadDepartment);
          expect(table.departments[table.leadIds[i]]).toBe(table.leads[i]);
          i++;
        }
    expect(leadTable(DEFAULT_RULE_SET, labels)).toBe(table);
  });
});
