import { expect, test } from '@playwright/test';
import { operatorPage, OPERATOR_2, push12315 } from './support';

test('a ticket held by one operator is locked for the other, who takes it over on release', async ({ browser, request }) => {
  const pushed = await push12315(request, '农资店销售的复合肥含量与标注不符，怀疑假化肥');
  const first = await operatorPage(browser);
  const second = await operatorPage(browser, OPERATOR_2);

  await first.goto(`/tickets/${pushed.ticketId}`);
  await expect(first.getByTestId('claim-mine')).toBeVisible();

  await second.goto(`/tickets/${pushed.ticketId}`);
  await expect(second.getByTestId('claim-banner')).toContainText('处理中');
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
  const pushed = await push12315(request, '测试：请作废这条记录');
  const page = await operatorPage(browser);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('claim-mine')).toBeVisible();
  test.skip(await page.getByTestId('action-discard').isDisabled(), 'the router dispatched the ticket before it could be discarded');
  await page.keyboard.press('d');
  await page.getByTestId('discard-reason').fill('测试数据');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/\/queue/);
  await page.goto(`/tickets/${pushed.ticketId}`);
  await expect(page.getByTestId('ticket-view')).toContainText('已作废');
});

test('the lead unit is corrected with a searchable select', async ({ browser }) => {
  const page = await operatorPage(browser);
  await page.goto('/triage');
  const firstRow = page.locator('[data-testid^="triage-row-"]').first();
  test.skip((await firstRow.count()) === 0, 'no ticket waits in triage');
  await firstRow.click();
  await expect(page.getByTestId('claim-mine')).toBeVisible();
  await page.keyboard.press('u');
  await page.keyboard.type('四平市工商');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-leadUnit')).toContainText('AIC@220300');
  await page.getByTestId('correct-submit').click();
  await expect(page).toHaveURL(/\/triage/);
});
