import { expect, test } from '@playwright/test';
import { actAs, AIC_HANDLER, AIC_HEAD, login, POLICE, PROSECUTOR, pushForChangchunAic, screen, ticketAs, tokenOf } from './support';

test('a transfer to the police goes through unit-head approval and police acceptance', async ({ browser, request }) => {
  const pushed = await pushForChangchunAic(request, '长春市朝阳区宏达超市仓库大量囤积假冒品牌奶粉，涉案金额估计超过二十万元', '举报');
  const handlerToken = await tokenOf(request, AIC_HANDLER);
  await expect.poll(async () => (await ticketAs(request, handlerToken, pushed.ticketId)).ticket.status, { timeout: 15_000 }).toBe('DISPATCHED');
  await actAs(request, handlerToken, pushed.ticketId, 'accept');
  await actAs(request, handlerToken, pushed.ticketId, 'file-case', { caseNumber: '长工商立字〔2026〕第 90 号' });

  const handler = await (await browser.newContext()).newPage();
  await login(handler, AIC_HANDLER);
  await handler.goto(`/tickets/${pushed.ticketId}`);
  await expect(handler.getByTestId('case-status')).toHaveText('办理中');
  await handler.keyboard.press('t');
  await handler.getByTestId('transfer-dialog-reason').fill('仓库查获假冒奶粉 2000 余罐，货值超过 20 万元，涉嫌销售伪劣产品罪');
  await screen(handler, 'case-transfer-dialog');
  await handler.getByTestId('transfer-dialog-submit').click();
  await expect(handler.getByTestId('case-transfer-state')).toContainText('待单位负责人审批');
  await expect(handler.getByTestId('clock-transferDecisionBy')).toBeVisible();

  const head = await (await browser.newContext()).newPage();
  await login(head, AIC_HEAD);
  await head.getByTestId('menu-approvals').click();
  const approval = head.getByTestId(`approvals-row-${pushed.trackingCode}`);
  await expect(approval).toBeVisible();
  await expect(head.getByTestId(`deadline-${pushed.trackingCode}`)).toHaveText(/^正常 · \d{4}-\d{2}-\d{2} · 剩 2天 \d+小时/);
  await screen(head, 'transfer-approvals');
  await approval.click();
  await expect(head.getByTestId('case-approve')).toBeEnabled();
  await head.keyboard.press('y');
  await head.getByTestId('approve-dialog-submit').click();
  await expect(head.getByTestId('case-status')).toHaveText('已移送公安');
  await expect(head.getByTestId('case-transfer-state')).toContainText('已移交公安，待决定');
  await screen(head, 'case-transferred');

  const police = await (await browser.newContext()).newPage();
  await login(police, POLICE);
  await expect(police).toHaveURL(/\/police/);
  const incoming = police.getByTestId(`police-row-${pushed.trackingCode}`);
  await expect(incoming).toBeVisible();
  await screen(police, 'police-transfers');
  await incoming.click();
  await expect(police.getByTestId('ticket-reporter')).not.toContainText('张三');
  await police.getByTestId('case-policeAccept').click();
  await police.getByTestId('police-accept-dialog-reason').fill('已立案侦查');
  await police.getByTestId('police-accept-dialog-submit').click();
  await expect(police.getByTestId('case-status')).toHaveText('已办结');
  await expect(police.getByTestId('case-outcome')).toContainText('移送公安');
  await screen(police, 'police-accepted');

  const closed = await ticketAs(request, handlerToken, pushed.ticketId);
  expect(closed.ticket.status).toBe('CLOSED');
  expect(closed.ticket.case.closure?.outcome).toBe('TRANSFERRED');

  const prosecutor = await (await browser.newContext()).newPage();
  await login(prosecutor, PROSECUTOR);
  await expect(prosecutor).toHaveURL(/\/oversight/);
  await expect(prosecutor.getByTestId(`oversight-row-${pushed.trackingCode}`)).toBeVisible();
  await screen(prosecutor, 'prosecutor-oversight');
  await prosecutor.getByTestId(`oversight-row-${pushed.trackingCode}`).click();
  await expect(prosecutor.getByTestId('case-view')).toContainText('只读查看');
  await expect(prosecutor.getByTestId('case-actions')).toHaveCount(0);
});
