import { expect, test } from '@playwright/test';
import pg from 'pg';
import { login, OPERATOR_1, pushUnreadable, screen } from './support';

test('an unreadable push is listed, previewed, re-run and discarded', async ({ page, request }) => {
  const rawId = await pushUnreadable(request);
  await login(page, OPERATOR_1);
  await page.goto('/unreadable');
  await page.getByTestId(`raw-row-${rawId}`).click();
  await expect(page.getByTestId('raw-preview')).toContainText('12315-E2E-broken');
  await screen(page, 'unreadable');
  await page.getByTestId('raw-rerun').click();
  await expect(page.getByTestId('rerun-result')).toBeVisible();
  await expect(page.getByTestId('rerun-accepted')).toContainText('0');
  await page.getByTestId('raw-discard').click();
  await page.getByTestId('discard-reason').fill('测试推送的坏数据');
  await page.getByTestId('discard-submit').click();
  await expect(page.getByTestId('raw-state')).toContainText('已作废');
});

test('a record the adapter could not read once is re-run and becomes a ticket', async ({ page }, testInfo) => {
  // stored as the day's adapter left it: unreadable, although today's adapter reads it
  const externalId = `12315-E2E-RERUN-${Date.now()}`;
  const body = JSON.stringify({ gdbh: externalId, ldsj: '2026-11-28 09:00:00', sjlx: '投诉', sqnr: '超市销售过期奶粉' });
  const db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: String(testInfo.config.metadata.databaseName) });
  await db.connect();
  const { rows } = await db.query(
    `INSERT INTO raw_records (feed, content_type, body, size_bytes, state, error_code, error_message) VALUES ('12315', 'application/json', $1, $2, 'UNREADABLE', 'UNEXPECTED_STRUCTURE', 'adapter failed') RETURNING id`,
    [Buffer.from(body), Buffer.byteLength(body)],
  );
  await db.end();
  await login(page, OPERATOR_1);
  await page.goto('/unreadable');
  await page.getByTestId(`raw-row-${rows[0].id}`).click();
  await page.getByTestId('raw-rerun').click();
  await expect(page.getByTestId('rerun-accepted')).toContainText('1');
  await expect(page.getByTestId('raw-state')).toContainText('已解析');
  await screen(page, 'unreadable-rerun');
});
