import { expect, test } from '@playwright/test';
import { login, OPERATOR_1, push12315, screen } from './support';

test('a ticket pushed by a hotline appears at the top of the live queue without reload', async ({ page, request }) => {
  await login(page, OPERATOR_1);
  await expect(page.getByTestId('queue-list')).toBeVisible();
  await screen(page, 'queue');
  const pushed = await push12315(request, '超市卖的奶粉罐底生产日期被涂改，疑似翻新销售');
  const row = page.getByTestId(`queue-row-${pushed.trackingCode}`);
  // within a second of the hotline's 202, without reload
  await expect(row).toBeVisible({ timeout: 1_000 });
  await expect(row).toContainText('工商');
  await screen(page, 'queue-live-arrival');
});

test('filters live in the URL and survive a reload', async ({ page }) => {
  await login(page, OPERATOR_1);
  await page.goto('/queue?feed=12315&status=TRIAGE');
  await expect(page.getByTestId('filter-feed')).toContainText('12315');
  await page.reload();
  await expect(page).toHaveURL(/feed=12315/);
  await expect(page).toHaveURL(/status=TRIAGE/);
  await page.getByTestId('filter-clear').click();
  await expect(page).not.toHaveURL(/feed=/);
});

test('j/k move through the list and Enter opens the ticket', async ({ page, request }) => {
  const pushed = await push12315(request, '商场专柜售卖的名牌白酒防伪码查询无效');
  await login(page, OPERATOR_1);
  await page.goto(`/queue?q=${pushed.trackingCode}`);
  await expect(page.getByTestId(`queue-row-${pushed.trackingCode}`)).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ticket-tracking-code')).toHaveText(pushed.trackingCode);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`q=${pushed.trackingCode}`));
});

test('the ? overlay lists the shortcuts', async ({ page }) => {
  await login(page, OPERATOR_1);
  await expect(page.getByTestId('queue-list')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toContainText('键盘快捷键');
  await screen(page, 'shortcuts');
});
