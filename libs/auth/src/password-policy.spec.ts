import { passwordProblem } from './password-policy';

describe('staff password policy', () => {
  it.each(['1234567890', '123456789012', 'password1234', 'qwertyuiop12', 'iloveyou2026', 'aaaaaaaaaaaaaaaa', 'abcdefghijklmn'])('refuses %s', (password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });

  it('refuses anything under 12 characters, however random', () => {
    expect(passwordProblem('Hd7#kq2!xLm')).toMatch(/at least 12/);
  });

  it('refuses a password built from the account name', () => {
    expect(passwordProblem('zhangwei.aic2026', ['zhangwei.aic'])).toMatch(/guess/);
  });

  it.each(['Hd7#kq2!xLm9', 'test-password-2026', 'river-lamp-orchid-73'])('accepts %s', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
