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

type StaffRole = 'REWARD_OFFICER' | 'FINANCE' | 'HANDLER' | 'OPERATOR';

/** Creates a staff account through the admin API (the demo data has no reward officer or finance user). */
export async function createStaff(request: APIRequestContext, adminToken: string, role: StaffRole, displayName: string, unit: string | null = null): Promise<StaffAccount> {
  const account = { username: `${role.toLowerCase()}.${Date.now()}.${Math.floor(Math.random() * 1e4)}`, password: 'e2e-pass-2026' };
  const response = await request.post('/api/v1/users', {
    headers: { Authorization: `Bearer ${adminToken}` },
    data: { ...account, displayName, roles: [role], unit },
  });
  expect(response.status(), await response.text()).toBe(201);
  return account;
}

/** A signed-in staff API: every call must answer the expected status. */
export function staffApi(request: APIRequestContext, token: string) {
  const headers = { Authorization: `Bearer ${token}` };
  return {
    async get<T>(path: string, status = 200): Promise<T> {
      const response = await request.get(`/api/v1${path}`, { headers });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
      return (await response.json()) as T;
    },
    async post<T>(path: string, data: unknown, status = 200): Promise<T> {
      const response = await request.post(`/api/v1${path}`, { headers, data });
      expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
      return (await response.json()) as T;
    },
  };
}

type StaffApi = ReturnType<typeof staffApi>;

export interface CaseTicket {
  id: string;
  trackingCode: string;
  status: string;
  version: number;
  classification: { category: string; violation: string; stage: string } | null;
  routing: { leadUnit: string | null; leadDepartment: string | null } | null;
  claim?: unknown;
}

/**
 * The ticket of a portal submission, once it waits at a unit. A tip the router was unsure of is
 * confirmed by an operator as proposed, as the dispatch centre would.
 */
export async function dispatchedTicket(operator: StaffApi, trackingCode: string): Promise<CaseTicket> {
  // The operators' queue search finds a ticket by its tracking code.
  const find = async () => (await operator.get<{ items: Array<{ id: string; status: string }> }>(`/console/tickets?q=${trackingCode}`)).items[0];
  await expect.poll(async () => (await find())?.status, { timeout: 20_000 }).toMatch(/^(DISPATCHED|TRIAGE)$/);
  const ticket = await operator.get<CaseTicket>(`/tickets/${(await find()).id}`);
  if (ticket.status === 'DISPATCHED') return ticket;
  await operator.post(`/console/tickets/${ticket.id}/claim`, {});
  const { category, violation, stage } = ticket.classification!;
  return operator.post<CaseTicket>(`/console/tickets/${ticket.id}/decide`, { version: ticket.version, category, violation, stage, leadUnit: ticket.routing?.leadUnit ?? undefined });
}

export interface Penalty {
  fineFen: number;
  rewardLevel: 'L1' | 'L2' | 'L3';
}

/** The lead unit's handler accepts, files the case and closes it with a penalty and a reward level. */
export async function closeWithPenalty(handler: StaffApi, ticket: CaseTicket, penalty: Penalty): Promise<CaseTicket> {
  const accepted = await handler.post<CaseTicket>(`/tickets/${ticket.id}/accept`, { version: ticket.version });
  const filed = await handler.post<CaseTicket>(`/tickets/${ticket.id}/file-case`, { version: accepted.version, caseNumber: `长市监立〔2026〕${Math.floor(Math.random() * 900) + 100}号` });
  return handler.post<CaseTicket>(`/tickets/${ticket.id}/close`, {
    version: filed.version,
    outcome: 'PENALIZED',
    decisionNumber: `长市监罚〔2026〕${Math.floor(Math.random() * 900) + 100}号`,
    penalties: ['FINE'],
    fineFen: penalty.fineFen,
    confiscationFen: 0,
    rewardLevel: penalty.rewardLevel,
  });
}

export const beijingYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

/** A staff screenshot once nothing is loading any more (lists and cards fade while they fetch). */
export async function settledScreen(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-spin-spinning, .ant-btn-loading')).toHaveCount(0);
  await page.screenshot({ path: `${process.cwd()}/artifacts/screens/${name}.png` });
}
