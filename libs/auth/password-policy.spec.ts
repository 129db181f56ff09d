import { checkPassword } from './password-policy.js';

describe('the password rule', () => {
  it.each([
    ['short-1A', '至少 10 位'],
    ['alllowercaseletters', '至少三类'],
    ['lowercase12345', '至少三类'],
    ['Password123', '过于常见'],
    ['password1!', '过于常见'],
    ['zhangsan-2026!', '邮箱用户名'],
  ])('refuses %s, naming the rule (%s)', (password, rule) => {
    expect(() => checkPassword(password, 'zhangsan@taixing.gov.cn', 10)).toThrow(rule);
  });

  it.each(['password-123', 'Tx-Jiaoyu2026', '督办Secure-99'])('accepts %s', (password) => {
    expect(() => checkPassword(password, 'zhangsan@taixing.gov.cn', 10)).not.toThrow();
  });
});
