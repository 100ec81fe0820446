import { expect, test } from '@playwright/test';
import { actAs, ADMIN, AIC_HANDLER, AIC_HEAD, login, pushForChangchunAic, screen, SUPERVISOR, ticketAs, tokenOf } from './support';

test('the unit head is told of a transfer proposal live, in the bell', async ({ page, request }) => {
  await login(page, AIC_HEAD);
  await expect(page.getByTestId('menu-approvals')).toBeVisible();
  const pushed = await pushForChangchunAic(request, '长春市朝阳区宏达超市地下仓库存放大量假冒奶粉', '举报');
  const handler = await tokenOf(request, AIC_HANDLER);
  await expect.poll(async () => (await ticketAs(request, handler, pushed.ticketId)).ticket.status, { timeout: 15_000 }).toBe('DISPATCHED');
  await actAs(request, handler, pushed.ticketId, 'accept');
  await actAs(request, handler, pushed.ticketId, 'transfer', { reason: '货值超过 20 万元，涉嫌销售伪劣产品罪' });

  const bell = page.getByTestId('notifications-bell');
  await expect(page.locator('.ant-badge').filter({ has: bell }).locator('.ant-badge-count')).toBeVisible();
  await bell.click();
  const notice = page.getByTestId('notification-TRANSFER_PROPOSED').filter({ hasText: pushed.trackingCode });
  await expect(notice).toBeVisible();
  await screen(page, 'notifications');
  await notice.click();
  await expect(page.getByTestId('ticket-tracking-code')).toHaveText(pushed.trackingCode);
  await expect(page.getByTestId('case-approve')).toBeEnabled();
});

test('overdue lists for the unit head and the supervisor', async ({ page }) => {
  await login(page, AIC_HEAD);
  await page.getByTestId('menu-overdue').click();
  await expect(page.getByTestId('overdue-list')).toBeVisible();
  await screen(page, 'overdue-unit-head');
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await login(page, SUPERVISOR);
  await page.getByTestId('menu-overdue').click();
  await expect(page.getByTestId('overdue-list')).toBeVisible();
  await screen(page, 'overdue-supervisor');
});

test('an admin sees which years the calendar covers and enters a day of the missing one', async ({ page }) => {
  await login(page, ADMIN);
  await expect(page.getByTestId('holidays')).toBeVisible();
  await expect(page.getByTestId('holiday-missing-2027')).toContainText('2027 年的节假日安排尚未录入');
  await page.getByTestId('holiday-year-2027').click();
  await expect(page).toHaveURL(/year=2027/);
  await page.getByTestId('holiday-name').fill('元旦');
  await page.getByTestId('holiday-date').click();
  await page.keyboard.type('2027-01-01');
  // Enter takes the typed date and submits the form, as the add button does
  await page.keyboard.press('Enter');
  const row = page.getByTestId('holiday-days').getByRole('row', { name: /2027-01-01/ });
  await expect(row).toContainText('元旦');
  await expect(row).toContainText('放假');
  await screen(page, 'holidays');
  await row.getByRole('button', { name: /删除/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /删除/ }).click();
  await expect(row).toHaveCount(0);
});
