import { expect, test, type Page } from '@playwright/test';
import { AIC_HEAD, login, screen, SUPERVISOR } from './support';

const statistic = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-statistic-content-value');

async function figuresShown(page: Page): Promise<void> {
  const figures = page.getByTestId('dashboard').locator('.dashboard-figures');
  await expect(figures.locator('.ant-spin-spinning, .ant-spin-blur')).toHaveCount(0);
  await expect(page.getByTestId('chart-flow').locator('canvas')).toBeVisible();
  // the figures of the previous period fade back in once the new ones are drawn
  await expect.poll(() => figures.locator('> .ant-spin-container').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
}

test('the supervisor lands on the dashboard with the demo month in charts, switches the period and opens the unit assessment', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await login(page, SUPERVISOR);
  await expect(page).toHaveURL(/\/dashboard/);
  await figuresShown(page);
  // the demo data: a month of tickets received, dispatched by operators, some closed by the units
  expect(Number(await statistic(page, 'dash-total-received').innerText())).toBeGreaterThan(10);
  expect(Number(await statistic(page, 'dash-total-dispatched').innerText())).toBeGreaterThan(10);
  expect(Number(await statistic(page, 'dash-total-closed').innerText())).toBeGreaterThan(0);
  await expect(statistic(page, 'dash-triage-size')).toHaveText(/^\d+$/);
  for (const chart of ['chart-by-feed', 'chart-by-region', 'chart-by-category', 'chart-by-unit', 'chart-routing']) {
    await expect(page.getByTestId(chart).locator('canvas')).toBeVisible();
  }
  await expect(page.getByTestId('routing-summary')).toContainText('分拣');
  await expect(page.getByTestId('trend-alerts-slot')).toBeAttached();
  await expect(page.getByTestId('dash-as-of')).toContainText('统计截至');
  await screen(page, 'dashboard-supervisor');

  await page.getByTestId('period-half').click();
  await expect(page).toHaveURL(/period=half/);
  await figuresShown(page);
  const halfYear = Number(await statistic(page, 'dash-total-received').innerText());
  expect(halfYear).toBeGreaterThan(10);

  await page.getByTestId('dash-filter-region').click();
  await page.getByTitle('吉林市').click();
  await expect(page).toHaveURL(/region=220200/);
  await figuresShown(page);
  await expect.poll(async () => Number(await statistic(page, 'dash-total-received').innerText())).toBeLessThan(halfYear);
  await figuresShown(page);
  await screen(page, 'dashboard-half-year-jilin');

  await page.getByTestId('menu-assessment').click();
  await expect(page).toHaveURL(/\/assessment/);
  const rows = page.getByTestId('assessment-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  await expect(rows.first().locator('td').first()).toHaveText('1');
  await expect(page.getByTestId('assessment-table')).toContainText('长春市工商行政管理局');
  await expect(page.getByTestId('assessment-table')).toContainText('未采集');
  await screen(page, 'assessment');

  await page.getByRole('columnheader', { name: '退回率' }).first().click();
  await expect(page.getByRole('columnheader', { name: '退回率' }).first()).toHaveAttribute('aria-sort', 'ascending');
  const download = page.waitForEvent('download');
  await page.getByTestId('assessment-export').click();
  expect((await download).suggestedFilename()).toMatch(/^assessment-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
});

test("a unit head sees their own unit's figures, without other units or the triage queue", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await login(page, AIC_HEAD);
  await page.getByTestId('menu-dashboard').click();
  await expect(page).toHaveURL(/\/dashboard/);
  await figuresShown(page);
  await expect(page.getByTestId('dashboard')).toContainText('长春市工商行政管理局 工单统计');
  expect(Number(await statistic(page, 'dash-total-dispatched').innerText())).toBeGreaterThan(5);
  await expect(page.getByTestId('chart-by-unit')).toHaveCount(0);
  await expect(page.getByTestId('dash-triage-size')).toHaveCount(0);
  await expect(page.getByTestId('dash-filter-unit')).toHaveCount(0);
  await expect(page.getByTestId('menu-assessment')).toHaveCount(0);
  await screen(page, 'dashboard-unit-head');
});
