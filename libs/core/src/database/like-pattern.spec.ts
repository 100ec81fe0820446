import { likeContains } from './like-pattern';

describe('likeContains', () => {
  it('wraps the words and escapes the LIKE metacharacters', () => {
    expect(likeContains('宏达超市')).toBe('%宏达超市%');
    expect(likeContains('%')).toBe('%\\%%');
    expect(likeContains('a_b')).toBe('%a\\_b%');
    expect(likeContains('C:\\x')).toBe('%C:\\\\x%');
  });
});
