import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  beijingYear,
  closeWithPenalty,
  createStaff,
  dispatchedTicket,
  expectNoSidewaysScroll,
  phonePage,
  phoneScreen,
  residentId,
  settledScreen,
  staffApi,
  staffToken,
  type StaffAccount,
} from './portal-support';
import { formatFen } from '../src/lib/money';
import { ADMIN, login, OPERATOR_1 } from './support';

interface BudgetLine {
  department: string;
  paidFen: number;
  availableFen: number;
}

interface Receipt {
  trackingCode: string;
  pin: string;
}

/** A named tip through the portal form, as a tipster types it on the phone. */
async function submitNamedTip(page: Page, description: string, idNumber: string): Promise<Receipt> {
  await page.goto('/portal/submit');
  await page.getByTestId('tip-kind-REPORT').click();
  await page.getByTestId('tip-description').fill(description);
  await page.getByTestId('tip-region').click();
  await page.getByTitle('长春市').click();
  await page.getByTestId('tip-subject-name').fill('长春市宏达超市有限公司');
  await page.getByTestId('tip-named').click();
  await page.getByTestId('tip-name').fill('李小明');
  await page.getByTestId('tip-phone').fill('139 0431 2288');
  await page.getByTestId('tip-id-number').fill(idNumber);
  await page.getByTestId('tip-pledge').click();
  await page.getByTestId('tip-submit').click();
  await expect(page.getByTestId('receipt-code')).toBeVisible();
  const receipt = { trackingCode: (await page.getByTestId('receipt-code').getAttribute('data-value'))!, pin: (await page.getByTestId('receipt-pin').getAttribute('data-value'))! };
  await page.getByTestId('receipt-saved').click();
  return receipt;
}

async function lookUp(page: Page, receipt: Receipt): Promise<void> {
  await page.goto(`/portal/status?code=${receipt.trackingCode}`);
  await page.getByTestId('lookup-pin').fill(receipt.pin);
  await page.getByTestId('lookup-submit').click();
  await expect(page.getByTestId('portal-status-code')).toHaveText(receipt.trackingCode);
}

async function staffPage(browser: Browser, account: StaffAccount): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await login(page, account);
  return page;
}

test('a tip from a phone is closed with a penalty, approved, claimed on the phone and paid', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const phone = await phonePage(browser);
  const idNumber = residentId();
  const receipt = await submitNamedTip(phone, '长春市朝阳区宏达超市销售假冒名牌白酒，瓶盖防伪码扫不出来，货架上还有三十多瓶', idNumber);

  const admin = staffApi(request, await staffToken(request, ADMIN));
  const operator = staffApi(request, await staffToken(request, OPERATOR_1));
  const ticket = await dispatchedTicket(operator, receipt.trackingCode);
  const leadUnit = ticket.routing!.leadUnit!;
  const handler = staffApi(request, await staffToken(request, await createStaff(request, await staffToken(request, ADMIN), 'HANDLER', '承办人 赵宁', leadUnit)));
  const officerAccount = await createStaff(request, await staffToken(request, ADMIN), 'REWARD_OFFICER', '奖励审核员 钱进');
  const officer = staffApi(request, await staffToken(request, officerAccount));

  // A fine of ¥200,000.00 at level 2 (3%): a reward of ¥6,000.00, within a budget of ¥10,000.00.
  await closeWithPenalty(handler, ticket, { fineFen: 20_000_000, rewardLevel: 'L2' });
  const department = ticket.routing!.leadDepartment!;
  await admin.post('/budgets', { department, year: beijingYear(), amountFen: 1_000_000, note: '年度举报奖励经费' }, 201);
  const budgetLine = async () => (await admin.get<{ items: BudgetLine[] }>(`/budgets?year=${beijingYear()}`)).items.find((line) => line.department === department)!;
  const before = await budgetLine();

  await lookUp(phone, receipt);
  await expect(phone.getByTestId('portal-reward-state')).toHaveText('审核中');
  await expect(phone.getByTestId('portal-reward-amount')).toHaveText('¥6,000.00');
  await phoneScreen(phone, 'portal-8-reward-proposed');

  // The officer approves in the staff console.
  const staff = await staffPage(browser, officerAccount);
  await expect(staff).toHaveURL(/\/rewards/);
  const row = staff.getByTestId(`reward-row-${receipt.trackingCode}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('¥6,000.00');
  await settledScreen(staff, 'rewards-queue');
  await row.click();
  await expect(staff.getByTestId('reward-page')).toHaveAttribute('data-state', 'PROPOSED');
  await expect(staff.getByTestId('reward-ticket')).toContainText('长春市宏达超市有限公司');
  await settledScreen(staff, 'reward-proposed');
  await staff.keyboard.press('a');
  await expect(staff.getByTestId('approve-dialog')).toContainText('¥6,000.00');
  await staff.getByTestId('approve-dialog-text').fill('举报属实，证据充分');
  await staff.getByTestId('approve-dialog-submit').click();
  await expect(staff.getByTestId('reward-page')).toHaveAttribute('data-state', 'NOTIFIED');

  // The tipster sees it at once and claims it on the phone.
  await phone.getByTestId('portal-refresh').click();
  await expect(phone.getByTestId('portal-reward-state')).toHaveText('可以领取');
  await expect(phone.getByTestId('portal-reward-claim-by')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await phoneScreen(phone, 'portal-9-reward-notified');
  await expectNoSidewaysScroll(phone);
  await phone.getByTestId('portal-claim').click();
  await phone.getByTestId('claim-name').fill('李小明');
  await phone.getByTestId('claim-id-number').fill(idNumber);
  await phone.getByTestId('claim-bank').fill('中国工商银行长春人民大街支行');
  await phone.getByTestId('claim-account').fill('6222 0202 0011 2233 445');
  await phoneScreen(phone, 'portal-10-claim-form');
  await expectNoSidewaysScroll(phone);
  await phone.getByTestId('claim-review').click();
  await expect(phone.getByTestId('claim-confirm-dialog')).toContainText('6222 0202 0011 2233 445');
  await expect(phone.locator('.ant-modal[class*="ant-zoom"]')).toHaveCount(0);
  await phone.screenshot({ path: `${process.cwd()}/artifacts/screens/portal-11-claim-confirm.png` });
  await phone.getByTestId('claim-confirm').click();
  await expect(phone.getByTestId('portal-reward-state')).toHaveText('已申领，等待发放');
  await expect(phone.getByTestId('portal-reward')).toHaveAttribute('data-state', 'CLAIMED');
  await phoneScreen(phone, 'portal-12-claimed');

  // A second claim has nothing left to claim.
  const again = await request.post('/api/v1/public/tips/claim', {
    data: { ...receipt, payout: { name: '李小明', idNumber, bankName: '中国银行', accountNumber: '6216600000000000' } },
  });
  expect(again.status()).toBe(409);

  // The officer reads the account with a reason, pays, and records the voucher.
  await staff.getByTestId('menu-payouts').click();
  await staff.getByTestId(`reward-row-${receipt.trackingCode}`).click();
  await expect(staff.getByTestId('reward-page')).toHaveAttribute('data-state', 'CLAIMED');
  await expect(staff.getByTestId('payee-panel')).not.toContainText('6222020200112233445');
  await staff.keyboard.press('v');
  await staff.getByTestId('reveal-dialog-text').fill('核对收款账户后转账');
  await staff.getByTestId('reveal-dialog-submit').click();
  await expect(staff.getByTestId('payee-payout')).toContainText('6222020200112233445');
  await expect(staff.getByTestId('payee-payout')).toContainText(idNumber);
  await settledScreen(staff, 'reward-claimed-revealed');
  await staff.keyboard.press('p');
  await staff.getByTestId('pay-dialog-text').fill('PZ-2026-000318');
  await staff.getByTestId('pay-dialog-submit').click();
  await expect(staff.getByTestId('reward-page')).toHaveAttribute('data-state', 'PAID');
  await expect(staff.getByTestId('reward-voucher')).toHaveText('PZ-2026-000318');
  await settledScreen(staff, 'reward-paid');

  const history = await officer.get<Array<{ action: string; reason: string | null }>>(`/tickets/${ticket.id}/history`);
  expect(history.some((entry) => entry.action === 'PAYEE_REVEALED' && entry.reason === '核对收款账户后转账')).toBe(true);

  await phone.getByTestId('portal-refresh').click();
  await expect(phone.getByTestId('portal-reward-state')).toHaveText('已发放');
  await expect(phone.getByTestId('portal-reward-paid-at')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(phone.getByTestId('portal-status-page')).not.toContainText(leadUnit);
  await expect(phone.getByTestId('portal-status-page')).not.toContainText('赵宁');
  await phoneScreen(phone, 'portal-13-paid');

  // The ledger holds the grant, the commitment and the payout; the budget and the check agree.
  await staff.getByTestId('menu-ledger').click();
  await expect(staff.getByTestId('ledger-list')).toContainText(receipt.trackingCode);
  await expect(staff.getByTestId('reconciliation')).toHaveAttribute('data-ok', 'true');
  await settledScreen(staff, 'rewards-ledger');
  await staff.getByTestId('menu-budgets').click();
  const after = await budgetLine();
  expect(after.paidFen - before.paidFen).toBe(600_000);
  expect(after.availableFen - before.availableFen).toBe(-600_000);
  await expect(staff.getByTestId(`budget-row-${department}`)).toContainText(formatFen(after.paidFen));
  await settledScreen(staff, 'rewards-budgets');
});

test('a reward of ¥500,000.00 or more needs finance too, and an approval beyond the budget is refused in plain words', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const adminToken = await staffToken(request, ADMIN);
  const admin = staffApi(request, adminToken);
  const operator = staffApi(request, await staffToken(request, OPERATOR_1));
  const officerAccount = await createStaff(request, adminToken, 'REWARD_OFFICER', '奖励审核员 周密');
  const financeAccount = await createStaff(request, adminToken, 'FINANCE', '财政局 复核 吴谨');
  const officerApi = staffApi(request, await staffToken(request, officerAccount));
  const financeApi = staffApi(request, await staffToken(request, financeAccount));
  const text = '长春市宏达超市仓库囤积大量假冒进口奶粉，整车从外地运来，每周两次';

  // An earlier tip about the same matter is rewarded first, sized to leave the department ¥1,000.00 this year.
  const earlier = await request.post('/api/v1/public/tips', { data: { kind: 'REPORT', description: text, regionCode: '220100', reporter: { anonymous: true } } });
  expect(earlier.status()).toBe(201);
  const earlierTicket = await dispatchedTicket(operator, ((await earlier.json()) as Receipt).trackingCode);
  const handler = staffApi(request, await staffToken(request, await createStaff(request, adminToken, 'HANDLER', '承办人 孙立', earlierTicket.routing!.leadUnit!)));
  const department = earlierTicket.routing!.leadDepartment!;
  const availableOf = async () => (await admin.get<{ items: BudgetLine[] }>(`/budgets?year=${beijingYear()}`)).items.find((line) => line.department === department)?.availableFen ?? 0;
  const earlierAmount = Math.min(100_000_000, (await availableOf()) - 100_000);
  // The demo budget (¥1,000,000.00 a department) leaves room for a large reward: officer and finance approve it.
  expect(earlierAmount).toBeGreaterThanOrEqual(50_000_000);
  // Level 3 is 1% of the fine.
  await closeWithPenalty(handler, earlierTicket, { fineFen: earlierAmount * 100, rewardLevel: 'L3' });
  const [first] = (await officerApi.get<{ items: Array<{ id: string; amountFen: number }> }>(`/rewards?ticketId=${earlierTicket.id}`)).items;
  expect(first.amountFen).toBe(earlierAmount);
  await officerApi.post(`/rewards/${first.id}/approve`, {});
  await financeApi.post(`/rewards/${first.id}/approve`, {});

  const phone = await phonePage(browser);
  const receipt = await submitNamedTip(phone, text, residentId());
  const ticket = await dispatchedTicket(operator, receipt.trackingCode);
  expect(ticket.routing!.leadUnit).toBe(earlierTicket.routing!.leadUnit);

  // A fine of ¥20,000,000.00 at level 2: ¥600,000.00, more than the department has left this year.
  await closeWithPenalty(handler, ticket, { fineFen: 2_000_000_000, rewardLevel: 'L2' });
  const availableFen = await availableOf();
  expect(availableFen).toBeLessThan(60_000_000);

  const finance = await staffPage(browser, financeAccount);
  await finance.getByTestId(`reward-row-${receipt.trackingCode}`).click();
  await expect(finance.getByTestId('finance-needed')).toContainText('两级审批');
  await expect(finance.getByTestId('reward-approve')).toHaveCount(0);

  const officer = await staffPage(browser, officerAccount);
  await officer.getByTestId(`reward-row-${receipt.trackingCode}`).click();
  await officer.getByTestId('reward-approve').click();
  await officer.getByTestId('approve-dialog-submit').click();
  await expect(officer.getByTestId('finance-needed')).toContainText('等待财政复核');
  await expect(officer.getByTestId('reward-page')).toHaveAttribute('data-state', 'PROPOSED');
  await settledScreen(officer, 'reward-awaiting-finance');

  await finance.reload();
  await finance.getByTestId('reward-approve').click();
  await finance.getByTestId('approve-dialog-submit').click();
  await expect(finance.getByTestId('budget-exceeded')).toContainText('预算不足');
  await expect(finance.getByTestId('budget-exceeded')).toContainText('¥600,000.00');
  await expect(finance.getByTestId('reward-page')).toHaveAttribute('data-state', 'PROPOSED');
  await settledScreen(finance, 'reward-budget-exceeded');

  // The administrator adds budget on the budgets screen; then finance's approval goes through.
  const adminPage = await staffPage(browser, ADMIN);
  await adminPage.goto('/budgets');
  const { departments } = await admin.get<{ departments: Record<string, string> }>('/taxonomy');
  await adminPage.getByTestId('grant-department').click();
  await adminPage.keyboard.type(departments[department]);
  await adminPage.getByTestId('grant-department').locator('input').press('Enter');
  await adminPage.getByTestId('grant-amount').fill('1,000,000');
  await adminPage.getByTestId('grant-note').fill('追加大额举报奖励经费');
  await adminPage.getByTestId('grant-submit').click();
  await expect(adminPage.getByTestId(`budget-row-${department}`)).toContainText(formatFen(availableFen + 100_000_000));
  await expect(adminPage.getByTestId('reconciliation')).toHaveAttribute('data-ok', 'true');
  await settledScreen(adminPage, 'budgets-admin-grant');

  await finance.getByTestId('reward-approve').click();
  await finance.getByTestId('approve-dialog-submit').click();
  await expect(finance.getByTestId('reward-page')).toHaveAttribute('data-state', 'NOTIFIED');
  await expect(finance.getByTestId('approval-steps')).toContainText('吴谨');
  await settledScreen(finance, 'reward-finance-approved');

  await lookUp(phone, receipt);
  await expect(phone.getByTestId('portal-reward-amount')).toHaveText('¥600,000.00');
  await expect(phone.getByTestId('portal-reward-state')).toHaveText('可以领取');
});
