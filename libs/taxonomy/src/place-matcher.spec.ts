import { MentionRole, PlaceMatcher } from './place-matcher';
import { PlaceEntry, buildGazetteer } from './region-gazetteer';
import { placeMatcher } from './region-resolver';

describe('PlaceMatcher', () => {
  const entry = (name: string, regionCode: PlaceEntry['regionCode'], countyCode: string | null, level: PlaceEntry['level']): PlaceEntry => ({
    name,
    regionCode,
    countyCode,
    level,
  });
  const small = new PlaceMatcher([
    entry('长春', '220100', null, 'PREFECTURE'),
    entry('长春市', '220100', null, 'PREFECTURE'),
    entry('朝阳区', '220100', '220104', 'COUNTY'),
    entry('吉林', '220000', null, 'PROVINCE'),
    entry('吉林市', '220200', null, 'PREFECTURE'),
    entry('北京市', null, null, 'PREFECTURE'),
    { ...entry('梨树', '220300', '220322', 'COUNTY'), weak: true },
    { ...entry('长白山', '229900', null, 'PREFECTURE'), notFollowedBy: ['人参'] },
    entry('白山', '220600', null, 'PREFECTURE'),
  ]);

  it('finds the longest name at each position', () => {
    expect(small.mentions('长春市朝阳区').map((m) => m.entry.name)).toEqual(['长春市', '朝阳区']);
  });

  it('reads 吉林市场 as 吉林 + 市场', () => {
    expect(small.mentions('吉林市场').map((m) => m.entry.name)).toEqual(['吉林']);
  });

  it('skips a product name whole, names inside it included', () => {
    expect(small.mentions('长白山人参')).toEqual([]);
    expect(small.mentions('长白山脚下').map((m) => m.entry.name)).toEqual(['长白山']);
  });

  it('merges names written together into one place, the finest', () => {
    expect(small.candidates('长春市朝阳区')).toMatchObject([{ regionCode: '220100', countyCode: '220104', specificity: 2 }]);
  });

  it('drops names that follow a place outside the province', () => {
    expect(small.candidates('北京市朝阳区')).toEqual([]);
  });

  it('gives each mention its role', () => {
    const roles = (text: string) => small.candidates(text).map((c) => c.role);
    expect(roles('来电人是长春人')).toEqual([MentionRole.SECONDARY]);
    expect(roles('往长春送货')).toEqual([MentionRole.SECONDARY]);
    expect(roles('在长春一家店')).toEqual([MentionRole.LOCATION]);
    expect(roles('买了“长春”牌大米')).toEqual([MentionRole.QUOTED]);
    expect(roles('长春人都知道')).toEqual([MentionRole.NEUTRAL]);
  });

  it('keeps a weak name only as the place of a business, or in an address field', () => {
    expect(small.bestPlace('梨树开花了')).toBeNull();
    expect(small.bestPlace('梨树一家农资店')).toMatchObject({ countyCode: '220322' });
    expect(small.bestPlace('梨树', { field: true })).toMatchObject({ countyCode: '220322' });
  });
});

describe('the gazetteer', () => {
  const gazetteer = buildGazetteer();
  const named = (name: string) => gazetteer.find((e) => e.name === name);

  it('holds every county of the province from GB/T 2260', () => {
    expect(named('公主岭市')).toMatchObject({ regionCode: '220100', countyCode: '220184', level: 'COUNTY' });
    expect(named('梅河口市')).toMatchObject({ regionCode: '220500', countyCode: '220581' });
    expect(named('长白朝鲜族自治县')).toMatchObject({ regionCode: '220600', countyCode: '220623' });
  });

  it('overrides GB/T 2260 for 长白山管委会', () => {
    expect(named('二道白河镇')).toMatchObject({ regionCode: '229900', countyCode: null });
    expect(gazetteer.filter((e) => e.name.includes('长白山保护开发区')).every((e) => e.regionCode === '229900')).toBe(true);
  });

  it('keeps places outside the province as outside', () => {
    expect(named('沈阳市')).toMatchObject({ regionCode: null });
    expect(named('朝阳区')).toMatchObject({ regionCode: '220100' });
  });

  it('drops short forms that are ordinary words', () => {
    for (const name of ['朝阳', '丰满', '二道', '长白']) expect(named(name)?.regionCode ?? null).toBeNull();
    for (const name of ['梨树', '榆树', '龙井', '大安']) expect(named(name)?.weak).toBe(true);
  });

  it('finds the place in a 1 MiB text', () => {
    const sentence = '来电人反映在四平市铁西区一家药店买的感冒药是假的，店主说是从外地进的货。';
    const text = sentence.repeat(Math.ceil((1 << 20) / sentence.length));
    const matcher = placeMatcher();
    expect(matcher.bestPlace(text)).toMatchObject({ regionCode: '220300', countyCode: '220302' });
  });
});
