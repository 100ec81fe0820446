import type { Head } from './lexicon-types';

/** Short Chinese names for explanations; taxonomy.json carries the full ones. */
export const LABEL_NAMES: Record<Head, Record<string, string>> = {
  category: {
    AUTO: '汽车及零部件',
    AGRI_PRODUCT: '农畜产品',
    FOOD: '食品',
    MINERAL_WATER: '矿泉水',
    TCM_MEDICINE: '中成药',
    HEALTH_PRODUCT: '保健品',
    ANIMATION: '动漫',
    AUDIO_VIDEO: '音像制品',
    PUBLICATION: '新闻出版物',
    SOFTWARE: '计算机软件',
    PRINTING: '印刷品、包装及标识',
    OTHER_GOODS: '其他商品',
  },
  violation: {
    TRADEMARK: '商标侵权',
    PATENT: '专利侵权',
    COPYRIGHT: '侵犯著作权',
    COUNTERFEIT: '假冒伪劣',
    UNLICENSED: '无证照生产经营',
    LABEL_MISUSE: '滥用认证及地理标志',
    PRICE: '价格违法',
    FALSE_INFO: '虚假宣传',
    OTHER: '其他',
  },
  stage: {
    PRODUCTION: '生产',
    CIRCULATION: '流通',
    ONLINE: '网络及电视电话购物',
    IMPORT_EXPORT: '进出口',
  },
};

export const HEAD_NAMES: Record<Head, string> = { category: '类别', violation: '违法类型', stage: '环节' };
