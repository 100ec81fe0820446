import { expect, test } from '@playwright/test';
import { ADMIN, AIC_HANDLER, login, OPERATOR_1, screen, SUPERVISOR } from './support';

test('an operator signs in and sees the four console screens', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const response = await page.goto('/login');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await screen(page, 'login');
  await login(page, OPERATOR_1);
  await expect(page).toHaveURL(/\/queue/);
  for (const menu of ['queue', 'triage', 'new', 'unreadable']) await expect(page.getByTestId(`menu-${menu}`)).toBeVisible();
  await expect(page.getByTestId('counter-triage-waiting')).toBeVisible();
  await expect(page.getByTestId('counter-oldest-wait')).toBeVisible();
  await expect(page.getByTestId('counter-dispatched-today')).toBeVisible();
  await expect(page.getByTestId('counter-by-feed')).toBeVisible();
  // the strict CSP lets the built console load everything it needs
  expect(blocked).toEqual([]);
});

test('a wrong password is refused with the server message', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(OPERATOR_1.username);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('a supervisor sees the live queue, the overdue list and the reward budgets only', async ({ page }) => {
  await login(page, SUPERVISOR);
  await expect(page.getByTestId('menu-queue')).toBeVisible();
  await expect(page.getByTestId('menu-overdue')).toBeVisible();
  await expect(page.getByTestId('menu-budgets')).toBeVisible();
  await expect(page.getByTestId('menu-ledger')).toBeVisible();
  await expect(page.getByTestId('menu-triage')).toHaveCount(0);
  await expect(page.getByTestId('menu-new')).toHaveCount(0);
});

test('an admin lands on the holiday calendar, a handler on the unit workbench', async ({ page }) => {
  await login(page, ADMIN);
  await expect(page).toHaveURL(/\/admin\/holidays/);
  await expect(page.getByTestId('menu-admin-holidays')).toBeVisible();
  await expect(page.getByTestId('menu-budgets')).toBeVisible();
  await expect(page.getByTestId('coming-soon')).toHaveCount(0);
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await login(page, AIC_HANDLER);
  await expect(page).toHaveURL(/\/workbench/);
  await expect(page.getByTestId('menu-workbench')).toBeVisible();
  await expect(page.getByTestId('menu-queue')).toHaveCount(0);
});

test('the language choice is remembered', async ({ page }) => {
  await login(page, OPERATOR_1);
  await page.getByTestId('lang-switch').getByText('EN').click();
  await expect(page.getByTestId('menu-queue')).toContainText('Live queue');
  await page.reload();
  await expect(page.getByTestId('menu-queue')).toContainText('Live queue');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByTestId('menu-queue')).toContainText('实时队列');
});

test('an expired access token is renewed with the refresh token, without the user noticing', async ({ page }) => {
  await login(page, OPERATOR_1);
  const refreshBefore = await page.evaluate(() => sessionStorage.getItem('hub.refresh'));
  // the token expires as the page loads again: set before any of the console's code runs, so the page
  // being left cannot itself renew (and spend the refresh token) on its way out
  await page.addInitScript(() => {
    if (sessionStorage.getItem('test.expiredOnce')) return;
    sessionStorage.setItem('test.expiredOnce', '1');
    sessionStorage.setItem('hub.token', 'expired');
  });
  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page).toHaveURL(/\/queue/);
  expect(await page.evaluate(() => sessionStorage.getItem('hub.refresh'))).not.toBe(refreshBefore);
});

test('a lost session goes back to the login page', async ({ page }) => {
  await login(page, OPERATOR_1);
  await page.evaluate(() => {
    sessionStorage.setItem('hub.token', 'expired');
    sessionStorage.setItem('hub.refresh', 'expired');
  });
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
});

test('logging out ends the session on the server too', async ({ page }) => {
  await login(page, OPERATOR_1);
  const token = await page.evaluate(() => sessionStorage.getItem('hub.token'));
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(async () => (await page.request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(401);
});
