import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';

export const OPERATOR_1 = { username: 'operator1', password: 'demo-pass-2026' };
export const OPERATOR_2 = { username: 'operator2', password: 'demo-pass-2026' };
export const SUPERVISOR = { username: 'supervisor', password: 'demo-pass-2026' };
export const ADMIN = { username: 'admin', password: 'admin-demo-2026' };
export const AIC_HANDLER = { username: 'aic.changchun', password: 'demo-pass-2026' };
export const AIC_HEAD = { username: 'aic.changchun.head', password: 'demo-pass-2026' };
export const QTS_HANDLER = { username: 'qts.siping', password: 'demo-pass-2026' };
export const POLICE = { username: 'police.changchun', password: 'demo-pass-2026' };
export const PROSECUTOR = { username: 'prosecutor', password: 'demo-pass-2026' };

type Account = typeof OPERATOR_1;

export async function login(page: Page, account: Account): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

export async function operatorPage(browser: Browser, account: Account = OPERATOR_1): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, account);
  return page;
}

function beijingNow(): string {
  const local = new Date(Date.now() + 8 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

export interface Pushed {
  ticketId: string;
  trackingCode: string;
}

/** Pushes one 12315 record as the hotline would and returns the ticket it made. */
export async function push12315(request: APIRequestContext, description: string, extra: Record<string, unknown> = {}): Promise<Pushed> {
  const externalId = `12315-E2E-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const response = await request.post('/api/v1/intake/12315', {
    headers: { 'X-Feed-Key': 'dev-key-12315' },
    data: { gdbh: externalId, ldsj: beijingNow(), qdly: '电话', sjlx: '投诉', sqr: { xm: '张三', dh: '13912345678' }, sqnr: description, ...extra },
  });
  expect(response.status(), await response.text()).toBe(202);
  const body = (await response.json()) as { accepted: Pushed[] };
  return body.accepted[0];
}

/** Pushes a body the 12315 adapter cannot read; it is kept as an unreadable record. */
export async function pushUnreadable(request: APIRequestContext): Promise<string> {
  const response = await request.post('/api/v1/intake/12315', {
    headers: { 'X-Feed-Key': 'dev-key-12315', 'Content-Type': 'application/json' },
    data: Buffer.from('{"gdbh": "12315-E2E-broken", "sqnr": '),
  });
  expect(response.status()).toBe(400);
  return ((await response.json()) as { rawId: string }).rawId;
}

/** Saves a screenshot of the screen as a CI artifact (artifacts/screens, see README). */
export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${process.cwd()}/artifacts/screens/${name}.png`, fullPage: false });
}

/** A staff member's bearer token, for setting a scene through the API the screens use. */
export async function tokenOf(request: APIRequestContext, account: Account): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: account });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export interface TicketJson {
  id: string;
  status: string;
  version: number;
  routing: { leadUnit: string } | null;
  case: { caseNumber: string | null; closure: { outcome: string; fineFen: number; confiscationFen: number; decisionNumber: string | null } | null; transfer: { state: string } | null };
}

export async function ticketAs(request: APIRequestContext, token: string, id: string): Promise<{ status: number; ticket: TicketJson }> {
  const response = await request.get(`/api/v1/tickets/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status(), ticket: (await response.json()) as TicketJson };
}

/** One case move through the API, as another member of staff would make it. */
export async function actAs(request: APIRequestContext, token: string, id: string, action: string, body: Record<string, unknown> = {}): Promise<TicketJson> {
  const { ticket } = await ticketAs(request, token, id);
  const response = await request.post(`/api/v1/tickets/${id}/${action}`, { headers: { Authorization: `Bearer ${token}` }, data: { version: ticket.version, ...body } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as TicketJson;
}

/** A 12315 complaint about a Changchun supermarket: the router dispatches it to AIC@220100 by itself. */
export function pushForChangchunAic(request: APIRequestContext, description: string, kind: '投诉' | '举报' = '投诉'): Promise<Pushed> {
  return push12315(request, description, {
    sjlx: kind,
    xzqh: '220104',
    spmc: '婴幼儿奶粉',
    bsdx: { mc: '长春市宏达超市有限公司', tyshxydm: '91220101MA0Y3K2X1A', dz: '长春市朝阳区西安大路 88 号' },
  });
}
