import { expect, test } from '@playwright/test';
import { login, OPERATOR_1, screen } from './support';

test('a phone call becomes a ticket with Ctrl+Enter', async ({ page }) => {
  await login(page, OPERATOR_1);
  await page.keyboard.press('n');
  await expect(page.getByTestId('newcall-description')).toBeFocused();
  await page.keyboard.type('长春市朝阳区一家超市卖的奶粉生产日期被涂改');
  await page.getByTestId('newcall-reporter-name').fill('王五');
  await page.getByTestId('newcall-reporter-phone').fill('13912345678');
  await page.getByTestId('newcall-subject-address').fill('长春市朝阳区西安大路 88 号');
  await page.getByTestId('newcall-product').fill('婴幼儿奶粉');
  await screen(page, 'new-call');
  await page.getByTestId('newcall-product').press('Control+Enter');
  await expect(page.getByTestId('newcall-tracking-code')).toHaveText(/^JL\d{13}$/);
  await screen(page, 'new-call-created');
  await page.getByTestId('newcall-open').click();
  await expect(page.getByTestId('ticket-view')).toBeVisible();
});
