import { expect, test, type APIRequestContext } from '@playwright/test';
import { login, screen, SUPERVISOR } from './support';

const SUPERMARKET = '长春市福满多生鲜超市';
const ADDRESS = '长春市南关区人民大街 1200 号';

function beijing(at: number): { date: string; time: string } {
  const local = new Date(at + 8 * 3600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 19) };
}

/** One complaint about the supermarket as each hotline sends it: 12315 and 12330 JSON, 12365 XML. */
async function pushAbout(request: APIRequestContext, feed: '12315' | '12330' | '12365', n: number): Promise<void> {
  const { date, time } = beijing(Date.now() - n * 60_000);
  const id = `TREND-E2E-${feed}-${Date.now()}-${n}`;
  const text = `在${SUPERMARKET}买到的进口牛奶是假冒的，包装印刷模糊（${n}）`;
  const bodies = {
    '12315': { contentType: 'application/json', body: JSON.stringify({ gdbh: id, ldsj: `${date} ${time}`, qdly: '电话', sjlx: '投诉', sqr: { xm: '张三', dh: '13912345678' }, bsdx: { mc: SUPERMARKET, dz: ADDRESS }, xzqh: '220102', sqnr: text }) },
    '12330': { contentType: 'application/json', body: JSON.stringify({ caseNo: id, receivedAt: `${date}T${time}+08:00`, reportType: 'complaint', ipType: 'TRADEMARK', reporter: { name: '李四', mobile: '13812345678', anonymous: false }, respondent: { name: SUPERMARKET, address: ADDRESS }, region: '220102', description: text, evidence: [] }) },
    '12365': {
      contentType: 'application/xml',
      body: `<?xml version="1.0" encoding="UTF-8"?><Complaint><SerialNo>${id}</SerialNo><AcceptTime>${date.replace(/-/g, '/')} ${time.slice(0, 5)}</AcceptTime><Type>1</Type><Caller Anonymous="N"><Name>王五</Name><Tel>13712345678</Tel></Caller><Enterprise><Name>${SUPERMARKET}</Name><CreditCode></CreditCode><Address>${ADDRESS}</Address></Enterprise><AreaCode>220102</AreaCode><Product></Product><Content>${text}</Content></Complaint>`,
    },
  };
  const { contentType, body } = bodies[feed];
  const response = await request.post(`/api/v1/intake/${feed}`, { headers: { 'X-Feed-Key': `dev-key-${feed}`, 'Content-Type': contentType }, data: Buffer.from(body, 'utf8') });
  expect(response.status(), await response.text()).toBe(202);
}

test('a supervisor sees a trend alert appear live after a burst on three hotlines, and acknowledges it', async ({ page, request }) => {
  await login(page, SUPERVISOR);
  await page.getByTestId('menu-trends').click();
  await expect(page).toHaveURL(/\/trends/);
  await expect(page.getByTestId('trend-alerts')).toBeVisible();
  const row = page.getByTestId('trend-alerts').locator('tr', { hasText: SUPERMARKET });
  await expect(row).toHaveCount(0);

  for (const [n, feed] of (['12315', '12330', '12365', '12315', '12330', '12365'] as const).entries()) await pushAbout(request, feed, n);
  // the watch runs every 10 minutes; the supervisor asks for it now (the page does not reload)
  await page.getByTestId('trend-scan').click();

  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('主体');
  await expect(row.getByTestId('trend-count')).toContainText('6 件');
  await expect(row.getByTestId('trend-hotlines')).toHaveText(/12315.*12330.*12365/);
  await screen(page, 'trends-alert');

  await row.getByTestId('trend-acknowledge').click();
  await expect(row).toContainText('已知悉');
  await expect(row.getByTestId('trend-acknowledge')).toHaveCount(0);
  await page.getByTestId('trend-filter').getByText('待处理').click();
  await expect(page).toHaveURL(/status=OPEN/);
  await expect(page.getByTestId('trend-alerts').locator('tr', { hasText: SUPERMARKET })).toHaveCount(0);
});
