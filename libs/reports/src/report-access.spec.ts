import { isReportScope, mayUseScope, visibleScopes } from './report-access';

const supervisor = { roles: ['SUPERVISOR' as const], unit: 'COMMERCE@220000' };
const head = { roles: ['UNIT_HEAD' as const], unit: 'AIC@220100' };
const handler = { roles: ['HANDLER' as const], unit: 'AIC@220100' };

describe('report scopes', () => {
  it('are the province or a unit that exists', () => {
    expect(isReportScope('PROVINCE')).toBe(true);
    expect(isReportScope('AIC@220100')).toBe(true);
    expect(isReportScope('TCM@220100')).toBe(false);
    expect(isReportScope('AIC@999999')).toBe(false);
    expect(isReportScope('province')).toBe(false);
  });

  it('are all open to supervisors, and to a unit head only their own unit', () => {
    expect(mayUseScope(supervisor, 'PROVINCE')).toBe(true);
    expect(mayUseScope(supervisor, 'QTS@220300')).toBe(true);
    expect(mayUseScope(head, 'AIC@220100')).toBe(true);
    expect(mayUseScope(head, 'AIC@220200')).toBe(false);
    expect(mayUseScope(head, 'PROVINCE')).toBe(false);
    expect(mayUseScope(handler, 'AIC@220100')).toBe(false);
    expect(visibleScopes(supervisor)).toBeNull();
    expect(visibleScopes(head)).toEqual(['AIC@220100']);
    expect(visibleScopes(handler)).toEqual([]);
  });
});
