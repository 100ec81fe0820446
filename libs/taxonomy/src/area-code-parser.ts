import { RegionCode } from './taxonomy';

/** Landline area codes of the province (taxonomy.json regionNotes). */
export const AREA_CODE_REGIONS: Readonly<Record<string, RegionCode>> = Object.freeze({
  '0431': '220100',
  '0432': '220200',
  '0433': '222400',
  '0434': '220300',
  '0435': '220500',
  '0436': '220800',
  '0437': '220400',
  '0438': '220700',
  '0439': '220600',
});

/**
 * The national number without trunk prefix or country code: 0431-88886666, +86 431 8888 6666,
 * 0086431…, 86043188886666 all give 43188886666. `hadPrefix` tells whether a 0 or +86 stood in front.
 */
function nationalDigits(phone: string): { digits: string; hadPrefix: boolean } {
  let digits = phone.replace(/\D/g, '');
  let hadPrefix = false;
  if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    hadPrefix = true;
  } else if (digits.startsWith('86') && (phone.trim().startsWith('+') || digits.length >= 12)) {
    digits = digits.slice(2);
    hadPrefix = true;
  }
  if (digits.startsWith('0')) {
    digits = digits.slice(1);
    hadPrefix = true;
  }
  return { digits, hadPrefix };
}

/** The area code (0431…) of a 吉林省 landline, or null (mobiles carry no region; neither do numbers without an area code). */
export function jilinAreaCode(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const { digits, hadPrefix } = nationalDigits(phone);
  // area code (3 digits after the trunk 0) and a 7- or 8-digit local number, perhaps an extension after it
  const landline = hadPrefix ? /^(43[1-9])\d{7,}$/ : /^(43[1-9])\d{7,8}$/;
  const match = landline.exec(digits);
  return match ? `0${match[1]}` : null;
}

export function regionOfPhone(phone: string | null | undefined): RegionCode | null {
  const code = jilinAreaCode(phone);
  return code ? AREA_CODE_REGIONS[code] : null;
}
