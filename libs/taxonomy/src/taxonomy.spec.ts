import {
  CATEGORIES,
  DEPARTMENTS,
  DEPARTMENT_CODES,
  KINDS,
  REGIONS,
  REGION_CODES,
  ROUTING_RULES,
  STAGES,
  TAXONOMY_VERSION,
  VIOLATIONS,
  allUnits,
  parseUnitCode,
  unitExists,
  unitFor,
  unitName,
} from './taxonomy';

describe('taxonomy constants', () => {
  it('loads the codes and names of taxonomy.json', () => {
    expect(TAXONOMY_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(KINDS.REPORT).toBe('举报');
    expect(Object.keys(CATEGORIES)).toHaveLength(12);
    expect(VIOLATIONS.PRICE).toContain('价格');
    expect(STAGES.IMPORT_EXPORT).toContain('海关');
    expect(DEPARTMENTS.AIC).toMatchObject({ name: '工商行政管理局', hotline: '12315' });
  });

  it('names regions without their annotations', () => {
    expect(REGIONS['220000'].name).toBe('吉林省');
    expect(REGIONS['229900'].name).toBe('长白山管委会');
    expect(REGIONS['229900'].label).toContain('非 GB/T 2260');
    expect(REGIONS['222400'].name).toBe('延边朝鲜族自治州');
  });

  it('reads the levels rule of each department', () => {
    for (const code of ['TELECOM', 'MIIT', 'TCM'] as const) expect(DEPARTMENTS[code].regions).toEqual(['220000']);
    expect(DEPARTMENTS.CUSTOMS.regions).toEqual(['220000', '222400']);
    expect(DEPARTMENTS.AIC.regions).toEqual(REGION_CODES);
  });

  it('types the routing rules in order', () => {
    expect(ROUTING_RULES.map((r) => r.id).slice(0, 3)).toEqual(['R1', 'R2', 'R3']);
    expect(ROUTING_RULES[0]).toEqual({ id: 'R1', when: { stage: ['IMPORT_EXPORT'] }, lead: 'CUSTOMS', assist: [] });
    expect(ROUTING_RULES.find((r) => r.id === 'R4a')).toMatchObject({ lead: 'COPYRIGHT', assist: ['PRESS'] });
    expect(ROUTING_RULES[ROUTING_RULES.length - 1]).toMatchObject({ id: 'R17', when: {}, lead: 'AIC' });
  });
});

describe('units', () => {
  it('exist by the units rule', () => {
    expect(unitExists('CUSTOMS', '222400')).toBe(true);
    expect(unitExists('CUSTOMS', '220100')).toBe(false);
    expect(unitExists('TELECOM', '220000')).toBe(true);
    expect(unitExists('TELECOM', '220100')).toBe(false);
    expect(unitExists('AIC', '229900')).toBe(true);
    expect(unitExists('AIC', '220104')).toBe(false);
    expect(unitExists('NOPE', '220100')).toBe(false);
  });

  it('fall back to the province unit', () => {
    expect(unitFor('TELECOM', '222400')).toBe('TELECOM@220000');
    expect(unitFor('CUSTOMS', '222400')).toBe('CUSTOMS@222400');
    expect(unitFor('CUSTOMS', '220100')).toBe('CUSTOMS@220000');
    expect(unitFor('TCM', '220300')).toBe('TCM@220000');
    expect(unitFor('AIC', '220100')).toBe('AIC@220100');
    expect(unitFor('FSO', '229900')).toBe('FSO@229900');
    expect(() => unitFor('NOPE', '220100')).toThrow(/unknown department/);
  });

  it('lists every unit once with a Chinese name', () => {
    const units = allUnits();
    const everywhere = DEPARTMENT_CODES.length - 4;
    expect(units).toHaveLength(everywhere * REGION_CODES.length + 3 + 2);
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    const name = (code: string) => units.find((u) => u.code === code)?.name;
    expect(name('AIC@220100')).toBe('长春市工商行政管理局');
    expect(name('AIC@220000')).toBe('吉林省工商行政管理局');
    expect(name('COMMERCE@220000')).toBe('吉林省商务厅');
    expect(name('COMMERCE@220200')).toBe('吉林市商务局');
    expect(name('QTS@229900')).toBe('长白山管委会质量技术监督局');
    expect(name('FDA@222400')).toBe('延边朝鲜族自治州食品药品监督管理局');
    expect(name('TELECOM@220000')).toBe('吉林省通信管理局');
    expect(name('CUSTOMS@220000')).toBe('长春海关');
    expect(name('CUSTOMS@222400')).toContain('珲春');
    expect(name('TELECOM@220100')).toBeUndefined();
    for (const u of units) expect(unitExists(u.department, u.region)).toBe(true);
  });

  it('parses unit codes', () => {
    expect(parseUnitCode('AIC@220100')).toEqual({ department: 'AIC', region: '220100' });
    expect(parseUnitCode('AIC@220104')).toBeNull();
    expect(parseUnitCode('AIC')).toBeNull();
    expect(unitName('PRICE', '220800')).toBe('白城市物价局');
  });
});
