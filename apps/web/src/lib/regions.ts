import type { Lang } from '../i18n';

/** The province's prefecture-level regions (taxonomy.json), for the public portal, which has no staff taxonomy. */
export const PORTAL_REGIONS: ReadonlyArray<{ code: string; zh: string; en: string }> = [
  { code: '220100', zh: '长春市', en: 'Changchun' },
  { code: '220200', zh: '吉林市', en: 'Jilin City' },
  { code: '220300', zh: '四平市', en: 'Siping' },
  { code: '220400', zh: '辽源市', en: 'Liaoyuan' },
  { code: '220500', zh: '通化市', en: 'Tonghua' },
  { code: '220600', zh: '白山市', en: 'Baishan' },
  { code: '220700', zh: '松原市', en: 'Songyuan' },
  { code: '220800', zh: '白城市', en: 'Baicheng' },
  { code: '222400', zh: '延边朝鲜族自治州', en: 'Yanbian Korean Autonomous Prefecture' },
  { code: '229900', zh: '长白山管委会', en: 'Changbaishan Administration' },
  { code: '220000', zh: '不清楚 / 全省', en: 'Not sure / province-wide' },
];

export const regionLabel = (region: { zh: string; en: string }, lang: Lang) => (lang === 'zh' ? region.zh : region.en);
