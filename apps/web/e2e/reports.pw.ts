import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { login, screen, SUPERVISOR } from './support';

const REPORT_NAME = /^吉林省打击侵权假冒举报投诉\d{4}年下半年工作报告（中期）(-第\d+版)?\.(xlsx|pdf)$/;

async function downloadOf(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), bytes };
}

test('a supervisor builds the half-year report, sees it finish and downloads the XLSX and the PDF', async ({ page }) => {
  await login(page, SUPERVISOR);
  await page.getByTestId('menu-reports').click();
  await expect(page).toHaveURL(/\/reports/);
  await expect(page.getByTestId('report-scope')).toContainText('全省');

  // the demo tickets came in this half year, which has not ended: a provisional (中期) report
  await page.getByTestId('report-half').getByText('下半年').click();
  await expect(page).toHaveURL(/half=H2/);
  await expect(page.getByText('统计期间尚未结束，将生成中期报告')).toBeVisible();
  const [asked] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/reports') && r.request().method() === 'POST'),
    page.getByTestId('report-request').click(),
  ]);
  expect(asked.status()).toBe(202);
  const run = (await asked.json()) as { id: string };

  await expect(page.getByTestId(`report-state-${run.id}`)).toHaveText('已完成', { timeout: 30_000 });
  const row = page.locator('tr', { has: page.getByTestId(`report-state-${run.id}`) });
  await expect(row).toContainText('全省');
  await expect(row).toContainText('中期');
  await screen(page, 'reports');

  const xlsx = await downloadOf(page, `report-xlsx-${run.id}`);
  expect(xlsx.name).toMatch(REPORT_NAME);
  expect(xlsx.name.endsWith('.xlsx')).toBe(true);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  const pdf = await downloadOf(page, `report-pdf-${run.id}`);
  expect(pdf.name).toMatch(REPORT_NAME);
  expect(pdf.name.endsWith('.pdf')).toBe(true);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // the page can be left and found again: the run is still listed, with its files
  await page.getByTestId('menu-queue').click();
  await page.getByTestId('menu-reports').click();
  await expect(page.getByTestId(`report-pdf-${run.id}`)).toBeVisible();
});
