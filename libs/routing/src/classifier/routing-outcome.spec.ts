import { DEFAULT_RULE_SET } from '../rules/default-rule-set';
import { leadTable } from '../rules/lead-table';
import { leadOutcome } from './routing-outcome';

describe('leadOutcome', () => {
  const table = leadTable(DEFAULT_RULE_SET, { categories: ['FOOD', 'OTHER_GOODS'], violations: ['COUNTERFEIT', 'PRICE'], stages: ['CIRCULATION', 'PRODUCTION'] });

  it('sums the joint probability of every combination per lead department', () => {
    const outcome = leadOutcome(table, { category: Float64Array.of(1, 0), violation: Float64Array.of(1, 0), stage: Float64Array.of(0.6, 0.4) });
    expect(outcome.leads.get('AIC')).toBeCloseTo(0.6);
    expect(outcome.leads.get('QTS')).toBeCloseTo(0.4);
    expect(outcome.best).toMatchObject({ lead: 'AIC', category: 0, violation: 0, stage: 0 });
  });

  it('picks the lead with most mass even when it is not every head’s favourite', () => {
    // violation favours COUNTERFEIT 0.45, but FOOD+COUNTERFEIT splits between AIC and QTS by stage
    const outcome = leadOutcome(table, { category: Float64Array.of(1, 0), violation: Float64Array.of(0.45, 0.55), stage: Float64Array.of(0.5, 0.5) });
    expect(outcome.best.lead).toBe('PRICE');
    expect(outcome.best.probability).toBeCloseTo(0.55);
  });
});
