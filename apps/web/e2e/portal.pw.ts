import { expect, test } from '@playwright/test';
import { expectNoSidewaysScroll, phonePage, phoneScreen, PNG_PIXEL } from './portal-support';

const TIP = '长春市朝阳区宏达超市销售的婴幼儿奶粉罐底生产日期被涂改，货架上还有二十多罐';

test('on a phone, a tipster submits an anonymous tip with a photo, keeps the code and PIN, and checks the status', async ({ browser }) => {
  const page = await phonePage(browser);
  await page.goto('/portal');
  await expect(page.getByTestId('portal-home')).toContainText('发现假冒伪劣');
  await phoneScreen(page, 'portal-1-home');
  await expectNoSidewaysScroll(page);

  await page.getByTestId('portal-go-submit').click();
  await expect(page.getByTestId('portal-submit')).toBeVisible();
  await page.getByTestId('tip-kind-REPORT').click();
  await page.getByTestId('tip-description').fill(TIP);
  await page.getByTestId('tip-product').fill('婴幼儿奶粉');
  await page.getByTestId('tip-region').click();
  await page.getByTitle('长春市').click();
  await page.getByTestId('tip-subject-name').fill('长春市宏达超市有限公司');
  await page.getByTestId('tip-subject-address').fill('长春市朝阳区人民大街 100 号');
  await page.locator('.portal-upload input[type=file]').setInputFiles({ name: 'shelf.png', mimeType: 'image/png', buffer: PNG_PIXEL });
  await expect(page.locator('.portal-upload .ant-upload-list-item')).toHaveCount(1);
  await expect(page.getByTestId('tip-anonymous')).toBeVisible();
  await phoneScreen(page, 'portal-2-submit-form');
  await expectNoSidewaysScroll(page);

  await page.getByTestId('tip-submit').click();
  await expect(page.getByText('请阅读并勾选承诺')).toBeVisible();
  await page.getByTestId('tip-pledge').click();
  await page.getByTestId('tip-submit').click();

  const code = page.getByTestId('receipt-code');
  await expect(code).toHaveText(/^JL\d{13}$/);
  const trackingCode = (await code.getAttribute('data-value'))!;
  const pin = (await page.getByTestId('receipt-pin').getAttribute('data-value'))!;
  expect(pin).toMatch(/^\d{16,}$/);
  await expect(page.getByTestId('portal-receipt')).toContainText('只显示这一次');
  await expect(page.getByTestId('receipt-to-status')).toBeDisabled();
  await phoneScreen(page, 'portal-3-receipt');
  await expectNoSidewaysScroll(page);

  // Leaving before confirming asks first; staying keeps the PIN on screen.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('无法再次查看');
    void dialog.dismiss();
  });
  await page.getByTestId('receipt-home').click();
  await expect(page.getByTestId('receipt-pin')).toBeVisible();

  await page.getByTestId('receipt-saved').click();
  await page.getByTestId('receipt-to-status').click();
  await expect(page).toHaveURL(/\/portal\/status\?code=JL/);
  await expect(page.getByTestId('lookup-code')).toHaveValue(trackingCode);
  await page.getByTestId('lookup-pin').fill(pin);
  await page.getByTestId('lookup-submit').click();

  await expect(page.getByTestId('portal-status-code')).toHaveText(trackingCode);
  await expect(page.getByTestId('portal-status-text')).not.toBeEmpty();
  await expect(page.getByTestId('portal-reward')).toContainText('暂无奖励信息');
  await expect(page.getByTestId('portal-status-page')).not.toContainText('工商');
  await phoneScreen(page, 'portal-4-status');
  await expectNoSidewaysScroll(page);
});

test('a wrong PIN and a wrong code read the same, and repeated failures lock the code with the time to come back', async ({ browser, request }) => {
  const submitted = await request.post('/api/v1/public/tips', {
    data: { kind: 'COMPLAINT', description: '网店卖的运动鞋是假冒品牌，鞋标做工粗糙', reporter: { anonymous: true } },
  });
  expect(submitted.status()).toBe(201);
  const { trackingCode } = (await submitted.json()) as { trackingCode: string };

  const page = await phonePage(browser);
  await page.goto('/portal/status');
  const lookup = async (code: string, pin: string) => {
    await page.getByTestId('lookup-code').fill(code);
    await page.getByTestId('lookup-pin').fill(pin);
    await page.getByTestId('lookup-submit').click();
  };

  await lookup(trackingCode, '0000000000000000');
  const error = page.getByTestId('portal-error');
  await expect(error).toHaveText('查询码或查询密码不正确，请核对后再试。');
  await phoneScreen(page, 'portal-5-wrong-pin');
  await lookup('JL9901010000000', '0000000000000000');
  await expect(error).toHaveText('查询码或查询密码不正确，请核对后再试。');

  for (let attempt = 2; attempt <= 5; attempt++) {
    await lookup(trackingCode, `00000000000000${attempt}${attempt}`);
    await expect(error).toBeVisible();
  }
  await lookup(trackingCode, '1111111111111111');
  await expect(error).toContainText('尝试次数过多');
  await expect(error).toContainText(/请在 \d+(天|小时|分)/);
  await expect(page.getByTestId('lookup-submit')).toBeDisabled();
  await phoneScreen(page, 'portal-6-rate-limited');
});

test('the portal reads in English too, and the phone layout holds', async ({ browser }) => {
  const page = await phonePage(browser);
  await page.goto('/portal/submit');
  await page.getByTestId('portal-lang').getByText('EN').click();
  await expect(page.getByTestId('portal-submit')).toContainText('Complaint or tip');
  await page.getByTestId('tip-named').click();
  await expect(page.getByTestId('tip-phone')).toBeVisible();
  await phoneScreen(page, 'portal-7-english-named');
  await expectNoSidewaysScroll(page);
  await page.getByTestId('portal-lang').getByText('中文').click();
});

test('a file that only pretends to be a photo is refused by its content, and the form says which', async ({ browser }) => {
  const page = await phonePage(browser);
  await page.goto('/portal/submit');
  await page.getByTestId('tip-description').fill('药店销售的降压药包装印刷模糊，疑似假药，附上照片');
  await page.locator('.portal-upload input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('这不是图片，只是文字') });
  await page.getByTestId('tip-pledge').click();
  await page.getByTestId('tip-submit').click();
  await expect(page.getByTestId('tip-file-error')).toBeVisible();
  await expect(page.getByTestId('tip-error')).toContainText('提交失败');
  await expect(page.getByTestId('portal-receipt')).toHaveCount(0);
  await phoneScreen(page, 'portal-14-file-refused');
});
