import { expect, test } from '@playwright/test';
import { ADMIN, login, screen, tokenOf } from './support';

test('an admin finds a subject, lists it with a reason after confirming, sees the listing in its history, and delists it', async ({ page, request }) => {
  // demo data closes cases PENALIZED, so subjects with a record exist; take one not on the blacklist
  const admin = await tokenOf(request, ADMIN);
  const found = await request.get('/api/v1/records/subjects?blacklisted=false', { headers: { Authorization: `Bearer ${admin}` } });
  expect(found.status()).toBe(200);
  const [subject] = ((await found.json()) as { items: Array<{ id: string; subjectName: string }> }).items;
  expect(subject).toBeDefined();

  await login(page, ADMIN);
  await page.getByTestId('menu-admin-blacklist').click();
  await expect(page).toHaveURL(/\/admin\/blacklist/);
  await page.getByPlaceholder('输入企业名称关键字或统一社会信用代码').fill(subject.subjectName);
  await page.getByPlaceholder('输入企业名称关键字或统一社会信用代码').press('Enter');
  await expect(page).toHaveURL(/q=/);
  const row = page.getByTestId(`subject-${subject.id}`);
  await expect(row).toContainText('未列入');

  await row.getByTestId('blacklist-list').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`确认将“${subject.subjectName}”列入黑名单？`);
  await dialog.getByTestId('blacklist-reason-submit').click();
  await expect(dialog).toContainText('请填写理由');
  await dialog.getByTestId('blacklist-reason-text').fill('多次销售假冒奶粉，经领导小组研究列入黑名单');
  await dialog.getByTestId('blacklist-reason-submit').click();
  await expect(dialog).toBeHidden();

  await expect(row).toContainText('黑名单');
  await expect(row).toContainText('多次销售假冒奶粉，经领导小组研究列入黑名单');
  const history = page.getByTestId('blacklist-history');
  await expect(history).toContainText('列入');
  await expect(history).toContainText('多次销售假冒奶粉，经领导小组研究列入黑名单');
  await expect(page).toHaveURL(new RegExp(`subject=${subject.id}`));
  await screen(page, 'admin-blacklist');

  await page.getByTestId('blacklist-filter').getByText('黑名单内').click();
  await expect(page).toHaveURL(/listed=listed/);
  await row.getByTestId('blacklist-delist').click();
  await expect(page.getByRole('dialog')).toContainText('移出黑名单');
  await page.getByTestId('blacklist-reason-text').fill('已整改到位，经复核移出黑名单');
  await page.getByTestId('blacklist-reason-submit').click();
  await expect(history.locator('.ant-timeline-item').first()).toContainText('已整改到位，经复核移出黑名单');
  await expect(row).toHaveCount(0);
  await screen(page, 'admin-blacklist-history');
});
