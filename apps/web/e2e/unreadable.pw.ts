import { expect, test } from '@playwright/test';
import { login, OPERATOR_1, pushUnreadable } from './support';

test('an unreadable push is listed, previewed, re-run and discarded', async ({ page, request }) => {
  const rawId = await pushUnreadable(request);
  await login(page, OPERATOR_1);
  await page.goto('/unreadable');
  await page.getByTestId(`raw-row-${rawId}`).click();
  await expect(page.getByTestId('raw-preview')).toContainText('12315-E2E-broken');
  await page.getByTestId('raw-rerun').click();
  await expect(page.getByTestId('rerun-result')).toBeVisible();
  await expect(page.getByTestId('rerun-accepted')).toContainText('0');
  await page.getByTestId('raw-discard').click();
  await page.getByTestId('discard-reason').fill('测试推送的坏数据');
  await page.getByTestId('discard-submit').click();
  await expect(page.getByTestId('raw-state')).toContainText('已作废');
});
