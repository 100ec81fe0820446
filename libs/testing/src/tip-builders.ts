/** A public tip as the portal sends it (contracts.md "Public portal"). */
export function tipBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'REPORT',
    description: '长春市朝阳区红旗街一家超市销售假冒名牌白酒，酒瓶防伪标识是贴上去的，价格明显偏低',
    subject: { name: '长春市红旗街惠民超市', address: '长春市朝阳区红旗街 88 号', uscc: null },
    regionCode: '220100',
    productName: '白酒',
    reporter: { anonymous: true },
    ...overrides,
  };
}

export const namedReporter = (name = '王建国', phone = '13904310001', idNumber = '220102199003071235') => ({ anonymous: false, name, phone, idNumber });

/** The smallest files the portal accepts, recognised by content: a 1×1 PNG and a one-page PDF. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF_MINIMAL = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
