import { expect, test, type Page } from '@playwright/test';
import { actAs, AIC_HANDLER, login, pushForChangchunAic, QTS_HANDLER, screen, ticketAs, tokenOf } from './support';

const MILK = '长春市朝阳区宏达超市卖的婴幼儿奶粉罐底生产日期被涂改，疑似过期奶粉翻新销售';

async function openFromWorkbench(page: Page, trackingCode: string): Promise<void> {
  await page.getByTestId(`workbench-row-${trackingCode}`).click();
  await expect(page.getByTestId('case-view')).toBeVisible();
  await expect(page.getByTestId('ticket-tracking-code')).toHaveText(trackingCode);
}

test('a handler sees a dispatched ticket arrive live, accepts it, files the case and closes it penalised with a fine', async ({ page, request }) => {
  await login(page, AIC_HANDLER);
  await expect(page).toHaveURL(/\/workbench/);
  await expect(page.getByTestId('workbench-list')).toBeVisible();
  await screen(page, 'workbench');

  const pushed = await pushForChangchunAic(request, MILK, '举报');
  const row = page.getByTestId(`workbench-row-${pushed.trackingCode}`);
  // routed by the worker, then pushed over the socket: no reload
  await expect(row).toBeVisible({ timeout: 15_000 });
  const tag = page.getByTestId(`deadline-${pushed.trackingCode}`);
  await expect(tag).toHaveText(/正常 · \d{4}-\d{2}-\d{2} · 剩 \d+ 个工作日/);
  await expect(tag).toHaveAttribute('data-tone', 'ok');
  await screen(page, 'workbench-live-arrival');

  await openFromWorkbench(page, pushed.trackingCode);
  await expect(page.getByTestId('ticket-reporter')).toContainText('张*');
  await expect(page.getByTestId('clock-acceptBy')).toContainText('受理时限');
  await screen(page, 'case-view');

  await page.getByTestId('case-accept').click();
  await expect(page.getByTestId('case-status')).toHaveText('已受理');

  await page.keyboard.press('f');
  await page.getByTestId('file-case-number').fill('长工商立字〔2026〕第 88 号');
  await page.getByTestId('file-case-dialog-submit').click();
  await expect(page.getByTestId('case-status')).toHaveText('办理中');
  await expect(page.getByTestId('case-number')).toHaveText('长工商立字〔2026〕第 88 号');

  await page.keyboard.press('x');
  await page.getByTestId('outcome-PENALIZED').click();
  await page.getByTestId('close-decision-number').fill('长工商处字〔2026〕第 123 号');
  await page.getByTestId('penalty-WARNING').click();
  await page.getByTestId('penalty-FINE').click();
  await page.getByTestId('close-fine').fill('12,345.6');
  await expect(page.getByTestId('close-fine-shown')).toHaveText('¥12,345.60');
  await screen(page, 'case-close-dialog');
  await page.getByTestId('close-dialog-submit').click();

  await expect(page.getByTestId('case-status')).toHaveText('已办结');
  await expect(page.getByTestId('case-outcome')).toContainText('立案处罚');
  await expect(page.getByTestId('case-money')).toContainText('罚款 ¥12,345.60');
  await screen(page, 'case-closed');

  // typed in yuan, stored in fen
  const { ticket } = await ticketAs(request, await tokenOf(request, AIC_HANDLER), pushed.ticketId);
  expect(ticket.case.closure).toMatchObject({ outcome: 'PENALIZED', fineFen: 1_234_560, confiscationFen: 0, decisionNumber: '长工商处字〔2026〕第 123 号' });

  await page.getByTestId('ticket-back').click();
  await expect(page).toHaveURL(/\/workbench/);
});

test('a handler of another unit gets not-found for the ticket, from the screen and the API', async ({ page, request }) => {
  const pushed = await pushForChangchunAic(request, '长春市朝阳区宏达超市销售的奶粉没有中文标签');
  const handler = await tokenOf(request, AIC_HANDLER);
  await expect.poll(async () => (await ticketAs(request, handler, pushed.ticketId)).ticket.routing?.leadUnit, { timeout: 15_000 }).toBe('AIC@220100');

  const other = await tokenOf(request, QTS_HANDLER);
  expect((await ticketAs(request, other, pushed.ticketId)).status).toBe(404);

  await login(page, QTS_HANDLER);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('ticket-missing')).toContainText('工单不存在或您无权查看');
  await screen(page, 'case-not-found');
  await page.goto('/workbench?tab=accept');
  await expect(page.getByTestId('workbench-list')).toBeVisible();
  await expect(page.getByTestId(`workbench-row-${pushed.trackingCode}`)).toHaveCount(0);
});

test('a stale move is refused in plain words and the ticket reloaded', async ({ page, request }) => {
  const pushed = await pushForChangchunAic(request, '长春市朝阳区宏达超市卖的奶粉罐身有明显二次封口痕迹');
  const handler = await tokenOf(request, AIC_HANDLER);
  await expect.poll(async () => (await ticketAs(request, handler, pushed.ticketId)).ticket.status, { timeout: 15_000 }).toBe('DISPATCHED');

  // this screen misses the live update, as a flaky connection would
  await page.routeWebSocket(/socket\.io/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (typeof message === 'string' && message.includes('ticket.updated')) return;
      ws.send(message);
    });
  });
  await login(page, AIC_HANDLER);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('case-status')).toHaveText('已分派');
  const seen = Number(await page.getByTestId('case-view').getAttribute('data-version'));

  await actAs(request, handler, pushed.ticketId, 'assist', { unit: 'IPO@220100', note: '请协助核查商标' });
  await page.getByTestId('case-accept').click();

  await expect(page.getByTestId('case-refusal')).toHaveText('他人刚刚修改了此工单，已重新加载最新内容，请核对后再操作。');
  await expect(page.getByTestId('case-view')).toHaveAttribute('data-version', String(seen + 1));
  await screen(page, 'case-stale-refused');
  // the reloaded ticket takes the move
  await page.getByTestId('case-accept').click();
  await expect(page.getByTestId('case-status')).toHaveText('已受理');
});

test('workbench tabs and the deadline filter live in the URL; the ? overlay lists the case keys', async ({ page }) => {
  await login(page, AIC_HANDLER);
  await expect(page.getByTestId('workbench-list')).toBeVisible();
  await page.keyboard.press('2');
  await expect(page).toHaveURL(/tab=progress/);
  await page.getByTestId('filter-deadline').getByText('临期').click();
  await expect(page).toHaveURL(/deadline=warning/);
  await page.reload();
  await expect(page.getByTestId('tab-progress')).toBeVisible();
  await expect(page).toHaveURL(/tab=progress/);
  await expect(page).toHaveURL(/deadline=warning/);
  await page.keyboard.press('4');
  await expect(page).toHaveURL(/tab=overdue/);
  await expect(page.getByTestId('filter-deadline')).toHaveCount(0);
  await screen(page, 'workbench-overdue');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('提请移送公安');
  await screen(page, 'workbench-shortcuts');
});
