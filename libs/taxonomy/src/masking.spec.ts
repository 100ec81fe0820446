import { maskEmail, maskIdNumber, maskMiddle, maskName, maskPhone } from './masking';

describe('masking', () => {
  it('keeps the first character of a name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明')).toBe('欧**');
    expect(maskName(' 李四 ')).toBe('李*');
    expect(maskName('Zhang San')).toBe('Z********');
  });

  it('masks a one-character name whole', () => {
    expect(maskName('王')).toBe('*');
  });

  it('keeps the first 6 and last 4 characters of a phone', () => {
    expect(maskPhone('+8613912345678')).toBe('+86139****5678');
    expect(maskPhone('+8643188886666')).toBe('+86431****6666');
  });

  it('keeps the first 4 and last 2 characters of an ID number', () => {
    expect(maskIdNumber('220102198001011234')).toBe('2201************34');
  });

  it('keeps the first character and the domain of an e-mail, with three stars whatever the length', () => {
    expect(maskEmail('zl@example.cn')).toBe('z***@example.cn');
    expect(maskEmail('zhaoliu.long@example.cn')).toBe('z***@example.cn');
    expect(maskEmail('z@example.cn')).toBe('***@example.cn');
    expect(maskEmail('no-at-sign')).toBe('n*********');
  });

  it('masks at least half of a value too short for its rule', () => {
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('1')).toBe('*');
    expect(maskIdNumber('123456')).toBe('12***6');
    expect(maskMiddle('ab', 6, 4)).toBe('a*');
  });

  it('returns null for missing values', () => {
    for (const mask of [maskName, maskPhone, maskIdNumber, maskEmail]) {
      expect(mask(null)).toBeNull();
      expect(mask(undefined)).toBeNull();
      expect(mask('  ')).toBeNull();
    }
  });

  it('counts characters outside the BMP as one', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**');
  });
});
