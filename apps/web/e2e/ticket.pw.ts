import { expect, test } from '@playwright/test';
import { operatorPage, OPERATOR_2, push12315, screen } from './support';

/** Too little to classify with confidence: the router leaves it in triage. */
const VAGUE = '东西有问题，想反映一下';

test('a ticket held by one operator is locked for the other, who takes it over on release', async ({ browser, request }) => {
  const pushed = await push12315(request, '农资店销售的复合肥含量与标注不符，怀疑假化肥');
  const first = await operatorPage(browser);
  const second = await operatorPage(browser, OPERATOR_2);

  await first.goto(`/tickets/${pushed.ticketId}`);
  await expect(first.getByTestId('claim-mine')).toBeVisible();

  await screen(first, 'ticket-view');
  await second.goto(`/tickets/${pushed.ticketId}`);
  await expect(second.getByTestId('claim-banner')).toContainText('处理中');
  await screen(second, 'ticket-locked');
  for (const action of ['confirm', 'correct', 'merge', 'discard']) await expect(second.getByTestId(`action-${action}`)).toBeDisabled();

  await first.keyboard.press('Escape');
  await expect(second.getByTestId('claim-mine')).toBeVisible({ timeout: 10_000 });
});

test('the ticket view shows the canonical fields beside the raw record', async ({ browser, request }) => {
  const pushed = await push12315(request, '药房销售的中成药没有批准文号', { bsdx: { mc: '通化市东昌区正兴药房', dz: '通化市东昌区新华大街 1 号' } });
  const page = await operatorPage(browser);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('ticket-subject')).toHaveText('通化市东昌区正兴药房');
  await expect(page.getByTestId('ticket-reporter')).toContainText('张*');
  await expect(page.getByTestId('raw-preview')).toContainText('批准文号');
});

test('an operator discards a ticket with a reason from the keyboard', async ({ browser, request }) => {
  const pushed = await push12315(request, VAGUE);
  const page = await operatorPage(browser);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('claim-mine')).toBeVisible();
  await expect(page.getByTestId('action-discard')).toBeEnabled();
  await page.keyboard.press('d');
  await page.getByTestId('discard-reason').fill('测试数据');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/\/queue/);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('ticket-view')).toContainText('已作废');
});

test('an operator confirms the proposal of a triage ticket with c', async ({ browser, request }) => {
  const pushed = await push12315(request, VAGUE);
  const page = await operatorPage(browser);
  await page.goto('/triage');
  const row = page.getByTestId(`triage-row-${pushed.trackingCode}`);
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId('claim-mine')).toBeVisible();
  await expect(page.getByTestId('action-confirm')).toBeEnabled();
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/triage/);
  await expect(row).toHaveCount(0);
});

test('classification and lead unit are corrected from the keyboard', async ({ browser, request }) => {
  const pushed = await push12315(request, VAGUE);
  const page = await operatorPage(browser);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('claim-mine')).toBeVisible();
  await expect(page.getByTestId('action-correct')).toBeEnabled();
  await page.keyboard.press('e');
  for (const [field, text] of [
    ['field-category', '食品'],
    ['field-violation', '假冒伪劣'],
    ['field-stage', '流通环节'],
    ['field-leadUnit', '四平市工商'],
  ]) {
    await expect(page.getByTestId(field).locator('input')).toBeFocused();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
  }
  await expect(page.getByTestId('field-leadUnit')).toContainText('AIC@220300');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/\/queue/);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('ticket-lead-unit')).toContainText('四平市');
  await expect(page.getByTestId('ticket-view')).toContainText('已分派');
});

test('a duplicate is merged into its candidate', async ({ browser, request }) => {
  const subject = { bsdx: { mc: `长春市惠民${Date.now() % 100000}号超市`, dz: '长春市朝阳区红旗街 8 号' }, xzqh: '220104' };
  const text = '这家超市卖的婴幼儿奶粉罐底生产日期被涂改，疑似过期奶粉翻新后销售';
  const master = await push12315(request, text, subject);
  const duplicate = await push12315(request, text, subject);
  const page = await operatorPage(browser);
  await page.goto(`/tickets/${duplicate.ticketId}`);
  await expect(page.getByTestId(`duplicate-link-${master.trackingCode}`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('action-merge')).toBeEnabled();
  await page.keyboard.press('m');
  await page.getByTestId(`merge-candidate-${master.trackingCode}`).click();
  await page.getByTestId('merge-submit').click();
  await expect(page).toHaveURL(/\/queue/);
  await page.goto(`/tickets/${duplicate.ticketId}`);
  await expect(page.getByTestId('ticket-view')).toContainText('已合并');
});

test('A takes a triage ticket, B sees it taken and cannot act; A corrects the unit by keyboard and it leaves triage on both screens', async ({ browser, request }) => {
  // two operators' browsers on a 2-core machine: more than one ticket's worth of page loads
  test.setTimeout(150_000);
  const pushed = await push12315(request, VAGUE);
  const a = await operatorPage(browser);
  const b = await operatorPage(browser, OPERATOR_2);
  await a.goto('/triage');
  await b.goto('/triage');
  await expect(a.getByTestId(`triage-row-${pushed.trackingCode}`)).toBeVisible();
  await expect(b.getByTestId(`triage-row-${pushed.trackingCode}`)).toBeVisible();
  await screen(a, 'triage');

  await a.getByTestId(`triage-row-${pushed.trackingCode}`).click();
  await expect(a.getByTestId('claim-mine')).toBeVisible();
  await b.goto(`/tickets/${pushed.ticketId}`);
  await expect(b.getByTestId('claim-banner')).toBeVisible();
  for (const action of ['confirm', 'correct', 'merge', 'discard']) await expect(b.getByTestId(`action-${action}`)).toBeDisabled();
  await b.keyboard.press('c');
  await expect(b.getByTestId('claim-banner')).toBeVisible();
  await b.goto('/triage');
  await expect(b.getByTestId(`triage-row-${pushed.trackingCode}`)).toBeVisible();

  await a.keyboard.press('u');
  await expect(a.getByTestId('field-leadUnit').locator('input')).toBeFocused();
  await a.keyboard.type('白城市质量');
  await a.keyboard.press('Enter');
  await expect(a.getByTestId('field-leadUnit')).toContainText('QTS@220800');
  await a.keyboard.press('Control+Enter');
  await a.goto('/triage');
  await expect(a.getByTestId(`triage-row-${pushed.trackingCode}`)).toHaveCount(0);
  await expect(b.getByTestId(`triage-row-${pushed.trackingCode}`)).toHaveCount(0);
  const ticket = await (await request.get(`/api/v1/tickets/${pushed.ticketId}`, { headers: { Authorization: `Bearer ${await tokenOf(request)}` } })).json();
  expect(ticket).toMatchObject({ status: 'DISPATCHED', routing: { leadUnit: 'QTS@220800', auto: false } });
});

async function tokenOf(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const res = await request.post('/api/v1/auth/login', { data: { username: 'operator1', password: 'demo-pass-2026' } });
  return (await res.json()).accessToken;
}
