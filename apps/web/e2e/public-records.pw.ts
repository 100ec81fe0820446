import { expect, test } from '@playwright/test';
import { ADMIN, AIC_HANDLER, login, screen, tokenOf } from './support';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 768 };

test('the public sees penalised cases and the blacklist without login, searches them by name, on a phone and a desktop', async ({ page, request }) => {
  // demo data closes cases PENALIZED through the case API, so their records exist; an ADMIN lists one by hand
  const admin = await tokenOf(request, ADMIN);
  const found = await request.get('/api/v1/records/subjects', { headers: { Authorization: `Bearer ${admin}` } });
  expect(found.status()).toBe(200);
  const subject = ((await found.json()) as { items: Array<{ id: string; subjectName: string; blacklisted: boolean }> }).items.find((s) => !s.blacklisted);
  expect(subject).toBeDefined();
  const listed = await request.post('/api/v1/records/blacklist', { headers: { Authorization: `Bearer ${admin}` }, data: { subjectId: subject!.id, reason: '多次销售假冒伪劣商品，经研究列入黑名单' } });
  expect(listed.status(), await listed.text()).toBe(200);

  await page.setViewportSize(PHONE);
  await page.goto('/public/penalties');
  await expect(page.getByTestId('penalty-item').first()).toBeVisible();
  await expect(page.getByText('长春市宏达超市有限公司').first()).toBeVisible();
  await expect(page.getByText('¥50,000.00').first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('1391234');
  await screen(page, 'public-penalties-phone');

  await page.getByPlaceholder('输入企业名称关键字或统一社会信用代码').fill('宏达');
  await page.getByPlaceholder('输入企业名称关键字或统一社会信用代码').press('Enter');
  await expect(page).toHaveURL(/q=%E5%AE%8F%E8%BE%BE/);
  await expect(page.getByTestId('penalty-item').first()).toContainText('宏达');
  await page.getByPlaceholder('输入企业名称关键字或统一社会信用代码').fill('不存在的公司');
  await page.getByPlaceholder('输入企业名称关键字或统一社会信用代码').press('Enter');
  await expect(page.getByText('没有找到与“不存在的公司”相关的记录')).toBeVisible();

  await page.goto('/public/blacklist');
  await expect(page.getByTestId('blacklist-item').first()).toContainText(subject!.subjectName);
  await screen(page, 'public-blacklist-phone');

  await page.setViewportSize(DESKTOP);
  await page.goto('/public/penalties');
  await expect(page.getByTestId('penalty-item').first()).toBeVisible();
  await screen(page, 'public-penalties-desktop');
  await page.getByTestId('public-switch').getByText('失信黑名单').click();
  await expect(page).toHaveURL(/\/public\/blacklist/);
  await expect(page.getByTestId('blacklist-item').first()).toContainText('列入黑名单');
  await screen(page, 'public-blacklist-desktop');
});

test('a handler sees the subject’s credit record on the case view', async ({ page, request }) => {
  const handler = await tokenOf(request, AIC_HANDLER);
  const auth = { Authorization: `Bearer ${handler}` };
  const subjects = await request.get('/api/v1/records/subjects?q=' + encodeURIComponent('宏达超市'), { headers: auth });
  const [subject] = ((await subjects.json()) as { items: Array<{ id: string }> }).items;
  const record = (await (await request.get(`/api/v1/records/subjects/${subject.id}`, { headers: auth })).json()) as { cases: Array<{ ticketId: string }> };
  await login(page, AIC_HANDLER);
  await page.goto(`/tickets/${record.cases[0].ticketId}`);
  await expect(page.getByTestId('credit-record')).toContainText('行政处罚');
  await page.getByTestId('credit-record').scrollIntoViewIfNeeded();
  await screen(page, 'case-credit-record');
});
