import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/** A mid-range Android phone: 360 × 740 CSS pixels, touch. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return context.newPage();
}

/** The whole page, as a phone user scrolls through it. */
export async function phoneScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${process.cwd()}/artifacts/screens/${name}.png`, fullPage: true });
}

/** No element wider than the phone: nothing to scroll sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** A resident ID number with a valid check digit (GB 11643), born on the given date. */
export function residentId(region = '220102', birth = '19900307', sequence = String(100 + Math.floor(Math.random() * 800))): string {
  const body = `${region}${birth}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split('').reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  return body + '10X98765432'[sum % 11];
}

/** A tiny valid PNG (1 × 1 pixel), as a phone camera's photo would be recognised by its content. */
export const PNG_PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface StaffAccount {
  username: string;
  password: string;
}

export async function staffToken(request: APIRequestContext, account: StaffAccount): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: account });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Creates a staff account through the admin API (the demo data has no reward officer or finance user). */
export async function createStaff(request: APIRequestContext, adminToken: string, role: 'REWARD_OFFICER' | 'FINANCE', displayName: string): Promise<StaffAccount> {
  const account = { username: `${role.toLowerCase()}.${Date.now()}.${Math.floor(Math.random() * 1e4)}`, password: 'e2e-pass-2026' };
  const response = await request.post('/api/v1/users', {
    headers: { Authorization: `Bearer ${adminToken}` },
    data: { ...account, displayName, roles: [role], unit: null },
  });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}
